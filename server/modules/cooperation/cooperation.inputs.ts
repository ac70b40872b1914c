import { z } from 'zod';
import { today } from '../../lib/dates.js';
import { isoDate, optionalLine, optionalText, requiredLine, themeCodes } from '../../validation.js';

/** The tiers, highest first; a parent body's tier ranks the same or higher than its child's. */
export const TIERS = ['STRATEGIC', 'STEERING', 'COORDINATION', 'OPERATIONAL'] as const;
export const tierRank = (tier: string): number => TIERS.indexOf(tier as (typeof TIERS)[number]) + 1;

const CADENCES = ['PER_COUNCIL_TERM', 'ANNUAL', 'BIANNUAL', 'QUARTERLY', 'MONTHLY', 'AD_HOC'] as const;
/** The roles of a body's memberships, in the order minutes list them (meetings.roster orders people by it). */
export const MEMBER_ROLES = [
  'CHAIR',
  'VICE_CHAIR',
  'MEMBER',
  'DEPUTY_MEMBER',
  'SECRETARY',
  'PRESENTER',
  'EXPERT',
  'OBSERVER',
] as const;
const CAPACITIES = ['ELECTED_OFFICIAL', 'OFFICE_HOLDER'] as const;
const AGREEMENT_TYPES = [
  'FRAMEWORK',
  'STRATEGIC_COOPERATION',
  'INTERFACE_PLAN',
  'COOPERATION_PROTOCOL',
  'EMPLOYMENT_AREA_AGREEMENT',
] as const;
export const OUTCOMES = ['PENDING', 'APPROVED', 'APPROVED_WITH_CHANGES', 'REJECTED'] as const;
const SECTION_KINDS = ['PRINCIPLES', 'OPERATING_MODEL', 'GOALS', 'OTHER'] as const;
const NEGOTIATION_KINDS = ['HYTE_ANNUAL', 'COUNCIL_TERM'] as const;

const id = z.uuid('Expected an id');
const names = z.object({ fi: requiredLine(200), sv: optionalLine(200), en: optionalLine(200) });
const optionalDate = isoDate.nullish();

/**
 * A membership's term may not end before it starts: the rule of a new membership (reported on `endsOn`) and of a change
 * to one, taken with the term as stored (cooperation.service's changeMembership).
 */
export const endNotBeforeStart = <T extends { startsOn?: string | null; endsOn?: string | null }>(v: T) =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
/** Why a term refused by endNotBeforeStart is refused. */
export const MEMBERSHIP_TERM_MESSAGE = 'The membership cannot end before it starts';
/**
 * An agreement's validity ends after it starts: the rule of a new agreement (reported on `validTo`) and of an update,
 * taken with the validity as stored (agreements.service's update).
 */
export const endsAfterStart = <T extends { validFrom?: string | null; validTo?: string | null }>(v: T) =>
  !v.validFrom || !v.validTo || v.validTo > v.validFrom;
/** Why a validity refused by endsAfterStart is refused. */
export const VALIDITY_MESSAGE = 'The validity must end after it starts';

/** An optional trimmed text of at most `max` characters (null when empty or absent) that, when given, must pass `test`. */
const optionalChecked = (max: number, test: (v: string) => boolean, message: string) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || test(v), message);

/**
 * A minutes section as people write it, "§ 89" or "89 §" (also "§ 89 a",
 * "89 a §"): kept exactly as written, only trimmed.
 */
export const sectionReference = optionalChecked(40, (v) => /\d/.test(v), 'Expected a section such as "§ 89" or "89 §"');

/**
 * A link to a party's own minutes: an absolute http or https address (no
 * javascript:, data: or file: links end up in a page), at most 2,000 characters.
 */
export const minutesUrl = optionalChecked(
  2000,
  isHttpUrl,
  'Expected an http or https address, e.g. https://example.fi/poytakirja',
);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const createBodyInput = z.object({
  names,
  tier: z.enum(TIERS),
  level: z.number().int('Expected a whole number').min(1, 'At least 1').max(9, 'At most 9').nullish(),
  cadence: z.enum(CADENCES).nullish(),
  mandate: optionalText(4000),
  themeCodes: themeCodes.nullish(),
  parentId: id.nullish(),
});

export const updateBodyInput = createBodyInput.partial();

export const addMembershipInput = z
  .object({
    bodyId: id,
    personId: id,
    partyId: id.nullish(),
    role: z.enum(MEMBER_ROLES),
    capacity: z.enum(CAPACITIES).nullish(),
    startsOn: optionalDate,
    endsOn: optionalDate,
  })
  .refine(endNotBeforeStart, { message: MEMBERSHIP_TERM_MESSAGE, path: ['endsOn'] });

export const updateMembershipInput = z.object({
  role: z.enum(MEMBER_ROLES).optional(),
  capacity: z.enum(CAPACITIES).nullish(),
  startsOn: optionalDate,
  endsOn: optionalDate,
});

export const createAgreementInput = z
  .object({
    titles: names,
    type: z.enum(AGREEMENT_TYPES),
    validFrom: optionalDate,
    validTo: optionalDate,
    partyIds: z.array(id).min(1, 'At least one party').max(500, 'At most 500 parties'),
  })
  .refine(endsAfterStart, { message: VALIDITY_MESSAGE, path: ['validTo'] });

export const updateAgreementInput = z.object({
  titles: names.optional(),
  type: z.enum(AGREEMENT_TYPES).optional(),
  validFrom: optionalDate,
  validTo: optionalDate,
  partyIds: z.array(id).min(1, 'At least one party').max(500, 'At most 500 parties').optional(),
});

export const sectionInput = z.object({
  kind: z.enum(SECTION_KINDS),
  title: requiredLine(300),
  body: z.string().max(100_000, 'At most 100000 characters'),
  sortOrder: z.number().int('Expected a whole number').min(0).max(10_000).nullish(),
});

export const updateSectionInput = z.object({
  kind: z.enum(SECTION_KINDS).optional(),
  title: requiredLine(300).optional(),
  body: z.string().max(100_000, 'At most 100000 characters').optional(),
  sortOrder: z.number().int('Expected a whole number').min(0).max(10_000).optional(),
});

/** Why a decision recorded as made may not have a date in the future. */
export const DECIDED_IN_FUTURE = 'A decision already made cannot be dated after today';

export const recordRatificationInput = z
  .object({
    agreementId: id,
    partyId: id,
    decidingBody: requiredLine(200),
    decisionDate: isoDate,
    section: sectionReference,
    minutesUrl: minutesUrl,
    outcome: z.enum(OUTCOMES),
    note: optionalText(2000),
  })
  .superRefine((input, ctx) => {
    // A decision recorded as made (any outcome but PENDING) has been made: not after today in Helsinki.
    // A pending one may carry the date it is expected on.
    if (input.outcome !== 'PENDING' && input.decisionDate > today())
      ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: DECIDED_IN_FUTURE });
  });

const year = z.number().int('Expected a whole number').min(2000, 'From 2000').max(2100, 'Until 2100');

export const createNegotiationInput = z.object({
  kind: z.enum(NEGOTIATION_KINDS),
  title: requiredLine(300),
  year,
  municipalityGroup: optionalLine(300),
  legalBasis: optionalText(200),
  heldOn: optionalDate,
  partyIds: z.array(id).max(500, 'At most 500 parties'),
  outcomeSummary: optionalText(10_000),
});

export const updateNegotiationInput = z.object({
  title: requiredLine(300).optional(),
  year: year.optional(),
  municipalityGroup: optionalLine(300),
  legalBasis: optionalText(200),
  heldOn: optionalDate,
  partyIds: z.array(id).max(500, 'At most 500 parties').optional(),
  outcomeSummary: optionalText(10_000),
});
