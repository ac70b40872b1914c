import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import { THEMES } from '../../seed/themes.js';
import * as repo from './parties.repo.js';
import type { PartyRow } from './parties.table.js';

const csvPath = path.resolve(import.meta.dirname, '../../seed/parties.csv');

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
  await repo.insertPopulationFigures(
    tx,
    rows
      .filter((r) => r.population)
      .map((r) => ({
        partyId: byCode.get(r.code)!.id,
        value: Number(r.population),
        referenceDate: r.population_date,
        status: r.population_status,
        source: r.population_source,
      })),
  );
  await repo.insertThemes(tx, THEMES.map((t, i) => ({ ...t, sortOrder: i })));
  return byCode;
}

/** True when the database holds no parties yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await repo.countParties(db)) === 0;
}
