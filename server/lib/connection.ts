import { badInput } from '../errors.js';

/** Most items a page may hold (contract: `first` at most 100). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/** The audit stream's pages may be larger, for full syncs (issue 10). */
export const MAX_CHANGES_PAGE_SIZE = 1000;

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

/** The position inside a cursor of the given kind; BAD_USER_INPUT naming `after` when it is not one. */
export function decodeCursor(kind: string, cursor: string | null | undefined): string | undefined {
  if (cursor == null || cursor === '') return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(`${kind}:`)) throw badInput({ after: 'Not a cursor of this list' });
  return text.slice(kind.length + 1);
}

/** A page in the contract's shape from rows fetched with one extra (to know whether more follow). */
export function toConnection<T>(rows: T[], size: number, cursorOf: (row: T) => string, totalCount: number) {
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
