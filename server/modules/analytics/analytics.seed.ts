import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client.js';
import { DEMO_NEEDS } from '../needs/needs.seed.data.js';
import { matchRegion, parseIndicatorCsv } from './indicators.csv.js';
import * as repo from './indicators.repo.js';

/** Demo values in the shape of a Sotkanet export (server/seed/sotkanet-demo-values.md says what they are). */
const DEMO_CSV = path.resolve(import.meta.dirname, '../../seed/sotkanet-demo-values.csv');

/**
 * Imports the demo indicator values and gives each demo need that names a
 * Sotkanet indicator a baseline (2021, from the values) and a target (2027):
 * measured for the county when it is concerned, else the first municipality.
 */
export async function seedDemoIndicators(
  tx: Db,
  parties: readonly { id: string; kind: string; code: string | null }[],
  needIds: Map<string, string>,
  actor: { userId: string | null },
): Promise<void> {
  const { rows, skipped } = parseIndicatorCsv(fs.readFileSync(DEMO_CSV, 'utf8'));
  if (skipped.length) throw new Error(`seed: demo indicator file has unreadable rows: ${JSON.stringify(skipped.slice(0, 3))}`);
  const byCode = new Map<string, string>();
  const values: repo.NewIndicatorValue[] = [];
  for (const row of rows) {
    const match = matchRegion(row, parties);
    if ('reason' in match) throw new Error(`seed: ${match.reason}`);
    if (!byCode.has(row.indicatorCode)) {
      const { indicator } = await repo.upsertIndicator(tx, {
        source: 'SOTKANET',
        code: row.indicatorCode,
        name: row.indicatorName ?? row.indicatorCode,
        unit: row.unit,
      });
      byCode.set(row.indicatorCode, indicator.id);
    }
    values.push({
      indicatorId: byCode.get(row.indicatorCode)!,
      partyId: match.partyId,
      year: row.year,
      gender: row.gender,
      value: row.value,
      absoluteValue: row.absoluteValue,
    });
  }
  await repo.upsertIndicatorValues(tx, values);
  const partyByCode = new Map(parties.map((p) => [p.code, p.id]));
  for (const need of DEMO_NEEDS) {
    const needId = needIds.get(need.title);
    if (!needId) continue;
    for (const ref of need.indicators.filter((i) => i.source === 'SOTKANET')) {
      const indicatorId = byCode.get(ref.code);
      const partyId = partyByCode.get(need.others.includes('15') ? '15' : (need.municipalities[0] ?? '15'));
      if (!indicatorId || !partyId) continue;
      const baseline = values.find((v) => v.indicatorId === indicatorId && v.partyId === partyId && v.year === 2021)?.value;
      if (baseline == null) continue;
      // Population (127) is held; the other demo indicators are rates the needs aim to lower by a tenth.
      const target = ref.code === '127' ? baseline : Math.round(baseline * 0.9 * 10) / 10;
      await repo.upsertTarget(tx, {
        needId,
        indicatorId,
        partyId,
        baselineYear: 2021,
        baselineValue: null,
        targetYear: 2027,
        targetValue: target,
        note: 'Demo-tavoite.',
        updatedByUserId: actor.userId,
      });
    }
  }
}

/** The demo's Sotkanet indicators by code, for other modules' demo data (goals measure them). */
export async function demoIndicatorIds(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const found = codes.length ? await repo.findIndicatorsByCodes(db, 'SOTKANET', codes) : [];
  return new Map(found.map((i) => [i.code, i.id]));
}
