/**
 * Helpers for DataLoader batch functions: a batch answers its keys in order,
 * so rows read in one query are matched or grouped back to the keys.
 */
import DataLoader from 'dataloader';

/** Groups rows by a key, keeping the repo's order within a group, in the order of `keys`. */
export function groupBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row)) ?? [];
    list.push(row);
    map.set(keyOf(row), list);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** The row for each key (undefined where there is none), in the order of `keys`. */
export function matchBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): (T | undefined)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k));
}

/** Reads the rows of a batch of keys (one query for the whole batch). */
export type ReadBatch<T> = (keys: readonly string[]) => Promise<T[]>;

/** A DataLoader of one row per key, undefined where there is none: `read` fetches a batch, `keyOf` matches rows to keys. */
export function rowLoader<T>(read: ReadBatch<T>, keyOf: (row: T) => string): DataLoader<string, T | undefined> {
  return new DataLoader<string, T | undefined>(async (keys) => matchBy(keys, await read(keys), keyOf));
}

/**
 * A DataLoader of each key's rows in the order `read` returns them (an empty list where there are none),
 * or of what `valueOf` takes from each row.
 */
export function groupLoader<T>(read: ReadBatch<T>, keyOf: (row: T) => string): DataLoader<string, T[]>;
export function groupLoader<T, U>(read: ReadBatch<T>, keyOf: (row: T) => string, valueOf: (row: T) => U): DataLoader<string, U[]>;
export function groupLoader<T, U>(
  read: ReadBatch<T>,
  keyOf: (row: T) => string,
  valueOf?: (row: T) => U,
): DataLoader<string, (T | U)[]> {
  return new DataLoader<string, (T | U)[]>(async (keys) => {
    const groups = groupBy(keys, await read(keys), keyOf);
    return valueOf ? groups.map((rows) => rows.map(valueOf)) : groups;
  });
}
