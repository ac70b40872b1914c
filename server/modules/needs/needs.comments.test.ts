import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../auth/actor.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import { historyEntryOf, shownComment } from './needs.comments.js';
import type { CommentRow } from './needs.table.js';

const user = (roles: UserActor['roles']): UserActor => ({
  kind: 'user',
  userId: 'u',
  displayName: 'U',
  partyId: 'p',
  roles,
  via: 'session',
});
const rep = user(['PARTY_REPRESENTATIVE']);
const analyst = user(['ANALYST']);
const comment: CommentRow = { id: 'c', needId: 'n', authorUserId: 'a', authorPartyId: 'p', body: 'x', createdAt: new Date() };
const event = (type: { name: string; entityType: string }) => ({ ...type, id: 1, actorUserId: 'a' }) as ChangeEventRow;

describe('comments as the caller sees them', () => {
  it('marks the author hidden for analysts only, and keeps the row', () => {
    expect(shownComment(rep, comment)).toEqual({ ...comment, authorHidden: false });
    expect(shownComment(analyst, comment)).toEqual({ ...comment, authorHidden: true });
  });

  it("hides a history line's actor from analysts on comment events only", () => {
    expect(historyEntryOf(analyst, event(EVENTS.commentAdded)).hideActor).toBe(true);
    expect(historyEntryOf(rep, event(EVENTS.commentAdded)).hideActor).toBe(false);
    expect(historyEntryOf(analyst, event(EVENTS.needUpdated)).hideActor).toBe(false);
  });
});
