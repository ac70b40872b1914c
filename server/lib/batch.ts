/**
 * Helpers for DataLoader batch functions: a batch answers its keys in order,
 * so rows read in one query are matched or grouped back to the keys.
 */

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
