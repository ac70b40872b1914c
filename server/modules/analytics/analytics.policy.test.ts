import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { makeActor } from '../../auth/actor.factory.js';
import { analyticsPolicy } from './analytics.policy.js';

const user = (roles: UserActor['roles'], via: UserActor['via'] = 'session') => makeActor({ roles, via });
/** A rule's answer for a session user of each standing role. */
const byRole = (rule: (actor: UserActor) => boolean) => ({
  SECRETARIAT: rule(user(['SECRETARIAT'])),
  ANALYST: rule(user(['ANALYST'])),
  PARTY_REPRESENTATIVE: rule(user(['PARTY_REPRESENTATIVE'])),
});

describe('analyticsPolicy', () => {
  it('lets the secretariat read the disclosure log and refuses analysts and representatives', () => {
    expect(byRole(analyticsPolicy.readDisclosures)).toEqual({ SECRETARIAT: true, ANALYST: false, PARTY_REPRESENTATIVE: false });
  });

  it('lets signed-in users and tokens read the audit stream and refuses anonymous callers', () => {
    expect(analyticsPolicy.readChanges(user(['ANALYST'], 'api_token'))).toBe(true);
    expect(analyticsPolicy.readChanges(anonymous)).toBe(false);
    expect(analyticsPolicy.readAllChanges(user(['ANALYST']))).toBe(false);
    expect(analyticsPolicy.readAllChanges(user(['SECRETARIAT']))).toBe(true);
  });

  it('lets only the secretariat import indicator values', () => {
    expect(byRole(analyticsPolicy.importIndicators)).toEqual({ SECRETARIAT: true, ANALYST: false, PARTY_REPRESENTATIVE: false });
  });

  it('lets signed-in users and tokens export the register and refuses anonymous callers', () => {
    expect(analyticsPolicy.exportRegister(user(['ANALYST'], 'api_token'))).toBe(true);
    expect(analyticsPolicy.exportRegister(user(['PARTY_REPRESENTATIVE']))).toBe(true);
    expect(analyticsPolicy.exportRegister(anonymous)).toBe(false);
  });
});
