import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { makeActor } from '../../auth/actor.factory.js';
import type { Db } from '../../db/client.js';
import { createDocumentsPolicy } from './documents.policy.js';

const db = {} as Db;
const user = (userId: string, via: UserActor['via'] = 'session') => makeActor({ userId, via });

describe('documents policy', () => {
  const policy = createDocumentsPolicy();
  policy.register('NOTE', {
    canRead: async (actor) => actor.kind === 'user',
    editLock: async (actor, ownerId) => (actor.kind === 'user' && actor.userId === ownerId ? null : 'NOT_MEMBER'),
  });
  const doc = { ownerType: 'NOTE', ownerId: 'writer' };

  it('asks the owner type: its editor may edit, another reader may only read', async () => {
    expect(await policy.edit(user('writer'), doc, db)).toBe(true);
    expect(await policy.read(user('reader'), doc, db)).toBe(true);
    expect(await policy.edit(user('reader'), doc, db)).toBe(false);
  });

  it("gives the owner's reason where it refuses, and none where it allows", async () => {
    expect(await policy.editLock(user('writer'), doc, db)).toBeNull();
    expect(await policy.editLock(user('reader'), doc, db)).toBe('NOT_MEMBER');
  });

  it('refuses anonymous callers and API tokens from editing', async () => {
    expect(await policy.read(anonymous, doc, db)).toBe(false);
    expect(await policy.edit(user('writer', 'api_token'), doc, db)).toBe(false);
    expect(await policy.editLock(user('writer', 'api_token'), doc, db)).toBe('API_TOKEN');
  });

  it('refuses everyone for an owner type nobody registered', async () => {
    expect(await policy.read(user('writer'), { ownerType: 'UNKNOWN', ownerId: 'writer' }, db)).toBe(false);
    expect(await policy.editLock(user('writer'), { ownerType: 'UNKNOWN', ownerId: 'writer' }, db)).toBe('NOT_ALLOWED');
  });
});
