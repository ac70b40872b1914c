import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { makeActor } from '../../auth/actor.factory.js';
import { peoplePolicy } from './people.policy.js';

const actor = (userId: string, roles: UserActor['roles'] = [], via: UserActor['via'] = 'session') =>
  makeActor({ userId, roles, via });

describe('peoplePolicy', () => {
  it('lets the secretariat administer accounts and refuses representatives, analysts, tokens and anonymous callers', () => {
    expect(peoplePolicy.administer(actor('admin', ['SECRETARIAT']))).toBe(true);
    expect(peoplePolicy.administer(actor('rep', ['PARTY_REPRESENTATIVE']))).toBe(false);
    expect(peoplePolicy.administer(actor('analyst', ['ANALYST']))).toBe(false);
    expect(peoplePolicy.administer(actor('admin', ['SECRETARIAT'], 'api_token'))).toBe(false);
    expect(peoplePolicy.administer(anonymous)).toBe(false);
  });

  it('lets the secretariat deactivate someone else and refuses deactivating oneself', () => {
    expect(peoplePolicy.deactivate(actor('admin', ['SECRETARIAT']), 'other')).toBe(true);
    expect(peoplePolicy.deactivate(actor('admin', ['SECRETARIAT']), 'admin')).toBe(false);
    expect(peoplePolicy.deactivate(actor('rep', ['PARTY_REPRESENTATIVE']), 'other')).toBe(false);
  });

  it('shows the status of an account to the secretariat and the user themself, and refuses other users and anonymous callers', () => {
    expect(peoplePolicy.seeAccount(actor('admin', ['SECRETARIAT']), 'other')).toBe(true);
    expect(peoplePolicy.seeAccount(actor('me'), 'me')).toBe(true);
    expect(peoplePolicy.seeAccount(actor('rep', ['PARTY_REPRESENTATIVE']), 'other')).toBe(false);
    expect(peoplePolicy.seeAccount(anonymous, 'other')).toBe(false);
  });

  it('allows taking an account out of the secretariat while another active one remains', () => {
    expect(peoplePolicy.leavesASecretariat('a', ['ANALYST'], ['a', 'b'])).toBe(true);
    expect(peoplePolicy.leavesASecretariat('a', null, ['a', 'b'])).toBe(true);
    expect(peoplePolicy.leavesASecretariat('c', null, ['a'])).toBe(true);
    expect(peoplePolicy.leavesASecretariat('a', ['SECRETARIAT', 'ANALYST'], ['a'])).toBe(true);
  });

  it('refuses demoting or deactivating the last active secretariat account', () => {
    expect(peoplePolicy.leavesASecretariat('a', ['PARTY_REPRESENTATIVE'], ['a'])).toBe(false);
    expect(peoplePolicy.leavesASecretariat('a', [], ['a'])).toBe(false);
    expect(peoplePolicy.leavesASecretariat('a', null, ['a'])).toBe(false);
  });
});
