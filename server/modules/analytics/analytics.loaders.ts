import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy, matchBy } from '../../lib/batch.js';
import type { IndicatorRow, IndicatorValueRow, NeedIndicatorTargetRow } from './analytics.table.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { listTitledChanges } from './analytics.repo.js';
import * as repo from './indicators.repo.js';

/** The (indicator, party) pairs of `indicatorId:partyId` keys. */
const pairsOf = (keys: readonly string[]) =>
  keys.map((k) => {
    const [indicatorId = '', partyId = ''] = k.split(':');
    return { indicatorId, partyId };
  });

/** The `indicatorId:partyId` key of a value. */
const pairKey = (r: { indicatorId: string; partyId: string }) => `${r.indicatorId}:${r.partyId}`;

/** Batched reads for one request: a page of needs with their indicator targets costs a fixed number of queries. */
export function createAnalyticsLoaders(db: Db) {
  return {
    indicatorById: new DataLoader<string, IndicatorRow | undefined>(async (ids) =>
      matchBy(ids, await repo.findIndicatorsByIds(db, ids), (r) => r.id),
    ),
    targetsByNeedId: new DataLoader<string, NeedIndicatorTargetRow[]>(async (ids) =>
      groupBy(ids, await repo.listTargetsOfNeeds(db, ids), (r) => r.needId),
    ),
    /** Every total value of an indicator (a region's indicator has a few hundred at most). */
    valuesByIndicatorId: new DataLoader<string, IndicatorValueRow[]>(async (ids) =>
      groupBy(ids, await repo.listValuesOfIndicators(db, ids), (r) => r.indicatorId),
    ),
    /** Events that name a record (`<entityType>:<entityId>`), newest first: where the audit trail finds titles. */
    titledChangesByEntity: new DataLoader<string, ChangeEventRow[]>(async (keys) =>
      groupBy(keys, await listTitledChanges(db, keys), (e) => `${e.entityType}:${e.entityId}`),
    ),
    /** The newest total value per `indicatorId:partyId`. */
    latestValue: new DataLoader<string, IndicatorValueRow | undefined>(async (keys) =>
      matchBy(keys, await repo.latestValues(db, pairsOf(keys)), pairKey),
    ),
    /** Total values of an indicator for a party (`indicatorId:partyId`), oldest year first. */
    valuesByPair: new DataLoader<string, { year: number; value: number | null }[]>(async (keys) => {
      const rows = await repo.valuesOfPairs(db, pairsOf(keys));
      return groupBy(keys, rows, pairKey).map((list) => list.map((r) => ({ year: r.year, value: r.value })));
    }),
  };
}

export type AnalyticsLoaders = ReturnType<typeof createAnalyticsLoaders>;
