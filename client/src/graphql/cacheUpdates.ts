import type { Cache, KeyingConfig } from '@urql/exchange-graphcache';

/*
 * Helpers for the updaters in features/<domain>/<domain>.cache.ts: the few
 * ways an answer or an event changes what the cache holds besides the records
 * it carries, which graphcache merges by key on its own.
 */

/**
 * Keys for types without an id of their own: graphcache embeds them in the
 * record that holds them instead of normalising them (a key of null).
 */
export function embedded(...typeNames: string[]): KeyingConfig {
  return Object.fromEntries(typeNames.map((typeName) => [typeName, () => null]));
}

/** A cached record's type and id, as graphcache addresses it. */
export type EntityRef = { __typename: string; id: string };

/** Drops every cached variant (all arguments) of a root list, so the queries showing it fetch it again. */
export function invalidateQueryList(cache: Cache, fieldName: string): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

/** The object under `field` in a mutation's or event's result, read defensively (results are untyped here). */
export function pick<T>(result: unknown, field: string): T | undefined {
  if (result && typeof result === 'object' && field in result) return (result as Record<string, T>)[field];
  return undefined;
}

/**
 * Appends a record the cache already holds to a parent's cached list (once);
 * a list not cached is left alone, since the query that shows it fetches it whole.
 */
export function appendLink(cache: Cache, parent: EntityRef, field: string, entry: EntityRef): void {
  const links = cache.resolve(parent, field);
  if (!Array.isArray(links)) return;
  const key = cache.keyOfEntity(entry);
  if (key && !(links as unknown[]).includes(key)) cache.link(parent, field, [...(links as string[]), key]);
}
