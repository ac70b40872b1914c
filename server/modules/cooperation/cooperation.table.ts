import { and, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { idColumn, ownerRef, requiredRef, setNullRef, versionedColumns } from '../../db/columns.js';
import { users } from '../auth/auth.table.js';
import { persons } from '../parties/persons.table.js';
import { parties, type LocalizedTextValue } from '../parties/parties.table.js';

/** Bodies of the cooperation structure (strategic forum, municipal assembly, networks, ...). */
export const cooperationBodies = pgTable(
  'cooperation_bodies',
  {
    id: idColumn(),
    names: jsonb('names').$type<LocalizedTextValue>().notNull(),
    /** STRATEGIC | STEERING | COORDINATION | OPERATIONAL */
    tier: text('tier').notNull(),
    level: integer('level'),
    cadence: text('cadence'),
    mandate: text('mandate'),
    themeCodes: text('theme_codes').array().notNull().default([]),
    parentId: setNullRef('parent_id', (): AnyPgColumn => cooperationBodies.id),
    ...versionedColumns(),
  },
  (t) => [index('cooperation_bodies_parent_idx').on(t.parentId), index('cooperation_bodies_tier_idx').on(t.tier)],
);

/** A person's seat in a body on behalf of a party. Ending sets `endsOn`; rows are never deleted. */
export const memberships = pgTable(
  'memberships',
  {
    id: idColumn(),
    bodyId: ownerRef('body_id', () => cooperationBodies.id),
    personId: requiredRef('person_id', () => persons.id),
    partyId: requiredRef('party_id', () => parties.id),
    role: text('role').notNull(),
    capacity: text('capacity'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    ...versionedColumns(),
  },
  (t) => [index('memberships_body_idx').on(t.bodyId), index('memberships_person_idx').on(t.personId)],
);

/** Agreements between the parties: the framework agreement, its successor, the interface plan. */
export const agreements = pgTable('agreements', {
  id: idColumn(),
  titles: jsonb('titles').$type<LocalizedTextValue>().notNull(),
  type: text('type').notNull(),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  ...versionedColumns(),
});

/** The parties of an agreement. */
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: ownerRef('agreement_id', () => agreements.id),
    partyId: requiredRef('party_id', () => parties.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.partyId] })],
);

/** Text sections of an agreement (principles, operating model, goals, ...). */
export const agreementSections = pgTable(
  'agreement_sections',
  {
    id: idColumn(),
    agreementId: ownerRef('agreement_id', () => agreements.id),
    /** PRINCIPLES | OPERATING_MODEL | GOALS | OTHER */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versionedColumns(),
  },
  (t) => [index('agreement_sections_agreement_idx').on(t.agreementId, t.sortOrder)],
);

/**
 * One party's decision on an agreement: one row per agreement and party,
 * PENDING until recorded. Recording again replaces it; the history is in change_events.
 * `section` is kept exactly as written ("§ 89", "89 §").
 */
export const ratifications = pgTable(
  'ratifications',
  {
    id: idColumn(),
    agreementId: ownerRef('agreement_id', () => agreements.id),
    partyId: requiredRef('party_id', () => parties.id),
    decidingBody: text('deciding_body'),
    decisionDate: date('decision_date', { mode: 'string' }),
    section: text('section'),
    /** The party's own minutes of the decision (http or https), e.g. the municipality's published minutes. */
    minutesUrl: text('minutes_url'),
    outcome: text('outcome').notNull().default('PENDING'),
    note: text('note'),
    recordedByUserId: setNullRef('recorded_by_user_id', () => users.id),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('ratifications_agreement_party_key').on(t.agreementId, t.partyId)],
);

/** Negotiations the law requires: annual HYTE (612/2021 §§ 6–7) and once per council term (611/2021 § 14). */
export const negotiations = pgTable(
  'negotiations',
  {
    id: idColumn(),
    /** HYTE_ANNUAL | COUNCIL_TERM */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    municipalityGroup: text('municipality_group'),
    legalBasis: text('legal_basis'),
    heldOn: date('held_on', { mode: 'string' }),
    outcomeSummary: text('outcome_summary'),
    ...versionedColumns(),
  },
  (t) => [index('negotiations_year_idx').on(t.year)],
);

/** The parties taking part in a negotiation. */
export const negotiationParties = pgTable(
  'negotiation_parties',
  {
    negotiationId: ownerRef('negotiation_id', () => negotiations.id),
    partyId: requiredRef('party_id', () => parties.id),
  },
  (t) => [primaryKey({ columns: [t.negotiationId, t.partyId] })],
);

export type CooperationBodyRow = typeof cooperationBodies.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementSectionRow = typeof agreementSections.$inferSelect;
export type RatificationRow = typeof ratifications.$inferSelect;
export type NegotiationRow = typeof negotiations.$inferSelect;

/** `isCurrentMembership` (cooperation.models.ts) in SQL: the membership holds on `day` (today in Finland). */
export const currentMembershipWhere = (day: string): SQL =>
  and(
    or(isNull(memberships.endsOn), gte(memberships.endsOn, day)),
    or(isNull(memberships.startsOn), lte(memberships.startsOn, day)),
  )!;
