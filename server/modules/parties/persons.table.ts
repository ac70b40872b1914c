import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, optionalRef, setNullRef, versionedColumns } from '../../db/columns.js';
import { users } from '../auth/auth.table.js';
import { parties } from './parties.table.js';

/**
 * People who sit in cooperation bodies (contract `Person`). `email` and `phone`
 * are contact details: the API shows them only to members of the same bodies
 * and the secretariat. A person may have a user account (`userId`).
 */
export const persons = pgTable(
  'persons',
  {
    id: idColumn(),
    name: text('name').notNull(),
    title: text('title'),
    partyId: optionalRef('party_id', () => parties.id),
    userId: setNullRef('user_id', () => users.id),
    email: text('email'),
    phone: text('phone'),
    isDemo: boolean('is_demo').notNull().default(false),
    ...versionedColumns(),
  },
  (t) => [
    index('persons_party_idx').on(t.partyId),
    uniqueIndex('persons_user_key')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
  ],
);

export type PersonRow = typeof persons.$inferSelect;
