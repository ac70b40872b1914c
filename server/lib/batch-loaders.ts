import DataLoader from 'dataloader';
import type { Db } from '../db/client.js';
import { groupBy, matchBy } from './batch.js';

/** A repo read of the rows for a batch of keys, in one query. */
export type BatchRead<T> = (db: Db, keys: readonly string[]) => Promise<readonly T[]>;

/**
 * How every module makes its per-request DataLoaders: one repo read per batch of keys, its rows matched
 * (one row per key) or grouped (a list per key, in the repo's order) back to the keys. A module's loaders
 * name only the read and the key of a row.
 */
export function batchLoaders(db: Db) {
  /** The row of each key (undefined where there is none). */
  const one = <T>(read: BatchRead<T>, keyOf: (row: T) => string) =>
    new DataLoader<string, T | undefined>(async (keys) => matchBy(keys, await read(db, keys), keyOf));
  /** The rows of each key (none where there are none). */
  const many = <T>(read: BatchRead<T>, keyOf: (row: T) => string) =>
    new DataLoader<string, T[]>(async (keys) => groupBy(keys, await read(db, keys), keyOf));
  return {
    one,
    many,
    /** The row of each id: `read` is a repo's finder of rows by ids. */
    byId: <T extends { id: string }>(read: BatchRead<T>) => one(read, (r) => r.id),
    /** One value of each key's rows, e.g. the ids a link table holds for each key. */
    valuesOf: <T, V>(read: BatchRead<T>, keyOf: (row: T) => string, valueOf: (row: T) => V) =>
      new DataLoader<string, V[]>(async (keys) => groupBy(keys, await read(db, keys), keyOf).map((rows) => rows.map(valueOf))),
  };
}

/** Keeps loaded rows, drops misses and per-key errors of DataLoader.loadMany. */
export const isRow = <T>(x: T | Error | undefined | null): x is T => x != null && !(x instanceof Error);

/**
 * The row a reference points at, which must exist (a foreign key guarantees it): a missing one is a
 * server error, `${what} missing`, never an answer of null.
 */
export async function required<T>(row: Promise<T | undefined>, what: string): Promise<T> {
  const found = await row;
  if (!found) throw new Error(`${what} missing`);
  return found;
}
