import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { existingValues, insertRows, listOptionallyWhere, listWhereIn, versionedRows } from '../../lib/rows.js';
import { versionBump } from '../../lib/versioned.js';
import { parties, populationFigures, themes, type PartyRow, type ThemeRow } from './parties.table.js';

export type NewParty = typeof parties.$inferInsert;
export type NewPopulationFigure = typeof populationFigures.$inferInsert;
export type NewTheme = typeof themes.$inferInsert;

/** All parties, optionally of one kind, in Finnish name order. */
export const listParties = (db: Db, kind?: string | null): Promise<PartyRow[]> =>
  listOptionallyWhere(db, parties, parties.kind, kind, asc(sql`${parties.names}->>'fi'`));

/** Parties: one by id (locked for update inside a write), by ids, and versioned changes (lib/rows.ts). */
export const partyRows = versionedRows<typeof parties, PartyChanges>(parties, 'party');

/** Which of the ids are parties (validation of input). */
export const existingPartyIds = (db: Db, ids: readonly string[]) => existingValues(db, parties, parties.id, ids);

/** Which of the codes are themes (validation of input). */
export const existingThemeCodes = (db: Db, codes: readonly string[]) => existingValues(db, themes, themes.code, codes);

/** What `partyRows.updateIfVersion` may change. */
export type PartyChanges = Partial<Pick<PartyRow, 'names' | 'subRegion'>>;

/** Bumps a party's version after a change to its figures. */
export async function touchParty(tx: Db, id: string): Promise<PartyRow | undefined> {
  const [row] = await tx.update(parties).set(versionBump(parties)).where(eq(parties.id, id)).returning();
  return row;
}

/** Inserts parties; returns them with ids. */
export function insertParties(tx: Db, rows: NewParty[]): Promise<PartyRow[]> {
  return tx.insert(parties).values(rows).returning();
}

/** Inserts population figures. */
export const insertPopulationFigures = (tx: Db, rows: NewPopulationFigure[]) => insertRows(tx, populationFigures, rows);

/** Figures of several parties, newest first (for DataLoader). */
export const listPopulationFigures = (db: Db, partyIds: readonly string[]) =>
  listWhereIn(
    db,
    populationFigures,
    populationFigures.partyId,
    partyIds,
    desc(populationFigures.referenceDate),
    asc(populationFigures.status),
  );

/** True when a figure with that date and status exists for the party. */
export async function populationFigureExists(tx: Db, partyId: string, referenceDate: string, status: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: populationFigures.id })
    .from(populationFigures)
    .where(
      and(
        eq(populationFigures.partyId, partyId),
        eq(populationFigures.referenceDate, referenceDate),
        eq(populationFigures.status, status),
      ),
    );
  return row !== undefined;
}

/** All themes in their display order. */
export function listThemes(db: Db): Promise<ThemeRow[]> {
  return db.select().from(themes).orderBy(asc(themes.sortOrder), asc(themes.code));
}

/** Inserts themes. */
export function insertThemes(tx: Db, rows: NewTheme[]): Promise<ThemeRow[]> {
  return tx.insert(themes).values(rows).returning();
}

/** Number of parties (seeding runs only on an empty database). */
export async function countParties(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(parties);
  return row?.n ?? 0;
}

/** Themes by code (for DataLoader). */
export const findThemesByCodes = (db: Db, codes: readonly string[]) => listWhereIn(db, themes, themes.code, codes);
