import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, ownerRef, timestamptzNow, versionColumn, versionedColumns } from '../../db/columns.js';

/** Localised text as stored: Finnish always, Swedish and English when known. */
export type LocalizedTextValue = { fi: string; sv?: string | null; en?: string | null };

/** Parties of the cooperation agreement. `code` is kept as text ("077"). */
export const parties = pgTable(
  'parties',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    code: text('code'),
    names: jsonb('names').$type<LocalizedTextValue>().notNull(),
    municipalForm: text('municipal_form'),
    subRegion: text('sub_region'),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('parties_kind_code_key').on(t.kind, t.code), index('parties_name_fi_idx').on(sql`(${t.names}->>'fi')`)],
);

/** Population figures: never a bare number, always date, status and source. */
export const populationFigures = pgTable(
  'population_figures',
  {
    id: idColumn(),
    partyId: ownerRef('party_id', () => parties.id),
    value: integer('value').notNull(),
    referenceDate: date('reference_date', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    source: text('source').notNull(),
    createdAt: timestamptzNow('created_at'),
  },
  (t) => [uniqueIndex('population_figures_party_date_status_key').on(t.partyId, t.referenceDate, t.status)],
);

/** Themes of cooperation (HYTE, STUDENT_WELFARE, ...). */
export const themes = pgTable('themes', {
  id: idColumn(),
  code: text('code').notNull().unique(),
  names: jsonb('names').$type<LocalizedTextValue>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  version: versionColumn(),
});

export type PartyRow = typeof parties.$inferSelect;
export type PopulationFigureRow = typeof populationFigures.$inferSelect;
export type ThemeRow = typeof themes.$inferSelect;
