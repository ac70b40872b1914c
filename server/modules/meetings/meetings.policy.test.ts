import { describe, expect, it } from 'vitest';
import { anonymous, type UserActor } from '../../auth/actor.js';
import { allowedTransitions, MEETING_STATUSES, meetingsPolicy } from './meetings.policy.js';

const user = (roles: UserActor['roles'], via: UserActor['via'] = 'session'): UserActor => ({
  kind: 'user',
  userId: 'u',
  displayName: 'U',
  partyId: 'p',
  roles,
  via,
});
const rep = user(['PARTY_REPRESENTATIVE']);
const admin = user(['SECRETARIAT']);
const analyst = user(['ANALYST']);
const token = user(['SECRETARIAT'], 'api_token');

describe('meetingsPolicy', () => {
  it("lets the body's members, the secretariat and analysts read a meeting, and no outsider", () => {
    expect(meetingsPolicy.read(rep, ['OBSERVER'])).toBe(true);
    expect(meetingsPolicy.read(admin, [])).toBe(true);
    expect(meetingsPolicy.read(analyst, [])).toBe(true);
    expect(meetingsPolicy.read(rep, [])).toBe(false);
    expect(meetingsPolicy.read(anonymous, [])).toBe(false);
  });

  it('shows a secret item to members and the secretariat, never to analysts or outsiders', () => {
    expect(meetingsPolicy.readItem(rep, ['MEMBER'], 'SECRET')).toBe(true);
    expect(meetingsPolicy.readItem(admin, [], 'PARTLY_SECRET')).toBe(true);
    expect(meetingsPolicy.readItem(analyst, [], 'SECRET')).toBe(false);
    expect(meetingsPolicy.readItem(analyst, [], 'PUBLIC')).toBe(true);
    expect(meetingsPolicy.readItem(rep, [], 'PUBLIC')).toBe(false);
  });

  it('lets the chair, vice-chair, secretary and secretariat run the meeting, not a member, observer, analyst or token', () => {
    for (const role of ['CHAIR', 'VICE_CHAIR', 'SECRETARY']) expect(meetingsPolicy.manage(rep, [role])).toBe(true);
    expect(meetingsPolicy.manage(admin, [])).toBe(true);
    for (const role of ['MEMBER', 'OBSERVER', 'EXPERT']) expect(meetingsPolicy.manage(rep, [role])).toBe(false);
    expect(meetingsPolicy.manage(analyst, [])).toBe(false);
    expect(meetingsPolicy.manage(token, [])).toBe(false);
  });

  it('shows a PLANNED agenda only to those who run the meeting', () => {
    expect(meetingsPolicy.seeAgenda(rep, ['SECRETARY'], 'PLANNED')).toBe(true);
    expect(meetingsPolicy.seeAgenda(rep, ['MEMBER'], 'PLANNED')).toBe(false);
    expect(meetingsPolicy.seeAgenda(rep, ['MEMBER'], 'AGENDA_PUBLISHED')).toBe(true);
  });

  it("shows an item's content only on an agenda the reader sees, of a publicity they read", () => {
    expect(meetingsPolicy.readItemOnAgenda(rep, ['CHAIR'], 'PLANNED', 'SECRET')).toBe(true);
    expect(meetingsPolicy.readItemOnAgenda(rep, ['MEMBER'], 'PLANNED', 'SECRET')).toBe(false);
    expect(meetingsPolicy.readItemOnAgenda(analyst, [], 'PLANNED', 'PUBLIC')).toBe(false);
    expect(meetingsPolicy.readItemOnAgenda(token, [], 'PLANNED', 'PUBLIC')).toBe(false);
    expect(meetingsPolicy.readItemOnAgenda(analyst, [], 'AGENDA_PUBLISHED', 'PUBLIC')).toBe(true);
    expect(meetingsPolicy.readItemOnAgenda(analyst, [], 'AGENDA_PUBLISHED', 'SECRET')).toBe(false);
    expect(meetingsPolicy.readItemOnAgenda(rep, ['OBSERVER'], 'AGENDA_PUBLISHED', 'SECRET')).toBe(true);
  });

  it("keeps a PLANNED meeting's draft minutes to those who see its agenda", () => {
    expect(meetingsPolicy.minutesLock(rep, ['SECRETARY'], 'PLANNED')).toBeNull();
    expect(meetingsPolicy.minutesLock(rep, ['MEMBER'], 'PLANNED')).toBe('NOT_ALLOWED');
    expect(meetingsPolicy.minutesLock(rep, ['MEMBER'], 'AGENDA_PUBLISHED')).toBeNull();
  });

  it('lets members write the minutes until they are checked, never observers or analysts', () => {
    expect(meetingsPolicy.editMinutes(rep, ['MEMBER'], 'IN_PROGRESS')).toBe(true);
    expect(meetingsPolicy.editMinutes(rep, ['MEMBER'], 'MINUTES_DRAFT')).toBe(true);
    expect(meetingsPolicy.editMinutes(rep, ['SECRETARY'], 'MINUTES_CHECKED')).toBe(false);
    expect(meetingsPolicy.editMinutes(rep, ['OBSERVER'], 'IN_PROGRESS')).toBe(false);
    expect(meetingsPolicy.editMinutes(analyst, [], 'IN_PROGRESS')).toBe(false);
    expect(meetingsPolicy.editMinutes(rep, [], 'IN_PROGRESS')).toBe(false);
  });

  it('lets writers who may read the item co-edit a decision wording until the meeting is held', () => {
    expect(meetingsPolicy.editDecisionWording(rep, ['MEMBER'], 'IN_PROGRESS', 'SECRET')).toBe(true);
    expect(meetingsPolicy.editDecisionWording(rep, ['MEMBER'], 'HELD', 'PUBLIC')).toBe(false);
    expect(meetingsPolicy.editDecisionWording(rep, ['OBSERVER'], 'IN_PROGRESS', 'PUBLIC')).toBe(false);
    expect(meetingsPolicy.editDecisionWording(analyst, [], 'IN_PROGRESS', 'PUBLIC')).toBe(false);
  });

  it('says why the minutes are locked: checked or published for everyone, else an observer or an outsider', () => {
    expect(meetingsPolicy.minutesLock(rep, ['SECRETARY'], 'MINUTES_CHECKED')).toBe('CHECKED');
    expect(meetingsPolicy.minutesLock(admin, [], 'PUBLISHED')).toBe('PUBLISHED');
    // A draft one checker has checked is locked for everyone, the secretariat too, until it is reopened.
    expect(meetingsPolicy.minutesLock(admin, [], 'MINUTES_DRAFT', true)).toBe('BEING_CHECKED');
    expect(meetingsPolicy.minutesLock(rep, ['SECRETARY'], 'MINUTES_DRAFT', true)).toBe('BEING_CHECKED');
    expect(meetingsPolicy.minutesLock(admin, [], 'MINUTES_DRAFT', false)).toBeNull();
    expect(meetingsPolicy.minutesLock(rep, ['OBSERVER'], 'IN_PROGRESS')).toBe('OBSERVER');
    expect(meetingsPolicy.minutesLock(rep, [], 'HELD')).toBe('NOT_MEMBER');
    expect(meetingsPolicy.minutesLock(analyst, [], 'MINUTES_DRAFT')).toBe('NOT_MEMBER');
    expect(meetingsPolicy.minutesLock(token, [], 'IN_PROGRESS')).toBe('API_TOKEN');
    expect(meetingsPolicy.minutesLock(rep, ['OBSERVER', 'MEMBER'], 'IN_PROGRESS')).toBeNull();
    expect(meetingsPolicy.minutesLock(admin, [], 'PLANNED')).toBeNull();
  });

  it("says why a decision's wording is locked: closed after the meeting for everyone, else an observer or an outsider", () => {
    expect(meetingsPolicy.decisionWordingLock(rep, ['CHAIR'], 'HELD', 'PUBLIC')).toBe('CLOSED');
    expect(meetingsPolicy.decisionWordingLock(admin, [], 'PUBLISHED', 'PUBLIC')).toBe('CLOSED');
    expect(meetingsPolicy.decisionWordingLock(rep, ['OBSERVER'], 'AGENDA_PUBLISHED', 'PUBLIC')).toBe('OBSERVER');
    expect(meetingsPolicy.decisionWordingLock(rep, [], 'IN_PROGRESS', 'PUBLIC')).toBe('NOT_MEMBER');
    expect(meetingsPolicy.decisionWordingLock(analyst, [], 'PLANNED', 'SECRET')).toBe('NOT_MEMBER');
    expect(meetingsPolicy.decisionWordingLock(token, [], 'PLANNED', 'PUBLIC')).toBe('API_TOKEN');
    expect(meetingsPolicy.decisionWordingLock(rep, ['MEMBER'], 'IN_PROGRESS', 'SECRET')).toBeNull();
  });

  it('gives a reason exactly where it refuses the write, in every status and place in the body', () => {
    const actors = [rep, admin, analyst, token, anonymous];
    const places = [[], ['OBSERVER'], ['MEMBER'], ['OBSERVER', 'SECRETARY']];
    for (const status of MEETING_STATUSES)
      for (const actor of actors)
        for (const roles of places) {
          expect(meetingsPolicy.minutesLock(actor, roles, status) === null).toBe(
            meetingsPolicy.editMinutes(actor, roles, status),
          );
          for (const publicity of ['PUBLIC', 'SECRET'])
            expect(meetingsPolicy.decisionWordingLock(actor, roles, status, publicity) === null).toBe(
              meetingsPolicy.editDecisionWording(actor, roles, status, publicity),
            );
        }
  });

  it("lets the body's members and the secretariat join the room with a session, not with a token, and never analysts", () => {
    expect(meetingsPolicy.join(rep, ['OBSERVER'])).toBe(true);
    expect(meetingsPolicy.join(admin, [])).toBe(true);
    expect(meetingsPolicy.join(analyst, [])).toBe(false);
    expect(meetingsPolicy.join(analyst, ['MEMBER'])).toBe(true);
    expect(meetingsPolicy.join(token, [])).toBe(false);
    expect(meetingsPolicy.join(rep, [])).toBe(false);
  });

  it('lets only the secretariat remove personal data', () => {
    expect(meetingsPolicy.removePersonalData(admin)).toBe(true);
    expect(meetingsPolicy.removePersonalData(rep)).toBe(false);
  });

  it('moves forward one step at a time; checked minutes may be reopened; published is final', () => {
    expect(allowedTransitions('PLANNED')).toEqual(['AGENDA_PUBLISHED']);
    expect(allowedTransitions('MINUTES_CHECKED')).toEqual(['PUBLISHED', 'MINUTES_DRAFT']);
    expect(allowedTransitions('PUBLISHED')).toEqual([]);
  });
});
