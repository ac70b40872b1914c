import { and, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { persons } from '../parties/persons.table.js';
import { parties, type LocalizedTextValue } from '../parties/parties.table.js';

/** Bodies of the cooperation structure (strategic forum, municipal assembly, networks, ...). */
export const cooperationBodies = pgTable(
  'cooperation_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    names: jsonb('names').$type<LocalizedTextValue>().notNull(),
    /** STRATEGIC | STEERING | COORDINATION | OPERATIONAL */
    tier: text('tier').notNull(),
    level: integer('level'),
    cadence: text('cadence'),
    mandate: text('mandate'),
    themeCodes: text('theme_codes').array().notNull().default([]),
    parentId: uuid('parent_id').references((): AnyPgColumn => cooperationBodies.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cooperation_bodies_parent_idx').on(t.parentId), index('cooperation_bodies_tier_idx').on(t.tier)],
);

/** A person's seat in a body on behalf of a party. Ending sets `endsOn`; rows are never deleted. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => cooperationBodies.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
    role: text('role').notNull(),
    capacity: text('capacity'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('memberships_body_idx').on(t.bodyId), index('memberships_person_idx').on(t.personId)],
);

/** Agreements between the parties: the framework agreement, its successor, the interface plan. */
export const agreements = pgTable('agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  titles: jsonb('titles').$type<LocalizedTextValue>().notNull(),
  type: text('type').notNull(),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The parties of an agreement. */
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.partyId] })],
);

/** Text sections of an agreement (principles, operating model, goals, ...). */
export const agreementSections = pgTable(
  'agreement_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    /** PRINCIPLES | OPERATING_MODEL | GOALS | OTHER */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
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
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
    decidingBody: text('deciding_body'),
    decisionDate: date('decision_date', { mode: 'string' }),
    section: text('section'),
    /** The party's own minutes of the decision (http or https), e.g. the municipality's published minutes. */
    minutesUrl: text('minutes_url'),
    outcome: text('outcome').notNull().default('PENDING'),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ratifications_agreement_party_key').on(t.agreementId, t.partyId)],
);

/** Negotiations the law requires: annual HYTE (612/2021 §§ 6–7) and once per council term (611/2021 § 14). */
export const negotiations = pgTable(
  'negotiations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** HYTE_ANNUAL | COUNCIL_TERM */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    municipalityGroup: text('municipality_group'),
    legalBasis: text('legal_basis'),
    heldOn: date('held_on', { mode: 'string' }),
    outcomeSummary: text('outcome_summary'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('negotiations_year_idx').on(t.year)],
);

/** The parties taking part in a negotiation. */
export const negotiationParties = pgTable(
  'negotiation_parties',
  {
    negotiationId: uuid('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id),
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
