import type { Db } from '../db/client.js';
import { conflict, notFound } from '../errors.js';
import { isUuid } from '../validation.js';

/** A repo's lookup of one row by id, locking it FOR UPDATE when asked. */
export type FindById<R> = (tx: Db, id: string, opts: { forUpdate?: boolean }) => Promise<R | undefined>;

/**
 * Locks the row a write changes, at the version the caller based the change on: NOT_FOUND (`what` not
 * found) when there is no such row or the id is not a UUID, CONFLICT with the current version when stale.
 * `admit`, when given, is asked of the row found before its version (a refusal by the row's own policy comes first).
 */
export async function lockAtVersion<R extends { version: number }>(
  tx: Db,
  find: FindById<R>,
  id: string,
  expectedVersion: number,
  what: string,
  admit?: (row: R) => unknown,
): Promise<R> {
  const row = isUuid(id) ? await find(tx, id, { forUpdate: true }) : undefined;
  if (!row) throw notFound(what);
  await admit?.(row);
  if (row.version !== expectedVersion) throw conflict(row.version);
  return row;
}

/** A repo's conditional update of one row: applied only while its version is `expectedVersion`, else undefined. */
export type UpdateIfVersion<R, C> = (tx: Db, id: string, expectedVersion: number, changes: C) => Promise<R | undefined>;

/**
 * Applies `changes` to a row the write has locked (`lockAtVersion`, or a read FOR UPDATE) at the version it read, and
 * returns the row as stored: CONFLICT with that version should the row have moved all the same.
 */
export async function updateLocked<R, C>(
  tx: Db,
  update: UpdateIfVersion<R, C>,
  before: { id: string; version: number },
  changes: C,
): Promise<R> {
  const after = await update(tx, before.id, before.version, changes);
  if (!after) throw conflict(before.version);
  return after;
}
