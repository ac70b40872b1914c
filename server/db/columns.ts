/**
 * Column builders the domains' tables share, so that a record's id, version and times, and the
 * references between records, are declared one way everywhere. Each call makes a new builder: a
 * builder belongs to one table.
 */
import { bigserial, integer, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** A point in time with its time zone (`timestamptz`), nullable. */
export const timestamptz = <TName extends string>(name: TName) => timestamp(name, { withTimezone: true });

/** A `timestamptz` that is set to now when the row is inserted. */
export const timestamptzNow = <TName extends string>(name: TName) => timestamptz(name).notNull().defaultNow();

/** A record's primary key: a random UUID. */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();

/** A log's primary key: a 64-bit serial, so the rows of an append-only log keep the order they were written in. */
export const serialIdColumn = () => bigserial('id', { mode: 'number' }).primaryKey();

/** The optimistic-lock version a record starts at; `lib/versioned.ts` bumps it on every change. */
export const versionColumn = () => integer('version').notNull().default(1);

/** When the row was inserted and when it last changed. */
export const timestampColumns = () => ({ createdAt: timestamptzNow('created_at'), updatedAt: timestamptzNow('updated_at') });

/** What a versioned record carries after its own columns: `version`, `createdAt` and `updatedAt`. */
export const versionedColumns = () => ({ version: versionColumn(), ...timestampColumns() });

/** A required reference to the record a row belongs to: deleting that record deletes the row. */
export const ownerRef = <TName extends string>(name: TName, target: () => AnyPgColumn) =>
  uuid(name).notNull().references(target, { onDelete: 'cascade' });

/** A required reference that keeps the referenced record from being deleted while rows name it. */
export const requiredRef = <TName extends string>(name: TName, target: () => AnyPgColumn) =>
  uuid(name).notNull().references(target);

/** An optional reference that keeps the referenced record from being deleted while rows name it. */
export const optionalRef = <TName extends string>(name: TName, target: () => AnyPgColumn) => uuid(name).references(target);

/** The primary key of a row that extends one record (at most one row each): deleting that record deletes the row. */
export const ownerKey = <TName extends string>(name: TName, target: () => AnyPgColumn) =>
  uuid(name).primaryKey().references(target, { onDelete: 'cascade' });

/** An optional reference that is cleared when the referenced record goes (who created or recorded a row). */
export const setNullRef = <TName extends string>(name: TName, target: () => AnyPgColumn) =>
  uuid(name).references(target, { onDelete: 'set null' });

/**
 * What a versioned record that names who last changed it carries after its own columns: `version`,
 * `updatedByUserId` (cleared when that user goes), `createdAt` and `updatedAt`.
 */
export const versionedByColumns = (user: () => AnyPgColumn) => ({
  version: versionColumn(),
  updatedByUserId: setNullRef('updated_by_user_id', user),
  ...timestampColumns(),
});
