import { sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import { badInput } from '../errors.js';
import { isUuid, textProblem } from '../validation.js';

/** Most items a page may hold (contract: `first` at most 100). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** The audit stream's pages may be larger, for full syncs (issue 10). */
export const MAX_CHANGES_PAGE_SIZE = 1000;

/** The most items one page of a paged field (`Type.field`, one with `first`) holds: MAX_PAGE_SIZE unless listed here. */
const PAGE_SIZE_LIMITS: Readonly<Record<string, number>> = { 'Query.changes': MAX_CHANGES_PAGE_SIZE };

/** The largest `first` the field takes (the gate's cost hint never suggests more). */
export const maxPageSize = (coordinate: string): number => PAGE_SIZE_LIMITS[coordinate] ?? MAX_PAGE_SIZE;

/** `first` checked against the limit (`max`, default 100); BAD_USER_INPUT naming `first` when out of range. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput({ first: `Must be between 1 and ${max}` });
  }
  return first;
}

/** An opaque cursor for a position (kind-tagged so one list's cursor is refused by another). */
export function encodeCursor(kind: string, position: string | number): string {
  return Buffer.from(`${kind}:${position}`).toString('base64url');
}

/**
 * The position inside a cursor of the given kind (undefined when `after` is omitted or null); BAD_USER_INPUT
 * naming `after` when it is not one, the empty string included (no cursor is empty: omit `after` for the start).
 */
export function decodeCursor(kind: string, cursor: string | null | undefined): string | undefined {
  if (cursor == null) return undefined;
  if (cursor === '') throw badInput({ after: 'Not a cursor of this list: omit after (or send null) for the first page' });
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}:`)) throw badInput({ after: 'Not a cursor of this list' });
  return text.slice(kind.length + 1);
}

/**
 * A page in the contract's shape from rows fetched with one extra (to know whether more follow). `totalCount` is the
 * count, or (a `CountedWhenAsked` page) the function that counts when a query asks for it.
 */
export function toConnection<T, C = number>(rows: T[], size: number, cursorOf: (row: T) => string, totalCount: C) {
  const page = rows.slice(0, size);
  return {
    // A cursor is made only when asked for: a sync of pages of 1,000 asks for the last one alone.
    edges: page.map((node) => ({
      node,
      get cursor() {
        return cursorOf(node);
      },
    })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: page.length ? cursorOf(page[page.length - 1]!) : null },
    totalCount,
  };
}

/**
 * The model of a `…Connection` whose total is counted only when a query asks for `totalCount` (counting is a second
 * scan the page itself does not need); its resolver calls `totalCount()`.
 */
export interface CountedWhenAsked<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * Keyset cursors (what every offset-free list uses): a cursor carries the sort key values and id of
 * the last row of its page, and `after` continues strictly after that row in the list's order, so
 * rows inserted or deleted before it move nothing. The keys of a list must make its order total
 * (id last) and never be null (COALESCE a nullable key in the expression itself).
 */
export interface SortKey {
  /** The column or expression the list is ordered by. */
  expr: SQL | AnyColumn;
  /** How the value travels in a cursor and is cast back: a time as whole microseconds since 1970. */
  type: 'timestamptz' | 'text' | 'integer' | 'uuid';
  desc?: boolean;
}

const VALID: Record<SortKey['type'], (v: string) => boolean> = {
  timestamptz: (v) => /^-?\d{1,16}$/.test(v),
  integer: (v) => /^-?\d{1,9}$/.test(v),
  uuid: isUuid,
  // Any text PostgreSQL can hold: no NUL, no lone surrogate.
  text: (v) => v.length <= 2000 && textProblem(v) === undefined,
};

/** A key as text that casts back to the same value exactly (a timestamp keeps its microseconds). */
const keyText = (k: SortKey): SQL =>
  k.type === 'timestamptz' ? sql`(extract(epoch from ${k.expr}) * 1000000)::bigint::text` : sql`(${k.expr})::text`;

/** A cursor's value of a key, cast back to the key's type. */
const keyValue = (k: SortKey, v: string | Placeholder): SQL =>
  k.type === 'timestamptz' ? sql`(timestamptz 'epoch' + ${v}::bigint * interval '1 microsecond')` : sql`${v}::${sql.raw(k.type)}`;

/** The list's ORDER BY. */
export const keysetOrder = (keys: readonly SortKey[]): SQL[] =>
  keys.map((k) => (k.desc ? sql`${k.expr} desc` : sql`${k.expr} asc`));

/** A column to select beside a row: its key values as a JSON array of text (what `encodeKeyset` puts in the cursor). */
export const keysetKey = (keys: readonly SortKey[]): SQL<string> =>
  sql<string>`json_build_array(${sql.join(keys.map(keyText), sql`, `)})::text`;

/**
 * The rows strictly after the row whose key values are `values`, in the order of `keys` (an expanded
 * OR, for keys of mixed direction), led by a bound on the first key that an index can use.
 */
export function keysetAfter(keys: readonly SortKey[], values: readonly (string | Placeholder)[]): SQL {
  const v = keys.map((k, i) => keyValue(k, values[i]!));
  const cmp = (k: SortKey, strict: boolean) => sql.raw(k.desc ? (strict ? '<' : '<=') : strict ? '>' : '>=');
  const branches = keys.map(
    (k, i) =>
      sql`(${sql.join(
        [...keys.slice(0, i).map((p, j) => sql`${p.expr} = ${v[j]}`), sql`${k.expr} ${cmp(k, true)} ${v[i]}`],
        sql` and `,
      )})`,
  );
  return sql`(${keys[0]!.expr} ${cmp(keys[0]!, false)} ${v[0]} and (${sql.join(branches, sql` or `)}))`;
}

/** The cursor of a row from its `keysetKey` column. */
export function encodeKeyset(kind: string, key: string): string {
  return encodeCursor(kind, JSON.stringify(JSON.parse(key)));
}

/** The key values inside a keyset cursor of `kind`; BAD_USER_INPUT naming `after` when it is not one (an old positional cursor neither). */
export function decodeKeyset(kind: string, keys: readonly SortKey[], cursor: string | null | undefined): string[] | undefined {
  const raw = decodeCursor(kind, cursor);
  if (raw === undefined) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(raw);
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== keys.length ||
    !values.every((v, i) => typeof v === 'string' && VALID[keys[i]!.type](v))
  )
    throw badInput({ after: 'Not a cursor of this list' });
  return values as string[];
}

/** A page in the contract's shape from rows selected with their `keysetKey` as `key`, one extra; `totalCount` as toConnection's. */
export function toKeysetConnection<T extends object, C = number>(
  kind: string,
  rows: { row: T; key: string }[],
  size: number,
  totalCount: C,
) {
  const keyOf = new Map(rows.map((r) => [r.row, r.key]));
  return toConnection(
    rows.map((r) => r.row),
    size,
    (row) => encodeKeyset(kind, keyOf.get(row)!),
    totalCount,
  );
}
