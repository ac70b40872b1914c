import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import * as repo from './parties.repo.js';

/** Batched reads for one request: a list of parties costs one query for all their figures. */
export function createPartiesLoaders(db: Db) {
  const { byId, one, many } = batchLoaders(db);
  return {
    partyById: byId(repo.partyRows.findByIds),
    populationsByPartyId: many(repo.listPopulationFigures, (f) => f.partyId),
    themeByCode: one(repo.findThemesByCodes, (t) => t.code),
  };
}
