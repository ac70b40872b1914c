import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { checkThemeCodes } from '../parties/parties.service.js';
import {
  isoDate,
  optionalLine,
  optionalText,
  parseInput,
  requiredLine,
  requiredText,
  searchText,
  themeCode,
  themeCodes,
  unique,
  uniqueBy,
} from '../../validation.js';
import { NEED_STATUSES } from './needs.lifecycle.js';

export const TARGET_GROUPS = [
  'CHILDREN_AND_FAMILIES',
  'PUPILS_AND_STUDENTS',
  'YOUTH',
  'WORKING_AGE',
  'UNEMPLOYED',
  'IMMIGRANTS',
  'OLDER_PEOPLE',
  'PEOPLE_WITH_DISABILITIES',
  'WHOLE_POPULATION',
] as const;
export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const RESPONSIBILITY_ROLES = ['LEAD', 'CONTRIBUTOR', 'INFORMED'] as const;
export const ACTION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export const NEED_SORTS = ['UPDATED_DESC', 'CREATED_DESC', 'TITLE_ASC', 'PRIORITY_DESC', 'STATUS'] as const;

const id = z.uuid('Expected an id');
const indicator = z.object({
  source: requiredLine(40),
  code: requiredLine(40),
  label: optionalLine(200),
});

/** The fields of a need that people edit (status changes only by transition). */
const needFields = {
  title: requiredLine(300),
  summary: optionalText(20_000),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).transform(unique),
  themeCodes: themeCodes.transform(unique),
  municipalityIds: z.array(id).max(100, 'At most 100 municipalities').transform(unique),
  partyIds: z.array(id).max(100, 'At most 100 parties').transform(unique).nullish(),
  ownerBodyId: id.nullish(),
  priority: z.enum(PRIORITIES).nullish(),
  legalBasis: optionalText(1000),
  estimatedResidents: z
    .number()
    .int('Expected a whole number')
    .min(0, 'Cannot be negative')
    .max(10_000_000, 'Too large')
    .nullish(),
  /** One reference per indicator: a source and code sent again is dropped (the first, with its label, is kept). */
  indicators: z
    .array(indicator)
    .max(50, 'At most 50 indicators')
    .transform(uniqueBy(({ source, code }) => JSON.stringify([source, code])))
    .nullish(),
};

export const createNeedInput = z.object(needFields);
export const updateNeedInput = z.object(needFields).partial();
export type CreateNeedInput = z.infer<typeof createNeedInput>;
export type UpdateNeedInput = z.infer<typeof updateNeedInput>;

export const needFilterInput = z
  .object({
    status: z.array(z.enum(NEED_STATUSES)).nullish(),
    themeCodes: z.array(themeCode).max(50).nullish(),
    municipalityIds: z.array(id).max(100).nullish(),
    targetGroups: z.array(z.enum(TARGET_GROUPS)).nullish(),
    ownerBodyId: id.nullish(),
    text: searchText(200).nullish(),
    priority: z.array(z.enum(PRIORITIES)).nullish(),
    responsiblePartyId: id.nullish(),
    responsibleRole: z.enum(RESPONSIBILITY_ROLES).nullish(),
    withoutLead: z.boolean().nullish(),
  })
  .nullish();
export type NeedFilter = NonNullable<z.infer<typeof needFilterInput>>;

/**
 * The register's filter (`serviceNeeds`, `needStatistics`, `actionStatistics`, `resolutionTimes`) as `path`
 * names it: parsed, and a theme code that is no theme refused on `<path>.themeCodes` as createServiceNeed refuses
 * it (a filter by it would quietly match nothing).
 */
export async function parseNeedFilter(db: Db, raw: unknown, path = 'filter'): Promise<NeedFilter | null | undefined> {
  const filter = parseInput(needFilterInput, raw ?? null, path);
  await checkThemeCodes(db, filter?.themeCodes, `${path}.themeCodes`);
  return filter;
}

export const transitionInput = z.object({
  to: z.enum(NEED_STATUSES),
  note: optionalText(4000),
  escalateToBodyId: id.nullish(),
});

export const responsibilityInput = z.object({
  needId: id,
  partyId: id,
  role: z.enum(RESPONSIBILITY_ROLES),
  description: optionalText(2000),
});

export const createActionInput = z.object({
  needId: id,
  title: requiredLine(300),
  description: optionalText(4000),
  ownerPartyId: id,
  dueDate: isoDate.nullish(),
  agendaItemId: id.nullish(),
});

export const updateActionInput = z.object({
  title: requiredLine(300).optional(),
  description: optionalText(4000),
  dueDate: isoDate.nullish(),
  status: z.enum(ACTION_STATUSES).optional(),
  /** Hands the action to another party (who is notified). */
  ownerPartyId: id.optional(),
});

export const commentInput = z.object({
  needId: id,
  body: requiredText(10_000),
});
