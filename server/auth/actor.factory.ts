import type { UserActor } from './actor.js';

/**
 * A signed-in actor for policy tests: a session user with no roles unless
 * given. `makeActor({ roles: ['SECRETARIAT'] })`, `makeActor({ via: 'api_token' })`.
 */
export function makeActor(overrides: Partial<Omit<UserActor, 'kind'>> = {}): UserActor {
  return {
    kind: 'user',
    userId: 'user-1',
    displayName: 'Test User',
    partyId: null,
    roles: [],
    via: 'session',
    ...overrides,
  };
}
