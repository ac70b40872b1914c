import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import * as repo from './attachments.repo.js';
import type { AttachmentRow } from './attachments.table.js';

/** Batched reads for one request: the attachments of a meeting's whole agenda cost one query per target type. */
export function createAttachmentsLoaders(db: Db) {
  return {
    /** Keyed `<targetType>:<targetId>`. */
    byTarget: new DataLoader<string, AttachmentRow[]>(async (keys) => {
      const byType = new Map<string, string[]>();
      for (const key of keys) {
        const [type, id] = key.split(':') as [string, string];
        byType.set(type, [...(byType.get(type) ?? []), id]);
      }
      const rows = (await Promise.all([...byType].map(([type, ids]) => repo.listOfTargets(db, type, ids)))).flat();
      return keys.map((key) => rows.filter((r) => `${r.targetType}:${r.targetId}` === key));
    }),
  };
}
