import type { Data, KeyingConfig } from '@urql/exchange-graphcache';
import type { Exchange, OperationResult } from '@urql/core';
import { map, pipe } from 'wonka';

/*
 * Why a guard: an event is loaded on the server when it is delivered, so on a
 * busy server the event of one change can reach the browser after the answer
 * of the next (a mutation's result, a query, a later event). graphcache writes
 * in arrival order, so the older record would overwrite the newer one: a
 * meeting showed "Pidetty" again after "Pöytäkirjaluonnos", a need its old
 * status. Every versioned record (`version: Int!`, one more per write) tells
 * its age, so one rule serves every type: an event never takes a record back.
 */

type Entity = { __typename: string; version: number; [field: string]: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The cache key of a versioned record, or undefined for values (keyed `null`) and records without a version. */
function keyOf(keys: KeyingConfig, value: Record<string, unknown>): string | undefined {
  const typename = value['__typename'];
  if (typeof typename !== 'string' || typeof value['version'] !== 'number') return undefined;
  const custom = keys[typename];
  const key = custom ? custom(value as Data) : (value['id'] ?? value['_id']);
  return typeof key === 'string' || typeof key === 'number' ? `${typename}:${key}` : undefined;
}

/**
 * The record reduced to what keys it, or undefined when its key needs more
 * than `id` (then it is written whole). graphcache skips fields an answer
 * leaves out, so the cache keeps the newer fields it has, and reading the
 * event back gives its subscriber the newer record too.
 */
function stripped(keys: KeyingConfig, entity: Entity, key: string): Data | undefined {
  const bare = { __typename: entity.__typename, id: entity['id'] } as Data;
  return keyOf(keys, { ...bare, version: entity.version }) === key ? bare : undefined;
}

/**
 * Remembers the newest version of every record that reaches the cache, and
 * drops from an event each record older than that (see above). Place it
 * between graphcache and the transports, where every answer passes before the
 * cache writes it; `keys` is graphcache's keying config.
 */
export function versionGuardExchange(keys: KeyingConfig = {}): Exchange {
  const newest = new Map<string, number>();

  /** Records the versions of the records in an answer (read in place: a query's answer is written as it is). */
  function record(value: unknown): void {
    if (Array.isArray(value)) return value.forEach(record);
    if (!isObject(value)) return;
    const key = keyOf(keys, value);
    if (key && (newest.get(key) ?? -1) < (value as Entity).version) newest.set(key, (value as Entity).version);
    Object.values(value).forEach(record);
  }

  /** An event without its stale records (a copy, only where an event is rewritten); records the newer ones. */
  function withoutStale(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutStale);
    if (!isObject(value)) return value;
    const key = keyOf(keys, value);
    if (key) {
      const entity = value as Entity;
      const seen = newest.get(key);
      if (seen !== undefined && entity.version < seen) return stripped(keys, entity, key) ?? value;
      if (seen === undefined || entity.version > seen) newest.set(key, entity.version);
    }
    const out: Record<string, unknown> = {};
    for (const [field, child] of Object.entries(value)) out[field] = withoutStale(child);
    return out;
  }

  const guard = (result: OperationResult): OperationResult => {
    if (!result.data) return result;
    if (result.operation.kind !== 'subscription') {
      record(result.data);
      return result;
    }
    return { ...result, data: withoutStale(result.data) as Data };
  };

  return ({ forward }) =>
    (operations$) =>
      pipe(forward(operations$), map(guard));
}
