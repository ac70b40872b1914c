import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { matchBy } from '../../lib/batch.js';
import * as repo from './auth.repo.js';
import * as accountsRepo from './accounts.repo.js';
import type { AccountLinkRow, UserRow } from './auth.table.js';

/** Batched user reads for one request (event actors, authors). */
export function createUsersLoaders(db: Db) {
  return {
    userById: new DataLoader<string, UserRow | undefined>(async (ids) =>
      matchBy(ids, await repo.findUsersByIds(db, ids), (r) => r.id),
    ),
    /** The newest live one-time link of each account (issue 12: pending invitations on the people page). */
    liveLinkByUserId: new DataLoader<string, AccountLinkRow | undefined>(async (ids) =>
      matchBy(ids, await accountsRepo.liveLinksOfUsers(db, ids), (r) => r.userId),
    ),
  };
}

export type UsersLoaders = ReturnType<typeof createUsersLoaders>;
