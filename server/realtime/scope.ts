import type { Actor, UserActor } from '../auth/actor.js';
import type { EventBus } from './bus.js';

/** A user's current roles per body (from their memberships), what body-scoped policies decide by. */
export type RolesByBody = readonly { bodyId: string; role: string }[];

/**
 * Entity types whose events may change someone's roles per body: a membership added, changed or
 * ended, or a person linked to (or unlinked from) an account. Their events refresh every cached scope.
 */
export const SCOPE_ENTITY_TYPES: ReadonlySet<string> = new Set(['membership', 'person']);

/** How long a cached scope is trusted without an event: memberships also start and end by date, with no event. */
export const SCOPE_TTL_MS = 60_000;

/**
 * The subscribers' permission scopes, per process: each user's roles per body, read once (when the
 * first of their subscriptions starts) and dropped when a membership or person event arrives on the
 * bus, or after SCOPE_TTL_MS. Subscriptions check every event against this instead of querying the
 * database per subscriber per event (issue 10). HTTP requests never use it: they read afresh.
 */
export interface ScopeCache {
  /** The user's roles per body: cached, or read now. */
  rolesOf(userId: string): Promise<RolesByBody>;
  /** Grows by one whenever cached scopes were dropped (a scope event): subscribers re-read theirs. */
  generation(): number;
  /** Stops listening to the bus. */
  stop(): void;
}

/** A scope cache fed by `load` (one query for one user) and emptied by the bus's scope events. */
export function createScopeCache(
  bus: EventBus,
  load: (userId: string) => Promise<RolesByBody>,
  ttlMs = SCOPE_TTL_MS,
): ScopeCache {
  const cache = new Map<string, { at: number; roles: Promise<RolesByBody> }>();
  let generation = 0;
  // Called synchronously while the bus dispatches the event, so every later event finds the cache empty.
  const unsubscribe = bus.subscribe((event) => {
    if (!SCOPE_ENTITY_TYPES.has(event.entityType)) return;
    cache.clear();
    generation++;
  });
  return {
    rolesOf(userId) {
      const hit = cache.get(userId);
      if (hit && Date.now() - hit.at < ttlMs) return hit.roles;
      const entry = { at: Date.now(), roles: load(userId) };
      cache.set(userId, entry);
      // A failed read is not remembered: the next subscriber or event tries again.
      entry.roles.catch(() => {
        if (cache.get(userId) === entry) cache.delete(userId);
      });
      return entry.roles;
    },
    generation: () => generation,
    stop: unsubscribe,
  };
}

const scoped = new WeakMap<object, () => RolesByBody | Promise<RolesByBody>>();

/**
 * A copy of the actor whose roles per body come from `roles` instead of the database: a group's
 * fixed scope, or the process's scope cache. Only subscriptions get such an actor; the copy keeps
 * the socket's own actor (used by its queries and mutations) reading afresh.
 */
export function withScopedRoles(actor: UserActor, roles: () => RolesByBody | Promise<RolesByBody>): UserActor {
  const copy = { ...actor };
  scoped.set(copy, roles);
  return copy;
}

/** The actor's roles per body when it carries a subscription scope; undefined: read them from the database. */
export function scopedRolesOf(actor: Actor): RolesByBody | Promise<RolesByBody> | undefined {
  return actor.kind === 'user' ? scoped.get(actor)?.() : undefined;
}

/**
 * The part of the actor a subscription's answers may depend on besides the user's identity: how it
 * signed in, its party, standing roles and roles per body. Subscribers with equal keys are answered alike.
 */
export function scopeKeyOf(actor: Actor, roles: RolesByBody): string {
  if (actor.kind !== 'user') return 'anonymous';
  const standing = [...actor.roles].sort().join(',');
  const bodies = roles
    .map((r) => `${r.bodyId}:${r.role}`)
    .sort()
    .join(',');
  return `${actor.via}|${actor.partyId ?? ''}|${standing}|${bodies}`;
}
