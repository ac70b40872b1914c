import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy } from '../../lib/batch.js';
import * as repo from './needs.repo.js';
import type { ActionRow, CommentRow, ResponsibilityRow, ServiceNeedRow } from './needs.table.js';

/** Batched reads for one request: a page of needs with parties, responsibilities and actions costs a fixed number of queries. */
export function createNeedsLoaders(db: Db) {
  return {
    needById: new DataLoader<string, ServiceNeedRow | undefined>(async (ids) => {
      const byId = new Map((await repo.findNeedsByIds(db, ids)).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    responsibilitiesByNeedId: new DataLoader<string, ResponsibilityRow[]>(async (ids) =>
      groupBy(ids, await repo.listResponsibilities(db, ids), (r) => r.needId),
    ),
    actionsByNeedId: new DataLoader<string, ActionRow[]>(async (ids) =>
      groupBy(ids, await repo.listActions(db, ids), (r) => r.needId),
    ),
    commentsByNeedId: new DataLoader<string, CommentRow[]>(async (ids) =>
      groupBy(ids, await repo.listComments(db, ids), (r) => r.needId),
    ),
  };
}

export type NeedsLoaders = ReturnType<typeof createNeedsLoaders>;
