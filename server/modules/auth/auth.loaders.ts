import type { Db } from '../../db/client.js';
import { rowLoader } from '../../lib/batch.js';
import * as repo from './auth.repo.js';
import * as accountsRepo from './accounts.repo.js';

/** Batched user reads for one request (event actors, authors). */
export function createUsersLoaders(db: Db) {
  return {
    userById: rowLoader(
      (ids) => repo.findUsersByIds(db, ids),
      (r) => r.id,
    ),
    /** The newest live one-time link of each account (issue 12: pending invitations on the people page). */
    liveLinkByUserId: rowLoader(
      (ids) => accountsRepo.liveLinksOfUsers(db, ids),
      (r) => r.userId,
    ),
  };
}

export type UsersLoaders = ReturnType<typeof createUsersLoaders>;
