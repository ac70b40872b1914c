import { z } from 'zod';
import { isoDate, optionalLine, optionalText, requiredLine, unique } from '../../validation.js';
import { MEETING_STATUSES } from './meetings.policy.js';

export const PUBLICITIES = ['PUBLIC', 'PARTLY_SECRET', 'SECRET'] as const;
export const DECISION_MODES = ['UNANIMOUS', 'VOTE', 'TABLED', 'RETURNED_FOR_PREPARATION', 'NOTED'] as const;
export const ATTENDANCE_STATUSES = ['PRESENT', 'REMOTE', 'ABSENT'] as const;

const id = z.uuid('Expected an id');
/** The DateTime scalar hands over a Date; direct callers (seed, tests) may pass ISO text. */
const dateTime = z
  .union([z.date(), z.iso.datetime({ offset: true })], 'Expected a date and time with offset, e.g. 2026-11-28T09:00:00Z')
  .transform((v) => new Date(v));

export const createMeetingInput = z.object({
  bodyId: id,
  title: requiredLine(300),
  startsAt: dateTime,
  location: optionalLine(300),
});

export const updateMeetingInput = z.object({
  title: requiredLine(300).optional(),
  startsAt: dateTime.optional(),
  location: optionalLine(300),
});

/** Fields of an agenda item people edit; a non-public item needs its legal basis. */
const itemFields = {
  title: requiredLine(500),
  caseNumber: optionalLine(100),
  presenterId: id.nullish(),
  preparerId: id.nullish(),
  proposal: optionalText(20_000),
  publicity: z.enum(PUBLICITIES).nullish(),
  legalBasis: optionalText(300),
  relatedNeedIds: z.array(id).max(20, 'At most 20 needs').transform(unique).nullish(),
};

const secretNeedsBasis = (v: { publicity?: string | null; legalBasis?: string | null }, ctx: z.RefinementCtx) => {
  if (v.publicity && v.publicity !== 'PUBLIC' && !v.legalBasis) {
    ctx.addIssue({
      code: 'custom',
      path: ['legalBasis'],
      message: 'A secret item needs its legal basis, e.g. JulkL 24.1 § 25 k',
    });
  }
};

export const addAgendaItemInput = z.object({ meetingId: id, ...itemFields }).superRefine(secretNeedsBasis);

export const updateAgendaItemInput = z.object({ ...itemFields, title: itemFields.title.optional() });

export const transitionInput = z.enum(MEETING_STATUSES, 'Not a meeting status');

const count = z.number().int().min(0).max(10_000);
export const recordDecisionInput = z
  .object({
    /** The wording; omitted or blank: `defaultDecisionWording` (the mode's standard phrase, or the proposal). */
    decision: optionalText(20_000),
    mode: z.enum(DECISION_MODES, 'Not a decision mode'),
    votes: z.object({ for: count, against: count, abstain: count }).nullish(),
    handling: optionalText(20_000),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'VOTE' && !v.votes) ctx.addIssue({ code: 'custom', path: ['votes'], message: 'A vote needs its counts' });
  });

export const recordAttendanceInput = z
  .object({
    meetingId: id,
    personId: id,
    status: z.enum(ATTENDANCE_STATUSES, 'Not an attendance status'),
    deputyForPersonId: id.nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.deputyForPersonId && v.deputyForPersonId === v.personId) {
      ctx.addIssue({ code: 'custom', path: ['deputyForPersonId'], message: 'A person cannot deputise for themselves' });
    }
  });

export const decisionActionInput = z.object({
  itemId: id,
  needId: id,
  title: requiredLine(300),
  ownerPartyId: id,
  dueDate: isoDate.nullish(),
});
