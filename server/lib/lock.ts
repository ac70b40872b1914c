import type { Db } from '../db/client.js';
import { conflict, notFound } from '../errors.js';
import { isUuid } from '../validation.js';

/** A repo's lookup of one row by id, locking it FOR UPDATE when asked. */
type FindById<R> = (tx: Db, id: string, opts: { forUpdate?: boolean }) => Promise<R | undefined>;

/**
 * Locks the row a write changes, at the version the caller based the change on: NOT_FOUND (`what` not
 * found) when there is no such row or the id is not a UUID, CONFLICT with the current version when stale.
 */
export async function lockAtVersion<R extends { version: number }>(
  tx: Db,
  find: FindById<R>,
  id: string,
  expectedVersion: number,
  what: string,
): Promise<R> {
  const row = isUuid(id) ? await find(tx, id, { forUpdate: true }) : undefined;
  if (!row) throw notFound(what);
  if (row.version !== expectedVersion) throw conflict(row.version);
  return row;
}
