import type { Db } from '../../db/client.js';
import { groupLoader, rowLoader } from '../../lib/batch.js';
import * as repo from './parties.repo.js';

/** Batched reads for one request: a list of parties costs one query for all their figures. */
export function createPartiesLoaders(db: Db) {
  return {
    partyById: rowLoader(
      (ids) => repo.findPartiesByIds(db, ids),
      (r) => r.id,
    ),
    populationsByPartyId: groupLoader(
      (ids) => repo.listPopulationFigures(db, ids),
      (f) => f.partyId,
    ),
    themeByCode: rowLoader(
      (codes) => repo.findThemesByCodes(db, codes),
      (t) => t.code,
    ),
  };
}

export type PartiesLoaders = ReturnType<typeof createPartiesLoaders>;
