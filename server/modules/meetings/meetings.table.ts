import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import {
  idColumn,
  optionalRef,
  ownerKey,
  ownerRef,
  requiredRef,
  setNullRef,
  timestamptz,
  timestamptzNow,
  versionColumn,
  versionedColumns,
} from '../../db/columns.js';
import { users } from '../auth/auth.table.js';
import { cooperationBodies } from '../cooperation/cooperation.table.js';
import { parties } from '../parties/parties.table.js';
import { persons } from '../parties/persons.table.js';

/** A name in Finnish and, where given, Swedish and English (as frozen in the public copy). */
export interface LocalizedNames {
  fi: string;
  sv?: string | null;
  en?: string | null;
}

/**
 * The public copy of checked minutes, frozen when the meeting is PUBLISHED.
 * Only PUBLIC items carry their content; a secret item carries its title and
 * legal basis. Removing personal data rewrites this copy, never the record.
 */
export interface PublishedMinutesValue {
  bodyName: { fi: string; sv?: string | null; en?: string | null };
  title: string;
  startsAt: string;
  location: string | null;
  chair: string | null;
  secretary: string | null;
  /** In roster order (meetings.roster.ts) in copies made since it was introduced. */
  attendance: {
    name: string | null;
    /** The party's Finnish name. */
    party: string | null;
    /** The party's name in each language; absent in older copies (they have `party` only). */
    partyNames?: LocalizedNames | null;
    status: string;
    deputyFor: string | null;
  }[];
  items: {
    section: number | null;
    title: string;
    publicity: string;
    legalBasis: string | null;
    caseNumber: string | null;
    presenter: string | null;
    preparer: string | null;
    proposal: string | null;
    handling: string | null;
    decision: string | null;
    decisionMode: string | null;
    votes: { for: number; against: number; abstain: number } | null;
    /** Voting members present out of the body's members when the decision was recorded (absent in copies made before 0014). */
    quorum?: { present: number; members: number } | null;
    /** Actions the decision created (title, owner party's name, due date); absent in older copies. */
    actions?: {
      id: string;
      needId?: string;
      title: string;
      /** The owner party's Finnish name; `ownerPartyNames` has every language (absent in older copies). */
      ownerParty: string | null;
      ownerPartyNames?: LocalizedNames | null;
      dueDate: string | null;
    }[];
  }[];
  minutesText: string;
  /** The elected minutes checkers and when each checked; the names go with personal data removal. */
  checkers?: { name: string | null; checkedAt: string }[];
  /** The appeal instructions (oikaisuvaatimusohje) of the body, frozen at publication. */
  appealInstructions?: { fi: string; sv?: string | null; en?: string | null } | null;
}

/** A meeting of a cooperation body, from the agenda to the published minutes. */
export const meetings = pgTable(
  'meetings',
  {
    id: idColumn(),
    bodyId: ownerRef('body_id', () => cooperationBodies.id),
    title: text('title').notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    location: text('location'),
    /** PLANNED | AGENDA_PUBLISHED | IN_PROGRESS | HELD | MINUTES_DRAFT | MINUTES_CHECKED | PUBLISHED */
    status: text('status').notNull().default('PLANNED'),
    /** The agenda item under discussion (the chair's pointer). */
    currentItemId: uuid('current_item_id'),
    agendaPublishedAt: timestamptz('agenda_published_at'),
    minutesCheckedAt: timestamptz('minutes_checked_at'),
    publishedAt: timestamptz('published_at'),
    /** The public copy (see PublishedMinutesValue); null until PUBLISHED. */
    published: jsonb('published').$type<PublishedMinutesValue>(),
    /** When the appeal period ends and personal data must leave the published minutes (Kuntalaki 410/2015 140 §). */
    personalDataRemovalDue: date('personal_data_removal_due', { mode: 'string' }),
    personalDataRemovedAt: timestamptz('personal_data_removed_at'),
    /** Seeded demonstration data. */
    demo: boolean('demo').notNull().default(false),
    createdByUserId: setNullRef('created_by_user_id', () => users.id),
    ...versionedColumns(),
  },
  (t) => [index('meetings_body_starts_idx').on(t.bodyId, t.startsAt)],
);

/** One item of a meeting's agenda: a § of the minutes once decided. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: idColumn(),
    meetingId: ownerRef('meeting_id', () => meetings.id),
    /** The body of the meeting and the year of its date, so § numbers can run per body and year. */
    bodyId: uuid('body_id').notNull(),
    year: integer('year').notNull(),
    /** Position in the agenda, 1-based. */
    position: integer('position').notNull(),
    /** § number, running per body and year. */
    section: integer('section'),
    title: text('title').notNull(),
    /** Diaarinumero. */
    caseNumber: text('case_number'),
    presenterId: setNullRef('presenter_id', () => persons.id),
    preparerId: setNullRef('preparer_id', () => persons.id),
    /** Päätösehdotus. */
    proposal: text('proposal'),
    /** PUBLIC | PARTLY_SECRET | SECRET */
    publicity: text('publicity').notNull().default('PUBLIC'),
    /** The law that makes it secret, e.g. "JulkL 24.1 § 25 k". */
    legalBasis: text('legal_basis'),
    relatedNeedIds: uuid('related_need_ids').array().notNull().default([]),
    /** Käsittely: counter-proposals, votes and other handling, as the secretary writes it. */
    handling: text('handling'),
    /** The recorded decision (päätös); its wording is co-edited in the item's decision document first. */
    decision: text('decision'),
    /** UNANIMOUS | VOTE | TABLED | RETURNED_FOR_PREPARATION | NOTED */
    decisionMode: text('decision_mode'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    decidedAt: timestamptz('decided_at'),
    /** Voting members present and the body's voting members when the decision was recorded (päätösvaltaisuus). */
    quorumPresent: integer('quorum_present'),
    quorumMembers: integer('quorum_members'),
    decidedByUserId: setNullRef('decided_by_user_id', () => users.id),
    ...versionedColumns(),
  },
  (t) => [
    index('agenda_items_meeting_idx').on(t.meetingId, t.position),
    index('agenda_items_body_year_idx').on(t.bodyId, t.year),
  ],
);

/** Who attended: one row per meeting and person, recorded by the secretary. */
export const attendance = pgTable(
  'meeting_attendance',
  {
    meetingId: ownerRef('meeting_id', () => meetings.id),
    personId: requiredRef('person_id', () => persons.id),
    partyId: optionalRef('party_id', () => parties.id),
    /** PRESENT | REMOTE | ABSENT */
    status: text('status').notNull(),
    deputyForPersonId: optionalRef('deputy_for_person_id', () => persons.id),
    recordedByUserId: setNullRef('recorded_by_user_id', () => users.id),
    version: versionColumn(),
    updatedAt: timestamptzNow('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/**
 * The minutes checkers (pöytäkirjantarkastajat) elected in the meeting: two
 * persons present. Each checks separately; the minutes are checked when both have.
 */
export const minutesCheckers = pgTable(
  'minutes_checkers',
  {
    meetingId: ownerRef('meeting_id', () => meetings.id),
    personId: requiredRef('person_id', () => persons.id),
    electedAt: timestamptzNow('elected_at'),
    electedByUserId: setNullRef('elected_by_user_id', () => users.id),
    checkedAt: timestamptz('checked_at'),
    checkedByUserId: setNullRef('checked_by_user_id', () => users.id),
    /** The minutes document's version this checker read and checked (null: a check from before it was recorded). */
    checkedDocumentVersion: integer('checked_document_version'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** A body's appeal instructions (oikaisuvaatimusohje), edited by the secretariat; Finnish required. */
export const appealTemplates = pgTable('appeal_instruction_templates', {
  bodyId: ownerKey('body_id', () => cooperationBodies.id),
  textFi: text('text_fi').notNull(),
  textSv: text('text_sv'),
  textEn: text('text_en'),
  updatedByUserId: setNullRef('updated_by_user_id', () => users.id),
  version: versionColumn(),
  updatedAt: timestamptzNow('updated_at'),
});

export type MeetingRow = typeof meetings.$inferSelect;
export type MinutesCheckerRow = typeof minutesCheckers.$inferSelect;
export type AppealTemplateRow = typeof appealTemplates.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;
