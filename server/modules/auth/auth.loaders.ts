import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import * as repo from './auth.repo.js';
import * as accountsRepo from './accounts.repo.js';
import type { AccountLinkRow, UserRow } from './auth.table.js';

/** Batched user reads for one request (event actors, authors). */
export function createUsersLoaders(db: Db) {
  return {
    userById: new DataLoader<string, UserRow | undefined>(async (ids) => {
      const rows = await repo.findUsersByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    /** The newest live one-time link of each account (issue 12: pending invitations on the people page). */
    liveLinkByUserId: new DataLoader<string, AccountLinkRow | undefined>(async (ids) => {
      const rows = await accountsRepo.liveLinksOfUsers(db, ids);
      const byUser = new Map(rows.map((r) => [r.userId, r]));
      return ids.map((id) => byUser.get(id));
    }),
  };
}

export type UsersLoaders = ReturnType<typeof createUsersLoaders>;
