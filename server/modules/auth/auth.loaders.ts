import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import * as repo from './auth.repo.js';
import type { UserRow } from './auth.table.js';

/** Batched user reads for one request (event actors, authors). */
export function createUsersLoaders(db: Db) {
  return {
    userById: new DataLoader<string, UserRow | undefined>(async (ids) => {
      const rows = await repo.findUsersByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
  };
}

export type UsersLoaders = ReturnType<typeof createUsersLoaders>;
