import { describe, expect, it } from 'vitest';
import { isUserKey, referencedUserIds } from './change-view.js';

describe('referencedUserIds', () => {
  const before = { createdByUserId: 'u1', title: 'Vanha', ownerPartyId: 'p1' };
  const after = {
    createdByUserId: 'u1',
    userId: 'u3',
    fieldProvenance: { title: { userId: 'u2', partyId: 'p1' }, status: { userId: 'u1' } },
    list: [{ recordedByUserId: 'u4' }],
  };

  it('collects the ids under userId and …UserId keys at any depth, each once, and no other ids', () => {
    expect(referencedUserIds({ before, after })).toEqual(['u1', 'u3', 'u2', 'u4']);
    expect(isUserKey('ownerPartyId')).toBe(false);
    expect(isUserKey('recordedByUserId')).toBe(true);
  });

  it('gives none for an event whose author the reader may not know', () => {
    expect(referencedUserIds({ before, after, authorHidden: true })).toEqual([]);
  });

  it('gives none when there are no snapshots', () => {
    expect(referencedUserIds({ before: null, after: null })).toEqual([]);
  });
});
