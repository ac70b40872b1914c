import type { Db } from '../../db/client.js';
import { groupLoader, rowLoader } from '../../lib/batch.js';
import * as repo from './needs.repo.js';

/** Batched reads for one request: a page of needs with parties, responsibilities and actions costs a fixed number of queries. */
export function createNeedsLoaders(db: Db) {
  return {
    needById: rowLoader(
      (ids) => repo.findNeedsByIds(db, ids),
      (r) => r.id,
    ),
    responsibilitiesByNeedId: groupLoader(
      (ids) => repo.listResponsibilities(db, ids),
      (r) => r.needId,
    ),
    actionsByNeedId: groupLoader(
      (ids) => repo.listActions(db, ids),
      (r) => r.needId,
    ),
    commentsByNeedId: groupLoader(
      (ids) => repo.listComments(db, ids),
      (r) => r.needId,
    ),
  };
}

export type NeedsLoaders = ReturnType<typeof createNeedsLoaders>;
