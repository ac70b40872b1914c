import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../auth/actor.js';
import { anonymous } from '../../auth/actor.js';
import { notificationsPolicy } from './notifications.policy.js';

const person = (userId: string, extra: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId,
  displayName: userId,
  partyId: 'p',
  roles: ['PARTY_REPRESENTATIVE'],
  via: 'session',
  ...extra,
});

describe('notificationsPolicy', () => {
  it('lets the recipient read their notification', () => {
    expect(notificationsPolicy.read(person('u1'), { recipientUserId: 'u1' })).toBe(true);
  });
  it('refuses anyone else, the secretariat included', () => {
    expect(notificationsPolicy.read(person('u2'), { recipientUserId: 'u1' })).toBe(false);
    expect(notificationsPolicy.read(person('admin', { roles: ['SECRETARIAT'] }), { recipientUserId: 'u1' })).toBe(false);
    expect(notificationsPolicy.read(anonymous, { recipientUserId: 'u1' })).toBe(false);
  });
  it('gives a person signed in an inbox but not an API token', () => {
    expect(notificationsPolicy.useInbox(person('u1'))).toBe(true);
    expect(notificationsPolicy.useInbox(person('u1', { via: 'api_token' }))).toBe(false);
    expect(notificationsPolicy.read(person('u1', { via: 'api_token' }), { recipientUserId: 'u1' })).toBe(false);
  });
});
