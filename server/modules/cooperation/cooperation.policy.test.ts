import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { makeActor } from '../../auth/actor.factory.js';
import { cooperationPolicy } from './cooperation.policy.js';

const user = (roles: UserActor['roles'], partyId: string | null = null) => makeActor({ userId: 'u', roles, partyId });

describe('cooperationPolicy', () => {
  it('lets every signed-in user read and refuses anonymous callers', () => {
    expect(cooperationPolicy.read(user(['ANALYST']))).toBe(true);
    expect(cooperationPolicy.read(anonymous)).toBe(false);
  });

  it('lets only the secretariat manage bodies, agreements and negotiations', () => {
    for (const rule of [
      cooperationPolicy.manageBodies,
      cooperationPolicy.manageAgreements,
      cooperationPolicy.manageNegotiations,
    ]) {
      expect(rule(user(['SECRETARIAT']))).toBe(true);
      expect(rule(user(['PARTY_REPRESENTATIVE'], 'p'))).toBe(false);
      expect(rule(user(['ANALYST']))).toBe(false);
    }
  });

  it("lets a body's chair or secretary manage its memberships and refuses an ordinary member", () => {
    expect(cooperationPolicy.manageMemberships(user(['PARTY_REPRESENTATIVE']), ['CHAIR'])).toBe(true);
    expect(cooperationPolicy.manageMemberships(user(['PARTY_REPRESENTATIVE']), ['SECRETARY'])).toBe(true);
    expect(cooperationPolicy.manageMemberships(user(['SECRETARIAT']), [])).toBe(true);
    expect(cooperationPolicy.manageMemberships(user(['PARTY_REPRESENTATIVE']), ['MEMBER', 'VICE_CHAIR'])).toBe(false);
    expect(cooperationPolicy.manageMemberships(anonymous, ['CHAIR'])).toBe(false);
  });

  it("lets a representative record their own party's ratification and refuses another party's", () => {
    expect(cooperationPolicy.recordRatification(user(['PARTY_REPRESENTATIVE'], 'a'), 'a')).toBe(true);
    expect(cooperationPolicy.recordRatification(user(['PARTY_REPRESENTATIVE'], 'a'), 'b')).toBe(false);
    expect(cooperationPolicy.recordRatification(user(['SECRETARIAT'], 'x'), 'b')).toBe(true);
    expect(cooperationPolicy.recordRatification(user(['ANALYST'], 'a'), 'a')).toBe(false);
  });
});
