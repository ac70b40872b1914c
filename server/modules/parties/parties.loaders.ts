import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
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
    populationsByPartyId: new DataLoader<string, PopulationFigureRow[]>(async (ids) => {
      const rows = await repo.listPopulationFigures(db, ids);
      const byParty = new Map<string, PopulationFigureRow[]>();
      for (const row of rows) {
        const list = byParty.get(row.partyId) ?? [];
        list.push(row);
        byParty.set(row.partyId, list);
      }
      return ids.map((id) => byParty.get(id) ?? []);
    }),
    themeByCode: new DataLoader<string, ThemeRow | undefined>(async (codes) => {
      const byCode = new Map((await repo.findThemesByCodes(db, codes)).map((t) => [t.code, t]));
      return codes.map((c) => byCode.get(c));
    }),
  };
}

export type PartiesLoaders = ReturnType<typeof createPartiesLoaders>;
