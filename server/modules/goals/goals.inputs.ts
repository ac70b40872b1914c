import { z } from 'zod';
import { optionalText, requiredLine } from '../../validation.js';

const id = z.uuid('Expected an id');
/** Indicator years as the imports allow them. */
export const goalYear = z.number().int('Expected a year').min(1900, 'Expected a year').max(2100, 'Expected a year');
const value = z.number().finite('Expected a number');
const sortOrder = z.number().int('Expected a whole number').min(0, 'At least 0').max(10_000, 'At most 10000');

const needIds = z.array(id).max(100, 'At most 100 needs');
const actionIds = z.array(id).max(200, 'At most 200 actions');

export const createGoalInput = z.object({
  title: requiredLine(300),
  description: optionalText(10_000),
  ownerPartyId: id.nullish(),
  ownerBodyId: id.nullish(),
  sortOrder: sortOrder.nullish(),
  needIds: needIds.nullish(),
  actionIds: actionIds.nullish(),
});

/** Any of the goal's fields; its order and links may be left out but not cleared with null. */
export const updateGoalInput = createGoalInput.partial().extend({
  sortOrder: sortOrder.optional(),
  needIds: needIds.optional(),
  actionIds: actionIds.optional(),
});

const measureFields = {
  indicatorId: id,
  partyId: id,
  baselineYear: goalYear,
  baselineValue: value.nullish(),
  targetYear: goalYear,
  targetValue: value,
  note: optionalText(2000),
};

/** The target year may equal the baseline year, never precede it. */
export const targetAfterBaseline = (m: { baselineYear?: number; targetYear?: number }) =>
  m.baselineYear == null || m.targetYear == null || m.targetYear >= m.baselineYear;
export const TARGET_YEAR_MESSAGE = 'The target year cannot be before the baseline year';

export const measureInput = z
  .object(measureFields)
  .refine(targetAfterBaseline, { path: ['targetYear'], message: TARGET_YEAR_MESSAGE });

/** Any of a measure's fields (the target year checked against the stored baseline by the service). */
export const updateMeasureInput = z.object(measureFields).partial();

export const reportYear = goalYear;

/** Which fields an update reads: `given` ones when they have a value, `clearable` ones whenever sent (null clears). */
interface UpdateFields<I> {
  given: readonly (keyof I)[];
  clearable: readonly (keyof I)[];
}
/** The fields of a goal's update. */
export const GOAL_UPDATE = {
  given: ['title', 'sortOrder'],
  clearable: ['description', 'ownerPartyId', 'ownerBodyId'],
} as const;
/** The fields of a measure's update. */
export const MEASURE_UPDATE = {
  given: ['indicatorId', 'partyId', 'baselineYear', 'targetYear', 'targetValue'],
  clearable: ['baselineValue', 'note'],
} as const;

/** An update's changes from its parsed input (an absent field stays as it is). */
export function changesOf<I extends object, C>(input: I, raw: unknown, fields: UpdateFields<I>): C {
  const sent = new Set(raw && typeof raw === 'object' ? Object.keys(raw) : []);
  const changes: Partial<Record<keyof I, unknown>> = {};
  for (const key of fields.given) if (input[key] != null) changes[key] = input[key];
  for (const key of fields.clearable) if (sent.has(String(key))) changes[key] = input[key] ?? null;
  return changes as C;
}
