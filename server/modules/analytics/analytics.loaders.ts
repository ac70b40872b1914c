import type { Db } from '../../db/client.js';
import { groupLoader, rowLoader } from '../../lib/batch.js';
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
    indicatorById: rowLoader(
      (ids) => repo.findIndicatorsByIds(db, ids),
      (r) => r.id,
    ),
    targetsByNeedId: groupLoader(
      (ids) => repo.listTargetsOfNeeds(db, ids),
      (r) => r.needId,
    ),
    /** Every total value of an indicator (a region's indicator has a few hundred at most). */
    valuesByIndicatorId: groupLoader(
      (ids) => repo.listValuesOfIndicators(db, ids),
      (r) => r.indicatorId,
    ),
    /** Events that name a record (`<entityType>:<entityId>`), newest first: where the audit trail finds titles. */
    titledChangesByEntity: groupLoader(
      (keys) => listTitledChanges(db, keys),
      (e) => `${e.entityType}:${e.entityId}`,
    ),
    /** The newest total value per `indicatorId:partyId`. */
    latestValue: rowLoader((keys) => repo.latestValues(db, pairsOf(keys)), pairKey),
    /** Total values of an indicator for a party (`indicatorId:partyId`), oldest year first. */
    valuesByPair: groupLoader(
      (keys) => repo.valuesOfPairs(db, pairsOf(keys)),
      pairKey,
      (r) => ({ year: r.year, value: r.value }),
    ),
  };
}

export type AnalyticsLoaders = ReturnType<typeof createAnalyticsLoaders>;
