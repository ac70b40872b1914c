import { describe, expect, it } from 'vitest';
import type { UserActor } from './actor.js';
import { createCredentialCache } from './credential-cache.js';

const actor = (over: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId: 'u1',
  displayName: 'Analyst',
  partyId: null,
  roles: ['ANALYST'],
  via: 'session',
  sessionId: 's1',
  ...over,
});

describe('the credential cache', () => {
  it('serves an entry until its time is up', () => {
    let now = 0;
    const cache = createCredentialCache({ ttlMs: 10_000, now: () => now });
    cache.set('h', actor(), 0, cache.generation());
    now = 9_999;
    expect(cache.get('h', 0)?.sessionId).toBe('s1');
    now = 10_000;
    expect(cache.get('h', 0)).toBeUndefined();
  });

  it('drops the entries a revocation names, by session, token or user', () => {
    const cache = createCredentialCache({ ttlMs: 10_000 });
    cache.set('a', actor(), 0, cache.generation());
    cache.set('b', actor({ via: 'api_token', sessionId: undefined, apiTokenId: 't1' }), 0, cache.generation());
    cache.set('c', actor({ userId: 'u2', sessionId: 's2' }), 0, cache.generation());
    cache.evict({ sessionId: 's1' });
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('b', 0)).toBeDefined();
    cache.evict({ apiTokenId: 't1' });
    expect(cache.get('b', 0)).toBeUndefined();
    cache.evict({ userId: 'u2' });
    expect(cache.get('c', 0)).toBeUndefined();
  });

  it('does not store a lookup that began before a revocation (it may have read the row before the revocation committed)', () => {
    const cache = createCredentialCache({ ttlMs: 10_000 });
    const startedAt = cache.generation();
    cache.evict({ sessionId: 's1' });
    cache.set('a', actor(), 0, startedAt);
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('does not serve an entry read under an earlier bus connection (revocations sent meanwhile were lost)', () => {
    const cache = createCredentialCache({ ttlMs: 10_000 });
    cache.set('a', actor(), 3, cache.generation());
    expect(cache.get('a', 4)).toBeUndefined();
  });

  it('does not serve a session past its expiry, however fresh the entry', () => {
    let now = 1_000;
    const cache = createCredentialCache({ ttlMs: 10_000, now: () => now });
    cache.set('a', actor({ expiresAt: new Date(1_500) }), 0, cache.generation());
    now = 1_500;
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('keeps at most its size, dropping the least recently used', () => {
    const cache = createCredentialCache({ ttlMs: 10_000, maxEntries: 2 });
    cache.set('a', actor(), 0, cache.generation());
    cache.set('b', actor(), 0, cache.generation());
    cache.get('a', 0);
    cache.set('c', actor(), 0, cache.generation());
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBeDefined();
    expect(cache.size()).toBe(2);
  });

  it('stores nothing with a TTL of 0', () => {
    const cache = createCredentialCache({ ttlMs: 0 });
    cache.set('a', actor(), 0, cache.generation());
    expect(cache.enabled).toBe(false);
    expect(cache.get('a', 0)).toBeUndefined();
  });
});
