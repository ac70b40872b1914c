import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';

/** A table of structured records: each row has an id, an optimistic-lock `version` and the time of its last change. */
export type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/** The columns every change of a versioned row sets: `version + 1` and `updatedAt` now (rows keyed otherwise than by id too). */
export const versionBump = (table: { version: AnyPgColumn }) => ({ version: sql`${table.version} + 1`, updatedAt: sql`now()` });

/**
 * Applies `changes` to one row if its version is still `expectedVersion`, bumping the version
 * (architecture.md, "Structured fields"). Undefined when the version moved meanwhile or there is no
 * such row: the caller answers CONFLICT with the version it read under its row lock.
 */
export async function updateIfVersion<T extends VersionedTable>(
  tx: Db,
  table: T,
  id: string,
  expectedVersion: number,
  changes: PgUpdateSetSource<T>,
): Promise<T['$inferSelect'] | undefined> {
  const rows = (await tx
    .update(table)
    .set({ ...changes, ...versionBump(table) } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning()) as T['$inferSelect'][];
  return rows[0];
}
