import type { UserActor } from './actor.js';

/** What a revocation names: a session, an API token, or every credential of a user. */
export interface Revocation {
  sessionId?: string;
  apiTokenId?: string;
  userId?: string;
}

interface Entry {
  actor: UserActor;
  cachedAt: number;
  /** The bus connection the entry was read under: after a lost LISTEN connection, revocations may have been missed. */
  epoch: number;
}

/**
 * Authenticated sessions and API tokens by the hash of their secret, for a few seconds, so that a
 * request does not re-read its credentials with a join (docs/adr/0012-credential-cache.md).
 *
 * Safety rests on three rules: an entry is dropped when a revocation for it arrives on the bus
 * (`evict`, on every instance); an entry read while a revocation was under way is never stored
 * (`generation`, below); and an entry read under an earlier bus connection is not used (`epoch`),
 * because revocations broadcast while the LISTEN connection was down were lost.
 */
export function createCredentialCache(opts: { ttlMs: number; maxEntries?: number; now?: () => number }) {
  const max = opts.maxEntries ?? 10_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Bumped by every eviction. A lookup that began before an eviction may have read the row before the
  // revocation committed: storing it would bring the revoked credential back for a whole TTL.
  let generation = 0;

  return {
    /** Whether caching is on (a TTL of 0 turns it off). */
    enabled: opts.ttlMs > 0,

    /** Where a lookup starts; pass it to `set` so a lookup that raced a revocation is not stored. */
    generation: () => generation,

    /** The cached actor, unless it is older than the TTL, read under another bus connection, or its session has ended. */
    get(key: string, epoch: number): UserActor | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const t = now();
      if (
        entry.epoch !== epoch ||
        t - entry.cachedAt >= opts.ttlMs ||
        (entry.actor.expiresAt && entry.actor.expiresAt.getTime() <= t)
      ) {
        entries.delete(key);
        return undefined;
      }
      // Least recently used goes first: re-inserting moves the key to the end of the Map's order.
      entries.delete(key);
      entries.set(key, entry);
      return entry.actor;
    },

    /** Stores a freshly read actor, unless a revocation happened since `startedAt` (a generation). */
    set(key: string, actor: UserActor, epoch: number, startedAt: number): void {
      if (opts.ttlMs <= 0 || startedAt !== generation) return;
      entries.delete(key);
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      entries.set(key, { actor, cachedAt: now(), epoch });
    },

    /** Drops every entry the revocation names. Revocations are rare, so a scan is fine. */
    evict(revocation: Revocation): void {
      generation++;
      const { sessionId, apiTokenId, userId } = revocation;
      for (const [key, { actor }] of entries) {
        if (
          (sessionId && actor.sessionId === sessionId) ||
          (apiTokenId && actor.apiTokenId === apiTokenId) ||
          (userId && actor.userId === userId)
        ) {
          entries.delete(key);
        }
      }
    },

    /** Drops everything. */
    clear(): void {
      generation++;
      entries.clear();
    },

    size: () => entries.size,
  };
}

export type CredentialCache = ReturnType<typeof createCredentialCache>;
