import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { updateIfVersion, versionBump } from '../../lib/versioned.js';
import { parties, populationFigures, themes, type PartyRow, type PopulationFigureRow, type ThemeRow } from './parties.table.js';

export type NewParty = typeof parties.$inferInsert;
export type NewPopulationFigure = typeof populationFigures.$inferInsert;
export type NewTheme = typeof themes.$inferInsert;

/** All parties, optionally of one kind, in Finnish name order. */
export function listParties(db: Db, kind?: string | null): Promise<PartyRow[]> {
  return db
    .select()
    .from(parties)
    .where(kind ? eq(parties.kind, kind) : undefined)
    .orderBy(asc(sql`${parties.names}->>'fi'`));
}

/** Parties by id, in no particular order (for DataLoader). */
export function findPartiesByIds(db: Db, ids: readonly string[]): Promise<PartyRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(parties)
    .where(inArray(parties.id, [...ids]));
}

/** One party, locked for update when inside a write. */
export async function findParty(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<PartyRow | undefined> {
  const q = db.select().from(parties).where(eq(parties.id, id));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

/** Applies changes if the version still matches; bumps the version. Undefined when it did not match. */
export async function updatePartyIfVersion(
  tx: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<PartyRow, 'names' | 'subRegion'>>,
): Promise<PartyRow | undefined> {
  return updateIfVersion(tx, parties, id, expectedVersion, changes);
}

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
export async function insertPopulationFigures(tx: Db, rows: NewPopulationFigure[]): Promise<PopulationFigureRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(populationFigures).values(rows).returning();
}

/** Figures of several parties, newest first (for DataLoader). */
export function listPopulationFigures(db: Db, partyIds: readonly string[]): Promise<PopulationFigureRow[]> {
  if (partyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(populationFigures)
    .where(inArray(populationFigures.partyId, [...partyIds]))
    .orderBy(desc(populationFigures.referenceDate), asc(populationFigures.status));
}

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
export function findThemesByCodes(db: Db, codes: readonly string[]): Promise<ThemeRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(themes)
    .where(inArray(themes.code, [...codes]));
}
