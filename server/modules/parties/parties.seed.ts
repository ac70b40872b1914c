import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import { THEMES } from '../../seed/themes.js';
import { parseIndicatorCsv } from '../analytics/indicators.csv.js';
import * as repo from './parties.repo.js';
import type { PartyRow } from './parties.table.js';

const csvPath = path.resolve(import.meta.dirname, '../../seed/parties.csv');
const indicatorCsvPath = path.resolve(import.meta.dirname, '../../seed/sotkanet-demo-values.csv');

/** Where the demo's newest population figures come from (the demo indicator file, Sotkanet indicator 127). */
export const DEMO_POPULATION_SOURCE = 'THL/Sotkanet (demo)';

/**
 * The population on 31 December of the newest year in the demo indicator file
 * (Sotkanet 127, both genders), by official code: the parties' figures then say
 * what the indicator charts say.
 */
export function newestDemoPopulation(text = fs.readFileSync(indicatorCsvPath, 'utf8')): {
  year: number;
  byCode: Map<string, number>;
} {
  const rows = parseIndicatorCsv(text).rows.filter((r) => r.indicatorCode === '127' && r.gender === 'TOTAL');
  const year = Math.max(...rows.map((r) => r.year));
  return { year, byCode: new Map(rows.filter((r) => r.year === year).map((r) => [r.regionCode, r.value])) };
}

/** Swedish names where they are official (bilingual forms or established usage). */
const SWEDISH: Record<string, string> = {
  '15': 'Mellersta Finlands välfärdsområde',
  '13': 'Landskapsförbundet för Mellersta Finland',
  '249': 'Keuru',
  '410': 'Laukas',
};

/** One row of parties.csv. */
export interface PartyCsvRow {
  kind: string;
  code: string;
  name_fi: string;
  name_en: string;
  municipal_form: string;
  sub_region: string;
  population: string;
  population_date: string;
  population_status: string;
  population_source: string;
}

/** Parses the parties file (plain CSV: no quoted commas in this data). */
export function readPartiesCsv(text = fs.readFileSync(csvPath, 'utf8')): PartyCsvRow[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const keys = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? ''])) as unknown as PartyCsvRow;
  });
}

/** Inserts the region's parties with their population figures, and the themes. */
export async function seedParties(tx: Db): Promise<Map<string, PartyRow>> {
  const rows = readPartiesCsv();
  const inserted = await repo.insertParties(
    tx,
    rows.map((r) => ({
      kind: r.kind,
      code: r.code || null,
      names: { fi: r.name_fi, sv: SWEDISH[r.code] ?? (r.kind === 'MUNICIPALITY' ? r.name_fi : null), en: r.name_en || null },
      municipalForm: r.municipal_form || null,
      subRegion: r.sub_region || null,
    })),
  );
  const byCode = new Map(inserted.map((p) => [p.code ?? p.id, p]));
  // Statistics Finland's final figures (parties.csv), then the newest year of the demo indicator data.
  const newest = newestDemoPopulation();
  await repo.insertPopulationFigures(tx, [
    ...rows
      .filter((r) => r.population)
      .map((r) => ({
        partyId: byCode.get(r.code)!.id,
        value: Number(r.population),
        referenceDate: r.population_date,
        status: r.population_status,
        source: r.population_source,
      })),
    ...rows
      .filter((r) => newest.byCode.has(r.code))
      .map((r) => ({
        partyId: byCode.get(r.code)!.id,
        value: newest.byCode.get(r.code)!,
        referenceDate: `${newest.year}-12-31`,
        status: 'FINAL',
        source: DEMO_POPULATION_SOURCE,
      })),
  ]);
  await repo.insertThemes(
    tx,
    THEMES.map((t, i) => ({ ...t, sortOrder: i })),
  );
  return byCode;
}

/** True when the database holds no parties yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await repo.countParties(db)) === 0;
}
