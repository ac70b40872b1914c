import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import { listTitledChanges } from './analytics.repo.js';
import * as repo from './indicators.repo.js';

type Pair = { indicatorId: string; partyId: string };

/** The (indicator, party) pairs of `indicatorId:partyId` keys. */
const pairsOf = (keys: readonly string[]): Pair[] =>
  keys.map((k) => {
    const [indicatorId = '', partyId = ''] = k.split(':');
    return { indicatorId, partyId };
  });

/** The `indicatorId:partyId` key of a value. */
const pairKey = (r: Pair) => `${r.indicatorId}:${r.partyId}`;

/** Batched reads for one request: a page of needs with their indicator targets costs a fixed number of queries. */
export function createAnalyticsLoaders(db: Db) {
  const { byId, one, many, valuesOf } = batchLoaders(db);
  return {
    indicatorById: byId(repo.findIndicatorsByIds),
    targetsByNeedId: many(repo.listTargetsOfNeeds, (r) => r.needId),
    /** Every total value of an indicator (a region's indicator has a few hundred at most). */
    valuesByIndicatorId: many(repo.listValuesOfIndicators, (r) => r.indicatorId),
    /** Events that name a record (`<entityType>:<entityId>`), newest first: where the audit trail finds titles. */
    titledChangesByEntity: many(listTitledChanges, (e) => `${e.entityType}:${e.entityId}`),
    /** The newest total value per `indicatorId:partyId`. */
    latestValue: one((_, keys) => repo.latestValues(db, pairsOf(keys)), pairKey),
    /** Total values of an indicator for a party (`indicatorId:partyId`), oldest year first. */
    valuesByPair: valuesOf(
      (_, keys) => repo.valuesOfPairs(db, pairsOf(keys)),
      pairKey,
      (r) => ({ year: r.year, value: r.value }),
    ),
  };
}
