import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import * as repo from './needs.repo.js';

/** Batched reads for one request: a page of needs with parties, responsibilities and actions costs a fixed number of queries. */
export function createNeedsLoaders(db: Db) {
  const { byId, many } = batchLoaders(db);
  return {
    needById: byId(repo.needRows.findByIds),
    responsibilitiesByNeedId: many(repo.listResponsibilities, (r) => r.needId),
    actionById: byId(repo.actionRows.findByIds),
    actionsByNeedId: many(repo.listActions, (r) => r.needId),
    commentsByNeedId: many(repo.listComments, (r) => r.needId),
  };
}
