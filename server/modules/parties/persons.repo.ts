import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  findById,
  findByIds,
  findOne,
  type FindOptions,
  insertOne,
  insertRows,
  listOptionallyWhere,
  listWhereIn,
} from '../../lib/rows.js';
import { updateIfVersion } from '../../lib/versioned.js';
import { persons, type PersonRow } from './persons.table.js';

export type NewPerson = typeof persons.$inferInsert;

/** People, optionally of one party, by name. */
export const listPersons = (db: Db, partyId?: string | null): Promise<PersonRow[]> =>
  listOptionallyWhere(db, persons, persons.partyId, partyId, asc(persons.name));

/** People by id, in no particular order (for DataLoader). */
export const findPersonsByIds = (db: Db, ids: readonly string[]) => findByIds(db, persons, ids);

/** One person, locked for update when inside a write. */
export const findPerson = (db: Db, id: string, opts?: FindOptions) => findById(db, persons, id, opts);

/** Inserts people; returns them with ids. */
export const insertPersons = (tx: Db, rows: NewPerson[]) => insertRows(tx, persons, rows);
/** Inserts one person and returns it as stored. */
export const insertPerson = (tx: Db, row: NewPerson) => insertOne(tx, persons, row, 'person');

/** What `updatePersonIfVersion` may change. */
export type PersonChanges = Partial<Pick<PersonRow, 'name' | 'title' | 'partyId' | 'email' | 'phone' | 'userId'>>;

/** Applies changes if the version still matches; bumps the version. Undefined when it did not match. */
export const updatePersonIfVersion = (tx: Db, id: string, expectedVersion: number, changes: PersonChanges) =>
  updateIfVersion(tx, persons, id, expectedVersion, changes);

/** The person linked to a user account, if any. */
export const findPersonOfUser = (db: Db, userId: string) => findOne(db, persons, eq(persons.userId, userId));

/** The persons linked to these user accounts (for DataLoader). */
export const findPersonsOfUsers = (db: Db, userIds: readonly string[]) => listWhereIn(db, persons, persons.userId, userIds);
