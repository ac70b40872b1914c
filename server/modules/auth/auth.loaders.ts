import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import * as repo from './auth.repo.js';
import * as accountsRepo from './accounts.repo.js';

/** Batched user reads for one request (event actors, authors). */
export function createUsersLoaders(db: Db) {
  const { byId, one } = batchLoaders(db);
  return {
    userById: byId(repo.userRows.findByIds),
    /** The newest live one-time link of each account (issue 12: pending invitations on the people page). */
    liveLinkByUserId: one(accountsRepo.liveLinksOfUsers, (r) => r.userId),
  };
}
