import { locales, type Language } from '../../i18n/i18n';

/** How one top-level key of a record changed between `before` and `after`. */
export interface KeyChange {
  /** The key; empty when the record itself is not an object (a bare value or a list). */
  key: string;
  change: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equality of two JSON values, key order ignored (the server's jsonb does not keep it). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => key in b && jsonEqual(a[key], b[key]));
  }
  return false;
}

/**
 * The keys a change event touched, in a stable order (the record's own order,
 * then keys only `after` has). A key absent on one side is added or removed;
 * null and absent are told apart, because the server records "set to null".
 * Equal values are left out: an audit reader wants what changed.
 */
export function diffChange(before: unknown, after: unknown): KeyChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if (!isRecord(before) && !isRecord(after)) {
    if (jsonEqual(before, after)) return [];
    return [{ key: '', change: !hasBefore ? 'added' : !hasAfter ? 'removed' : 'changed', before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: KeyChange[] = [];
  for (const key of keys) {
    const inBefore = key in b;
    const inAfter = key in a;
    if (inBefore && inAfter && jsonEqual(b[key], a[key])) continue;
    changes.push({
      key,
      change: !inBefore ? 'added' : !inAfter ? 'removed' : 'changed',
      before: b[key],
      after: a[key],
    });
  }
  return changes;
}

/** A JSON value as a short line for the diff: strings bare, the rest as JSON, long values cut with "…". */
export function compactValue(value: unknown, max = 80): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * "5 minutes ago" / "5 minuuttia sitten" in the UI language: the largest
 * whole unit, and "now" under ten seconds (clocks differ by a few seconds).
 */
export function relativeTime(iso: string, now: number, lang: Language): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locales[lang], { numeric: 'auto' });
  if (Math.abs(seconds) < 10) return format.format(0, 'second');
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

/** A curl command that asks this server something small with a token, for the "token created" panel. */
export function curlExample(origin: string, token: string): string {
  const body = JSON.stringify({ query: '{ changes(first: 5) { totalCount pageInfo { endCursor hasNextPage } edges { node { at name entityType entityId } } } }' });
  return [
    `curl -sS ${origin}/graphql \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -d '${body}'`,
  ].join('\n');
}

/** A disclosure's outcome split into its codes (`ok`, or `FORBIDDEN,BAD_USER_INPUT`). */
export function outcomeCodes(outcome: string): string[] {
  return outcome
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
}

/** Distinct options by id in first-seen order, for filters built from the rows loaded so far. */
export function distinctById<T extends { id: string }>(items: Iterable<T | null | undefined>): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (item && !seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}
