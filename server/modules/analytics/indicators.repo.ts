import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keysetAfter, keysetKey, keysetOrder, type SortKey } from '../../lib/connection.js';
import { findByIds, findOne, listOptionallyWhere, listWhereIn, upsertOne, upsertReplacing } from '../../lib/rows.js';
import { versionBump } from '../../lib/versioned.js';
import {
  indicators,
  indicatorValues,
  needIndicatorTargets,
  type IndicatorRow,
  type IndicatorValueRow,
} from './analytics.table.js';

export type NewIndicatorValue = typeof indicatorValues.$inferInsert;

/** Inserts the indicator or updates its name and unit; returns it and whether it was new. */
export async function upsertIndicator(
  tx: Db,
  row: { source: string; code: string; name: string; unit: string | null },
): Promise<{ indicator: IndicatorRow; before: IndicatorRow | undefined }> {
  const [before] = await tx
    .select()
    .from(indicators)
    .where(and(eq(indicators.source, row.source), eq(indicators.code, row.code)))
    .for('update');
  if (before && before.name === row.name && (row.unit == null || before.unit === row.unit)) return { indicator: before, before };
  const indicator = await upsertOne(tx, indicators, row, 'indicator', {
    target: [indicators.source, indicators.code],
    set: {
      name: row.name,
      unit: row.unit ?? sql`${indicators.unit}`,
      ...versionBump(indicators),
    },
  });
  return { indicator, before };
}

/** Inserts or replaces values (same indicator, party, year and gender), in chunks. */
export async function upsertIndicatorValues(tx: Db, rows: NewIndicatorValue[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(indicatorValues)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.partyId, indicatorValues.year, indicatorValues.gender],
        set: { value: sql`excluded.value`, absoluteValue: sql`excluded.absolute_value`, importedAt: sql`now()` },
      });
  }
}

/** Indicators, optionally of one source, by source and code. */
export const listIndicators = (db: Db, source?: string | null): Promise<IndicatorRow[]> =>
  listOptionallyWhere(
    db,
    indicators,
    indicators.source,
    source,
    asc(indicators.source),
    asc(sql`length(${indicators.code})`),
    asc(indicators.code),
  );

export function findIndicatorsByCodes(db: Db, source: string, codes: readonly string[]): Promise<IndicatorRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(indicators)
    .where(and(eq(indicators.source, source), inArray(indicators.code, [...codes])));
}

export const findIndicatorsByIds = (db: Db, ids: readonly string[]) => findByIds(db, indicators, ids);

export interface ValueFilter {
  indicatorIds?: readonly string[] | null;
  partyIds?: readonly string[] | null;
  fromYear?: number | null;
  toYear?: number | null;
  gender?: string;
}

const valueWhere = (f: ValueFilter) =>
  and(
    f.indicatorIds?.length ? inArray(indicatorValues.indicatorId, [...f.indicatorIds]) : undefined,
    f.partyIds?.length ? inArray(indicatorValues.partyId, [...f.partyIds]) : undefined,
    f.fromYear != null ? gte(indicatorValues.year, f.fromYear) : undefined,
    f.toYear != null ? lte(indicatorValues.year, f.toYear) : undefined,
    eq(indicatorValues.gender, f.gender ?? 'TOTAL'),
  );

/** The order of `indicatorValues`: total under the filter's one gender (the primary key's other columns). */
export const VALUE_KEYS: readonly SortKey[] = [
  { expr: indicatorValues.indicatorId, type: 'uuid' },
  { expr: indicatorValues.partyId, type: 'uuid' },
  { expr: indicatorValues.year, type: 'integer' },
];

/** Values by indicator, party and year (a page): `limit` rows strictly after the one whose key values are `after`. */
export function listIndicatorValues(
  db: Db,
  f: ValueFilter,
  after: readonly string[] | undefined,
  limit: number,
): Promise<{ row: IndicatorValueRow; key: string }[]> {
  return db
    .select({ row: indicatorValues, key: keysetKey(VALUE_KEYS) })
    .from(indicatorValues)
    .where(and(valueWhere(f), after ? keysetAfter(VALUE_KEYS, after) : undefined))
    .orderBy(...keysetOrder(VALUE_KEYS))
    .limit(limit);
}

export async function countIndicatorValues(db: Db, f: ValueFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(indicatorValues)
    .where(valueWhere(f));
  return Number(row?.n ?? 0);
}

/** Every total value of the indicators, oldest year first (for DataLoader). */
export function listValuesOfIndicators(db: Db, indicatorIds: readonly string[]): Promise<IndicatorValueRow[]> {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(indicatorValues)
    .where(and(inArray(indicatorValues.indicatorId, [...indicatorIds]), eq(indicatorValues.gender, 'TOTAL')))
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.partyId), asc(indicatorValues.year));
}

type Pair = { indicatorId: string; partyId: string };

/** Total values (all genders together) of the (indicator, party) pairs. */
const totalsOfPairs = (pairs: readonly Pair[]) =>
  and(
    eq(indicatorValues.gender, 'TOTAL'),
    sql`(${indicatorValues.indicatorId}, ${indicatorValues.partyId}) in (${sql.join(
      pairs.map((p) => sql`(${p.indicatorId}::uuid, ${p.partyId}::uuid)`),
      sql`, `,
    )})`,
  );

/** The newest total value of each (indicator, party) pair. */
export function latestValues(db: Db, pairs: readonly Pair[]): Promise<IndicatorValueRow[]> {
  if (pairs.length === 0) return Promise.resolve([]);
  return db
    .selectDistinctOn([indicatorValues.indicatorId, indicatorValues.partyId])
    .from(indicatorValues)
    .where(totalsOfPairs(pairs))
    .orderBy(indicatorValues.indicatorId, indicatorValues.partyId, desc(indicatorValues.year));
}

/** Total values of each (indicator, party) pair, oldest year first (a goal's measures). */
export function valuesOfPairs(db: Db, pairs: readonly Pair[]): Promise<IndicatorValueRow[]> {
  if (pairs.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(indicatorValues)
    .where(totalsOfPairs(pairs))
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.partyId), asc(indicatorValues.year));
}

/** Targets of several needs (for DataLoader). */
export const listTargetsOfNeeds = (db: Db, needIds: readonly string[]) =>
  listWhereIn(
    db,
    needIndicatorTargets,
    needIndicatorTargets.needId,
    needIds,
    asc(needIndicatorTargets.needId),
    asc(needIndicatorTargets.createdAt),
  );

export const findTargetForUpdate = (tx: Db, needId: string, indicatorId: string) =>
  findOne(
    tx,
    needIndicatorTargets,
    and(eq(needIndicatorTargets.needId, needId), eq(needIndicatorTargets.indicatorId, indicatorId)),
    { forUpdate: true },
  );

/** Sets a need's target for an indicator (insert, or replace with version + 1). */
export const upsertTarget = upsertReplacing(needIndicatorTargets, 'target', {
  on: [needIndicatorTargets.needId, needIndicatorTargets.indicatorId],
  replace: ['partyId', 'baselineYear', 'baselineValue', 'targetYear', 'targetValue', 'note', 'updatedByUserId'],
});
