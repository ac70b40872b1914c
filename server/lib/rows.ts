/**
 * The reads and writes every repo makes the same way: a row by id (locked inside a write), all rows or
 * those of one kind, the rows of a batch of ids or parent ids (for DataLoader), inserts and upserts that
 * return the rows. Repos name them per record; what is particular to a record (its order, its filters)
 * stays in its repo.
 */
import { eq, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, IndexColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { isUuid } from '../validation.js';
import { updateIfVersion, versionBump, type VersionedTable } from './versioned.js';

/** A table whose rows are found by an `id` column. */
export type TableWithId = PgTable & { id: AnyPgColumn };

/** How to read one row: `forUpdate` locks it until the write's transaction ends. */
export interface FindOptions {
  forUpdate?: boolean;
}

/** The row matching `where` (the first one, if several), locked for update when asked. */
export async function findOne<T extends PgTable>(
  db: Db,
  table: T,
  where: SQL | undefined,
  opts: FindOptions = {},
): Promise<T['$inferSelect'] | undefined> {
  const q = db
    .select()
    .from(table as PgTable)
    .where(where);
  const [row] = (await (opts.forUpdate ? q.for('update') : q)) as T['$inferSelect'][];
  return row;
}

/**
 * One row by id, locked for update when inside a write. An id that is not a UUID finds nothing, without a query (the
 * `id` columns that take a string are uuid, which PostgreSQL would refuse such an id for): callers pass ids as sent.
 */
export function findById<T extends TableWithId>(
  db: Db,
  table: T,
  id: string,
  opts: FindOptions = {},
): Promise<T['$inferSelect'] | undefined> {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return findOne(db, table, eq(table.id, id), opts);
}

/** The rows of `table`, or those whose `column` equals `value` when one is given, in the order given. */
export function listOptionallyWhere<T extends PgTable>(
  db: Db,
  table: T,
  column: AnyPgColumn,
  value: string | null | undefined,
  ...order: SQL[]
): Promise<T['$inferSelect'][]> {
  return db
    .select()
    .from(table as PgTable)
    .where(value ? eq(column, value) : undefined)
    .orderBy(...order) as Promise<T['$inferSelect'][]>;
}

/** The rows whose `column` is one of `values`, in the order given (none, without a query, for no values). */
export function listWhereIn<T extends PgTable>(
  db: Db,
  table: T,
  column: AnyPgColumn,
  values: readonly string[],
  ...order: SQL[]
): Promise<T['$inferSelect'][]> {
  if (values.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(table as PgTable)
    .where(inArray(column, [...values]))
    .orderBy(...order) as Promise<T['$inferSelect'][]>;
}

/** Rows by id, in no particular order (for DataLoader). */
export function findByIds<T extends TableWithId>(db: Db, table: T, ids: readonly string[]): Promise<T['$inferSelect'][]> {
  return listWhereIn(db, table, table.id, ids);
}

/** Inserts rows and returns them as stored (none, without a query, for no rows). */
export function insertRows<T extends PgTable>(tx: Db, table: T, rows: T['$inferInsert'][]): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return Promise.resolve([]);
  return tx.insert(table).values(rows).returning() as Promise<T['$inferSelect'][]>;
}

/** Inserts one row and returns it as stored; `what` names the record in the error if the database returned nothing. */
export async function insertOne<T extends PgTable>(
  tx: Db,
  table: T,
  row: T['$inferInsert'],
  what: string,
): Promise<T['$inferSelect']> {
  const [saved] = await insertRows(tx, table, [row]);
  if (!saved) throw new Error(`${what} insert returned nothing`);
  return saved;
}

/** Which of `values` some row holds in `column` (validation of references; none, without a query, for no values). */
export async function existingValues(
  db: Db,
  table: PgTable,
  column: AnyPgColumn,
  values: readonly string[],
): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const rows = await db
    .select({ value: column })
    .from(table)
    .where(inArray(column, [...values]));
  return new Set(rows.map((r) => r.value as string));
}

/**
 * The reads and writes of one record's table that every repo makes the same way, bound to that table once:
 * `find` one row by id (locked for update when inside a write; nothing for an id that is not a UUID), `findByIds` (for DataLoader), `insertMany` and
 * `insert` (returning the rows as stored; `what` names the record in the error if the database returned nothing).
 */
export function recordRows<T extends TableWithId>(table: T, what: string) {
  type Row = T['$inferSelect'];
  return {
    find: (db: Db, id: string, opts?: FindOptions): Promise<Row | undefined> => findById<T>(db, table, id, opts),
    findByIds: (db: Db, ids: readonly string[]): Promise<Row[]> => findByIds<T>(db, table, ids),
    insertMany: (tx: Db, rows: T['$inferInsert'][]): Promise<Row[]> => insertRows<T>(tx, table, rows),
    insert: (tx: Db, row: T['$inferInsert']): Promise<Row> => insertOne<T>(tx, table, row, what),
  };
}

/** What a write may change of a record unless its repo says less: every column it inserts but its id and version. */
export type ChangesOf<T extends PgTable> = Partial<Omit<T['$inferInsert'], 'id' | 'version'>>;

/**
 * `recordRows` of a versioned record, with `updateIfVersion`: applies changes (`C`, what a write may change of
 * the record) if the row's version still matches, bumping it; undefined when it did not.
 */
export function versionedRows<T extends VersionedTable, C extends ChangesOf<T> = ChangesOf<T>>(table: T, what: string) {
  return {
    ...recordRows(table, what),
    updateIfVersion: (tx: Db, id: string, expectedVersion: number, changes: C): Promise<T['$inferSelect'] | undefined> =>
      updateIfVersion<T>(tx, table, id, expectedVersion, changes as PgUpdateSetSource<T>),
  };
}

/**
 * Inserts a row or, when it conflicts on `conflict.target`, applies `conflict.set` to the stored one;
 * returns the row as stored. `what` names the record in the error if the database returned nothing.
 */
export async function upsertOne<T extends PgTable>(
  tx: Db,
  table: T,
  row: T['$inferInsert'],
  what: string,
  conflict: { target: IndexColumn | IndexColumn[]; set: PgUpdateSetSource<T> },
): Promise<T['$inferSelect']> {
  const [saved] = (await tx.insert(table).values(row).onConflictDoUpdate(conflict).returning()) as T['$inferSelect'][];
  if (!saved) throw new Error(`${what} upsert returned nothing`);
  return saved;
}

/**
 * The upsert of a record keyed by other columns than its id (a party's responsibility for a need, a person's
 * attendance): inserts the row or, when it conflicts `on` those columns, replaces the stored row's `replace`
 * columns with the row's (null where the row leaves one out) and bumps its version. Returns the row as stored;
 * `what` names the record in the error if the database returned nothing.
 */
export function upsertReplacing<T extends PgTable & { version: AnyPgColumn }>(
  table: T,
  what: string,
  { on, replace }: { on: IndexColumn | IndexColumn[]; replace: (keyof T['$inferInsert'] & string)[] },
) {
  return (tx: Db, row: T['$inferInsert']): Promise<T['$inferSelect']> => {
    const set = { ...Object.fromEntries(replace.map((c) => [c, row[c] ?? null])), ...versionBump(table) };
    return upsertOne(tx, table, row, what, { target: on, set: set as PgUpdateSetSource<T> });
  };
}
