import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy } from '../../lib/batch.js';
import * as repo from './parties.repo.js';
import type { PartyRow, PopulationFigureRow, ThemeRow } from './parties.table.js';

/** Batched reads for one request: a list of parties costs one query for all their figures. */
export function createPartiesLoaders(db: Db) {
  return {
    partyById: new DataLoader<string, PartyRow | undefined>(async (ids) => {
      const rows = await repo.findPartiesByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id));
    }),
    populationsByPartyId: new DataLoader<string, PopulationFigureRow[]>(async (ids) =>
      groupBy(ids, await repo.listPopulationFigures(db, ids), (f) => f.partyId),
    ),
    themeByCode: new DataLoader<string, ThemeRow | undefined>(async (codes) => {
      const byCode = new Map((await repo.findThemesByCodes(db, codes)).map((t) => [t.code, t]));
      return codes.map((c) => byCode.get(c));
    }),
  };
}

export type PartiesLoaders = ReturnType<typeof createPartiesLoaders>;
