import type { Db } from '../../db/client.js';
import { rowLoader } from '../../lib/batch.js';
import * as repo from './persons.repo.js';

/** Batched person reads for one request (members, chairs, presenters). */
export function createPersonsLoaders(db: Db) {
  return {
    personById: rowLoader(
      (ids) => repo.findPersonsByIds(db, ids),
      (r) => r.id,
    ),
    /** The person of a user account (issue 12: the people page). */
    personByUserId: rowLoader(
      (userIds) => repo.findPersonsOfUsers(db, userIds),
      (r) => r.userId ?? '',
    ),
  };
}

export type PersonsLoaders = ReturnType<typeof createPersonsLoaders>;
