import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { makeActor } from '../../auth/actor.factory.js';
import type { ApiTokenRow, UserRow } from './auth.table.js';
import { authPolicy } from './auth.policy.js';

const actor = (userId: string, roles: UserActor['roles'] = [], via: UserActor['via'] = 'session') =>
  makeActor({ userId, roles, via });
const token = { userId: 'owner' } as ApiTokenRow;
const user = { id: 'someone' } as UserRow;

describe('authPolicy', () => {
  it('lets a signed-in person create a token and refuses a token or anonymous caller', () => {
    expect(authPolicy.createApiToken(actor('a'))).toBe(true);
    expect(authPolicy.createApiToken(actor('a', [], 'api_token'))).toBe(false);
    expect(authPolicy.createApiToken(anonymous)).toBe(false);
  });

  it('lets the owner or the secretariat revoke a token and refuses anyone else', () => {
    expect(authPolicy.revokeApiToken(actor('owner'), token)).toBe(true);
    expect(authPolicy.revokeApiToken(actor('admin', ['SECRETARIAT']), token)).toBe(true);
    expect(authPolicy.revokeApiToken(actor('other', ['PARTY_REPRESENTATIVE']), token)).toBe(false);
    expect(authPolicy.revokeApiToken(actor('owner', [], 'api_token'), token)).toBe(false);
  });

  it('shows an email to its owner and the secretariat, never to analysts or tokens', () => {
    expect(authPolicy.seeEmail(actor('someone'), user)).toBe(true);
    expect(authPolicy.seeEmail(actor('admin', ['SECRETARIAT']), user)).toBe(true);
    expect(authPolicy.seeEmail(actor('analyst', ['ANALYST']), user)).toBe(false);
    expect(authPolicy.seeEmail(actor('admin', ['SECRETARIAT'], 'api_token'), user)).toBe(false);
  });
});
