import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { makeActor } from '../../auth/actor.factory.js';
import { goalsPolicy } from './goals.policy.js';

const user = (roles: UserActor['roles'], partyId: string | null = null) => makeActor({ userId: 'u', roles, partyId });

describe('goalsPolicy', () => {
  it('lets every signed-in user read goals and refuses anonymous callers', () => {
    expect(goalsPolicy.read(user(['ANALYST']))).toBe(true);
    expect(goalsPolicy.read(user(['PARTY_REPRESENTATIVE'], 'p'))).toBe(true);
    expect(goalsPolicy.read(anonymous)).toBe(false);
  });

  it('lets only the secretariat manage goals and measures', () => {
    expect(goalsPolicy.manage(user(['SECRETARIAT']))).toBe(true);
    expect(goalsPolicy.manage(user(['PARTY_REPRESENTATIVE'], 'p'))).toBe(false);
    expect(goalsPolicy.manage(user(['ANALYST']))).toBe(false);
    expect(goalsPolicy.manage(anonymous)).toBe(false);
  });
});
