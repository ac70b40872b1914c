import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import {
  idColumn,
  ownerRef,
  requiredRef,
  setNullRef,
  timestamptzNow,
  versionedByColumns,
  versionedColumns,
} from '../../db/columns.js';
import { users } from '../auth/auth.table.js';
import { cooperationBodies } from '../cooperation/cooperation.table.js';
import { agendaItems } from '../meetings/meetings.table.js';
import { parties } from '../parties/parties.table.js';

/** Who last set one field of a need: the party (and user) on whose behalf, and when (ISO). */
export interface FieldProvenanceValue {
  partyId: string | null;
  userId: string | null;
  at: string;
}

/** A reference to an indicator that shows the need (e.g. THL Sotkanet id 127). */
export interface IndicatorRefValue {
  source: string;
  code: string;
  label?: string | null;
}

/**
 * Shared service needs of the residents the parties share (the interface
 * register). A need speaks of groups and counts, never of a person;
 * `estimatedResidents` under five is stored but never returned (needs.privacy.ts).
 */
export const serviceNeeds = pgTable(
  'service_needs',
  {
    id: idColumn(),
    title: text('title').notNull(),
    summary: text('summary'),
    /** IDENTIFIED | UNDER_ANALYSIS | AGREED | IN_PROGRESS | MONITORING | RESOLVED | ESCALATED | REJECTED */
    status: text('status').notNull().default('IDENTIFIED'),
    /** LOW | MEDIUM | HIGH | CRITICAL */
    priority: text('priority'),
    targetGroups: text('target_groups').array().notNull().default([]),
    themeCodes: text('theme_codes').array().notNull().default([]),
    municipalityIds: uuid('municipality_ids').array().notNull().default([]),
    /** Other parties concerned besides the municipalities (the county, Kela, ...). */
    partyIds: uuid('party_ids').array().notNull().default([]),
    legalBasis: text('legal_basis'),
    estimatedResidents: integer('estimated_residents'),
    indicators: jsonb('indicators').$type<IndicatorRefValue[]>().notNull().default([]),
    ownerBodyId: setNullRef('owner_body_id', () => cooperationBodies.id),
    /** The note of the latest transition (the reason, for REJECTED). */
    statusNote: text('status_note'),
    /** Field name → who last set it. Updated in the same write as the field. */
    fieldProvenance: jsonb('field_provenance').$type<Record<string, FieldProvenanceValue>>().notNull().default({}),
    /** Seeded demonstration data, shown as such. */
    demo: boolean('demo').notNull().default(false),
    createdByUserId: setNullRef('created_by_user_id', () => users.id),
    createdByPartyId: setNullRef('created_by_party_id', () => parties.id),
    ...versionedColumns(),
  },
  (t) => [
    index('service_needs_status_idx').on(t.status),
    index('service_needs_owner_body_idx').on(t.ownerBodyId),
    index('service_needs_updated_idx').on(t.updatedAt, t.id),
    // The register's default order: updated_at desc, id asc (a mixed direction needs its own index).
    index('service_needs_updated_desc_idx').on(t.updatedAt.desc().nullsFirst(), t.id),
    index('service_needs_target_groups_idx').using('gin', t.targetGroups),
    index('service_needs_municipalities_idx').using('gin', t.municipalityIds),
    index('service_needs_themes_idx').using('gin', t.themeCodes),
    index('service_needs_title_lower_idx').on(sql`lower(${t.title})`),
  ],
);

/** One party's part in a need: LEAD, CONTRIBUTOR or INFORMED. */
export const needResponsibilities = pgTable(
  'need_responsibilities',
  {
    needId: ownerRef('need_id', () => serviceNeeds.id),
    partyId: requiredRef('party_id', () => parties.id),
    /** LEAD | CONTRIBUTOR | INFORMED */
    role: text('role').notNull(),
    description: text('description'),
    ...versionedByColumns(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.needId, t.partyId] }), index('need_responsibilities_party_idx').on(t.partyId)],
);

/** An agreed action: owned by a party (never a person), with a due date and a status. */
export const needActions = pgTable(
  'need_actions',
  {
    id: idColumn(),
    needId: ownerRef('need_id', () => serviceNeeds.id),
    title: text('title').notNull(),
    description: text('description'),
    ownerPartyId: requiredRef('owner_party_id', () => parties.id),
    dueDate: date('due_date', { mode: 'string' }),
    /** PLANNED | IN_PROGRESS | DONE | CANCELLED */
    status: text('status').notNull().default('PLANNED'),
    /** The agenda item whose decision created the action; the meetings module adds the link. Removing the item keeps the action. */
    agendaItemId: setNullRef('agenda_item_id', () => agendaItems.id),
    ...versionedColumns(),
  },
  (t) => [
    index('need_actions_need_idx').on(t.needId),
    index('need_actions_owner_idx').on(t.ownerPartyId, t.dueDate),
    index('need_actions_agenda_item_idx').on(t.agendaItemId),
  ],
);

/** Discussion on a need. Only ever inserted. */
export const needComments = pgTable(
  'need_comments',
  {
    id: idColumn(),
    needId: ownerRef('need_id', () => serviceNeeds.id),
    authorUserId: setNullRef('author_user_id', () => users.id),
    authorPartyId: setNullRef('author_party_id', () => parties.id),
    body: text('body').notNull(),
    createdAt: timestamptzNow('created_at'),
  },
  (t) => [index('need_comments_need_idx').on(t.needId, t.createdAt)],
);

export type ServiceNeedRow = typeof serviceNeeds.$inferSelect;
export type ResponsibilityRow = typeof needResponsibilities.$inferSelect;
export type ActionRow = typeof needActions.$inferSelect;
export type CommentRow = typeof needComments.$inferSelect;
