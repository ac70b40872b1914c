import type { GraphQLContext } from './context.js';

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

/** The user an optional reference names, or null (no reference, or the user is gone). */
export const userOf = (id: string | null | undefined, ctx: GraphQLContext) =>
  id ? ctx.loaders.users.userById.load(id).then((u) => u ?? null) : null;
