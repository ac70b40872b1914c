import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findOne, listOptionallyWhere, listWhereIn, versionedRows } from '../../lib/rows.js';
import { persons, type PersonRow } from './persons.table.js';

/** People, optionally of one party, by name. */
export const listPersons = (db: Db, partyId?: string | null): Promise<PersonRow[]> =>
  listOptionallyWhere(db, persons, persons.partyId, partyId, asc(persons.name));

/** What a write may change (`personRows.updateIfVersion`). */
export type PersonChanges = Partial<Pick<PersonRow, 'name' | 'title' | 'partyId' | 'email' | 'phone' | 'userId'>>;

/** People: one by id (locked for update inside a write), by ids, inserts and versioned changes (lib/rows.ts). */
export const personRows = versionedRows<typeof persons, PersonChanges>(persons, 'person');

/** The person linked to a user account, if any. */
export const findPersonOfUser = (db: Db, userId: string) => findOne(db, persons, eq(persons.userId, userId));

/** The persons linked to these user accounts (for DataLoader). */
export const findPersonsOfUsers = (db: Db, userIds: readonly string[]) => listWhereIn(db, persons, persons.userId, userIds);
