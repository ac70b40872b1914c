import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy, matchBy } from '../../lib/batch.js';
import * as repo from './parties.repo.js';
import type { PartyRow, PopulationFigureRow, ThemeRow } from './parties.table.js';

/** Batched reads for one request: a list of parties costs one query for all their figures. */
export function createPartiesLoaders(db: Db) {
  return {
    partyById: new DataLoader<string, PartyRow | undefined>(async (ids) =>
      matchBy(ids, await repo.findPartiesByIds(db, ids), (r) => r.id),
    ),
    populationsByPartyId: new DataLoader<string, PopulationFigureRow[]>(async (ids) =>
      groupBy(ids, await repo.listPopulationFigures(db, ids), (f) => f.partyId),
    ),
    themeByCode: new DataLoader<string, ThemeRow | undefined>(async (codes) =>
      matchBy(codes, await repo.findThemesByCodes(db, codes), (t) => t.code),
    ),
  };
}

export type PartiesLoaders = ReturnType<typeof createPartiesLoaders>;
