import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  idColumn,
  ownerRef,
  requiredRef,
  serialIdColumn,
  timestamptzNow,
  versionedByColumns,
  versionedColumns,
} from '../../db/columns.js';
import { users } from '../auth/auth.table.js';
import { serviceNeeds } from '../needs/needs.table.js';
import { parties } from '../parties/parties.table.js';

/**
 * The disclosure log: every query made with an API token, as the Act on
 * Information Management in Public Administration (906/2019 § 17) requires:
 * who, with which token, what, when.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: serialIdColumn(),
    at: timestamptzNow('at'),
    userId: uuid('user_id').notNull(),
    apiTokenId: uuid('api_token_id').notNull(),
    requestId: text('request_id').notNull(),
    transport: text('transport').notNull(),
    operationType: text('operation_type'),
    operationName: text('operation_name'),
    /** The top-level fields asked for (what was disclosed, in short). */
    rootFields: text('root_fields').array().notNull(),
    query: text('query').notNull(),
    variables: jsonb('variables'),
    /** `ok`, or the error codes of a refused or failed request. */
    outcome: text('outcome').notNull(),
  },
  (t) => [index('disclosures_token_idx').on(t.apiTokenId, t.id), index('disclosures_user_idx').on(t.userId, t.id)],
);

export type DisclosureRow = typeof disclosures.$inferSelect;

/**
 * Statistical indicators (THL Sotkanet and alike). `code` is the source's own
 * id, taken from imported data, never from code (domain note "Indicators").
 */
export const indicators = pgTable(
  'indicators',
  {
    id: idColumn(),
    /** The publisher's key, e.g. `SOTKANET` (as in a need's IndicatorRef). */
    source: text('source').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('indicators_source_code_key').on(t.source, t.code)],
);

/** An indicator's value for one party, year and gender (TOTAL, MALE, FEMALE); an import replaces it. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    indicatorId: ownerRef('indicator_id', () => indicators.id),
    partyId: ownerRef('party_id', () => parties.id),
    year: integer('year').notNull(),
    gender: text('gender').notNull().default('TOTAL'),
    value: doublePrecision('value'),
    /** The count behind the value; under 5 never leaves the server (needs.privacy.ts). */
    absoluteValue: doublePrecision('absolute_value'),
    importedAt: timestamptzNow('imported_at'),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.partyId, t.year, t.gender] }),
    index('indicator_values_party_idx').on(t.partyId, t.year),
  ],
);

/**
 * A baseline and a target of one indicator for one party: how a need (`need_indicator_targets`) or a
 * goal of an agreement (`goal_measures`, goals.table.ts) is measured.
 */
export const indicatorTargetColumns = () => ({
  indicatorId: ownerRef('indicator_id', () => indicators.id),
  partyId: requiredRef('party_id', () => parties.id),
  baselineYear: integer('baseline_year').notNull(),
  /** Null: the imported value of the baseline year. */
  baselineValue: doublePrecision('baseline_value'),
  targetYear: integer('target_year').notNull(),
  targetValue: doublePrecision('target_value').notNull(),
  note: text('note'),
});

/** How a need is measured: a baseline and a target of one indicator for one party. */
export const needIndicatorTargets = pgTable(
  'need_indicator_targets',
  {
    needId: ownerRef('need_id', () => serviceNeeds.id),
    ...indicatorTargetColumns(),
    ...versionedByColumns(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.indicatorId] }),
    index('need_indicator_targets_indicator_idx').on(t.indicatorId, t.partyId),
  ],
);

export type IndicatorRow = typeof indicators.$inferSelect;
export type IndicatorValueRow = typeof indicatorValues.$inferSelect;
export type NeedIndicatorTargetRow = typeof needIndicatorTargets.$inferSelect;
