import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { matchBy } from '../../lib/batch.js';
import * as repo from './persons.repo.js';
import type { PersonRow } from './persons.table.js';

/** Batched person reads for one request (members, chairs, presenters). */
export function createPersonsLoaders(db: Db) {
  return {
    personById: new DataLoader<string, PersonRow | undefined>(async (ids) =>
      matchBy(ids, await repo.findPersonsByIds(db, ids), (r) => r.id),
    ),
    /** The person of a user account (issue 12: the people page). */
    personByUserId: new DataLoader<string, PersonRow | undefined>(async (userIds) =>
      matchBy(userIds, await repo.findPersonsOfUsers(db, userIds), (r) => r.userId ?? ''),
    ),
  };
}

export type PersonsLoaders = ReturnType<typeof createPersonsLoaders>;
