import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy, matchBy } from '../../lib/batch.js';
import * as repo from './needs.repo.js';
import type { ActionRow, CommentRow, ResponsibilityRow, ServiceNeedRow } from './needs.table.js';

/** Batched reads for one request: a page of needs with parties, responsibilities and actions costs a fixed number of queries. */
export function createNeedsLoaders(db: Db) {
  return {
    needById: new DataLoader<string, ServiceNeedRow | undefined>(async (ids) =>
      matchBy(ids, await repo.findNeedsByIds(db, ids), (r) => r.id),
    ),
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
