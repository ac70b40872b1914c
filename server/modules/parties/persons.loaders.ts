import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import * as repo from './persons.repo.js';

/** Batched person reads for one request (members, chairs, presenters). */
export function createPersonsLoaders(db: Db) {
  const { byId, one } = batchLoaders(db);
  return {
    personById: byId(repo.personRows.findByIds),
    /** The person of a user account (issue 12: the people page). */
    personByUserId: one(repo.findPersonsOfUsers, (r) => r.userId ?? ''),
  };
}
