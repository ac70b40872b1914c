import type { GraphQLContext } from './context.js';

export { isRow, required } from '../lib/batch-loaders.js';

/** A text in the three interface languages, as the database keeps it (Swedish and English may be missing). */
type StoredTexts = { fi: string; sv?: string | null; en?: string | null };

/** A stored text as the API's LocalizedText: every language, null where one is missing. */
export const textsOf = (t: StoredTexts) => ({ fi: t.fi, sv: t.sv ?? null, en: t.en ?? null });

/** The row an optional reference names, or null (no reference, or the row is gone). */
export const rowOf = <T>(loader: { load(id: string): Promise<T | undefined> }, id: string | null | undefined) =>
  id ? loader.load(id).then((row) => row ?? null) : null;

/** The user an optional reference names, or null (no reference, or the user is gone). */
export const userOf = (id: string | null | undefined, ctx: GraphQLContext) => rowOf(ctx.loaders.users.userById, id);

/** A subscription field whose events are the field's value as its service's stream yields them. */
export const eventsOf = <S>(subscribe: S) => ({ subscribe, resolve: (payload: unknown) => payload as never });
