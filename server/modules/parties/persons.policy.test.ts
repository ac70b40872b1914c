import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { makeActor } from '../../auth/actor.factory.js';
import { personsPolicy } from './persons.policy.js';

const user = (roles: UserActor['roles'], via: UserActor['via'] = 'session') => makeActor({ userId: 'u', roles, via });

describe('personsPolicy', () => {
  it('lets every signed-in user read people and refuses anonymous callers', () => {
    expect(personsPolicy.read(user(['ANALYST']))).toBe(true);
    expect(personsPolicy.read(anonymous)).toBe(false);
  });

  it('lets the secretariat or a chair create people and refuses other representatives', () => {
    expect(personsPolicy.create(user(['SECRETARIAT']), false)).toBe(true);
    expect(personsPolicy.create(user(['PARTY_REPRESENTATIVE']), true)).toBe(true);
    expect(personsPolicy.create(user(['PARTY_REPRESENTATIVE']), false)).toBe(false);
  });

  it('lets only the secretariat update people', () => {
    expect(personsPolicy.update(user(['SECRETARIAT']))).toBe(true);
    expect(personsPolicy.update(user(['PARTY_REPRESENTATIVE']))).toBe(false);
  });

  it('shows contact details to members of the same body and the secretariat, never to analysts or tokens', () => {
    expect(personsPolicy.seeContact(user(['SECRETARIAT']), false)).toBe(true);
    expect(personsPolicy.seeContact(user(['PARTY_REPRESENTATIVE']), true)).toBe(true);
    expect(personsPolicy.seeContact(user(['PARTY_REPRESENTATIVE']), false)).toBe(false);
    expect(personsPolicy.seeContact(user(['ANALYST']), true)).toBe(false);
    expect(personsPolicy.seeContact(user(['SECRETARIAT'], 'api_token'), true)).toBe(false);
    expect(personsPolicy.seeContact(anonymous, true)).toBe(false);
  });
});
