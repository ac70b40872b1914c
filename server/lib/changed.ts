/**
 * Whether an update changes anything. An update whose every sent field holds what is stored answers the row as it is:
 * no new version, no audit event, no live event (the version is still checked first: a stale one is CONFLICT). Each
 * service decides where to ask; `updateLocked` itself always writes, for the writes that bump a version on purpose.
 */

/** Two stored or sent values hold the same: null and undefined alike (a text cleared is a text never set). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  // A moment as a Date or as its ISO text: the same instant is the same value.
  if (a instanceof Date || b instanceof Date) {
    const time = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : Number.NaN);
    return !Number.isNaN(time(a)) && time(a) === time(b);
  }
  // Lists in their order: a caller whose list is a set (linked ids) passes both as `idSet` (see `replacedLinks`).
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  // Objects (a localized text, a jsonb indicator) key by key in any order; a key left out holds null.
  if (typeof a === 'object' && typeof b === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => sameValue(x[k], y[k]));
  }
  return a === b;
}

/** The keys of `changes` whose value differs from the row's; a key whose value is undefined was not sent and never counts. */
export function changedKeys<C extends object>(row: object, changes: C): (keyof C & string)[] {
  const stored = row as Record<string, unknown>;
  return Object.entries(changes)
    .filter(([k, v]) => v !== undefined && !sameValue(stored[k], v))
    .map(([k]) => k as keyof C & string);
}

/** Whether an update changes nothing: every key of `changes` that was sent holds what the row holds (see `changedKeys`). */
export const unchanged = (row: object, changes: object): boolean => changedKeys(row, changes).length === 0;

/** Only the entries of `changes` that differ from the row (see `changedKeys`). */
export function onlyChanged<C extends object>(row: object, changes: C): Partial<C> {
  const keys = new Set<string>(changedKeys(row, changes));
  return Object.fromEntries(Object.entries(changes).filter(([k]) => keys.has(k))) as Partial<C>;
}

/** Ids as a set in one order, so that the same links (sent in any order, or read) compare the same. */
export const idSet = (ids: readonly string[]): string[] => [...new Set(ids)].sort();

/** Link lists by name (`partyIds`, `needIds`, …), each a set of ids (`idSet`). */
export type LinkSets<K extends string> = Partial<Record<K, string[]>>;

/**
 * The link lists an update replaces, before and after, each as a set (`idSet`), as its change event carries them: a list
 * not sent (undefined or null) is left out of both states, since it does not change. So `unchanged(before, after)` asks
 * whether any list sent holds other ids than are stored, and an update sending none reads none. `stored` reads a list as
 * it is now (link rows, or a row's own column), in the order of its keys, and only for the lists sent.
 */
export async function replacedLinks<K extends string>(
  sent: { readonly [k in K]?: readonly string[] | null },
  stored: { readonly [k in K]: () => readonly string[] | Promise<readonly string[]> },
): Promise<{ before: LinkSets<K>; after: LinkSets<K> }> {
  const before: LinkSets<K> = {};
  const after: LinkSets<K> = {};
  for (const key of Object.keys(stored) as K[]) {
    const list = sent[key];
    if (!list) continue;
    before[key] = idSet(await stored[key]());
    after[key] = idSet(list);
  }
  return { before, after };
}
