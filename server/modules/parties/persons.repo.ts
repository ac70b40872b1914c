import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { updateIfVersion } from '../../lib/versioned.js';
import { persons, type PersonRow } from './persons.table.js';

export type NewPerson = typeof persons.$inferInsert;

/** People, optionally of one party, by name. */
export function listPersons(db: Db, partyId?: string | null): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(partyId ? eq(persons.partyId, partyId) : undefined)
    .orderBy(asc(persons.name));
}

/** People by id, in no particular order (for DataLoader). */
export function findPersonsByIds(db: Db, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(persons)
    .where(inArray(persons.id, [...ids]));
}

/** One person, locked for update when inside a write. */
export async function findPerson(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<PersonRow | undefined> {
  const q = db.select().from(persons).where(eq(persons.id, id));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

/** Inserts people; returns them with ids. */
export function insertPersons(tx: Db, rows: NewPerson[]): Promise<PersonRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return tx.insert(persons).values(rows).returning();
}

/** Applies changes if the version still matches; bumps the version. Undefined when it did not match. */
export async function updatePersonIfVersion(
  tx: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<PersonRow, 'name' | 'title' | 'partyId' | 'email' | 'phone' | 'userId'>>,
): Promise<PersonRow | undefined> {
  return updateIfVersion(tx, persons, id, expectedVersion, changes);
}

/** The person linked to a user account, if any. */
export async function findPersonOfUser(db: Db, userId: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.userId, userId));
  return row;
}

/** The persons linked to these user accounts (for DataLoader). */
export function findPersonsOfUsers(db: Db, userIds: readonly string[]): Promise<PersonRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(persons)
    .where(inArray(persons.userId, [...userIds]));
}
