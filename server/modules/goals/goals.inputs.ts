import { z } from 'zod';
import { optionalText, requiredText } from '../../validation.js';

const id = z.uuid('Expected an id');
/** Indicator years as the imports allow them. */
export const goalYear = z.number().int('Expected a year').min(1900, 'Expected a year').max(2100, 'Expected a year');
const value = z.number().finite('Expected a number');
const sortOrder = z.number().int('Expected a whole number').min(0, 'At least 0').max(10_000, 'At most 10000');

const needIds = z.array(id).max(100, 'At most 100 needs');
const actionIds = z.array(id).max(200, 'At most 200 actions');

export const createGoalInput = z.object({
  title: requiredText(300),
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
