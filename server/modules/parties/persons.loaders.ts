import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import * as repo from './persons.repo.js';
import type { PersonRow } from './persons.table.js';

/** Batched person reads for one request (members, chairs, presenters). */
export function createPersonsLoaders(db: Db) {
  return {
    personById: new DataLoader<string, PersonRow | undefined>(async (ids) => {
      const rows = await repo.findPersonsByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    /** The person of a user account (issue 12: the people page). */
    personByUserId: new DataLoader<string, PersonRow | undefined>(async (userIds) => {
      const rows = await repo.findPersonsOfUsers(db, userIds);
      const byUser = new Map(rows.map((r) => [r.userId, r]));
      return userIds.map((id) => byUser.get(id));
    }),
  };
}

export type PersonsLoaders = ReturnType<typeof createPersonsLoaders>;
