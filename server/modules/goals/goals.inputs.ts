import { z } from 'zod';
import { optionalText, requiredText } from '../../validation.js';

const id = z.uuid('Expected an id');
/** Indicator years as the imports allow them. */
export const goalYear = z.number().int('Expected a year').min(1900, 'Expected a year').max(2100, 'Expected a year');
const value = z.number().finite('Expected a number');
const sortOrder = z.number().int('Expected a whole number').min(0, 'At least 0').max(10_000, 'At most 10000');

export const createGoalInput = z.object({
  title: requiredText(300),
  description: optionalText(10_000),
  ownerPartyId: id.nullish(),
  ownerBodyId: id.nullish(),
  sortOrder: sortOrder.nullish(),
  needIds: z.array(id).max(100, 'At most 100 needs').nullish(),
  actionIds: z.array(id).max(200, 'At most 200 actions').nullish(),
});

export const updateGoalInput = z.object({
  title: requiredText(300).optional(),
  description: optionalText(10_000),
  ownerPartyId: id.nullish(),
  ownerBodyId: id.nullish(),
  sortOrder: sortOrder.optional(),
  needIds: z.array(id).max(100, 'At most 100 needs').optional(),
  actionIds: z.array(id).max(200, 'At most 200 actions').optional(),
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

export const updateMeasureInput = z.object({
  indicatorId: id.optional(),
  partyId: id.optional(),
  baselineYear: goalYear.optional(),
  baselineValue: value.nullish(),
  targetYear: goalYear.optional(),
  targetValue: value.optional(),
  note: optionalText(2000),
});

export const reportYear = goalYear;
