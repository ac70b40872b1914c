import { describe, expect, it } from 'vitest';
import { actionsByUrgency, awaitingDecision, comingMeetings, startOfToday } from './home.model';

describe('actionsByUrgency', () => {
  it('puts overdue actions first, then the soonest due, undated last', () => {
    const sorted = actionsByUrgency([
      { id: 'undated', dueDate: null, overdue: false },
      { id: 'later', dueDate: '2027-03-01', overdue: false },
      { id: 'late', dueDate: '2026-10-01', overdue: true },
      { id: 'soon', dueDate: '2026-12-01', overdue: false },
      { id: 'later-late', dueDate: '2026-11-01', overdue: true },
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['late', 'later-late', 'soon', 'later', 'undated']);
  });
});

describe('awaitingDecision', () => {
  const party = 'p1';
  it("lists agreements of the party whose decision is pending or not recorded, and no one else's", () => {
    const agreements = [
      { id: 'pending', parties: [{ id: party }], ratifications: [{ outcome: 'PENDING', party: { id: party } }] },
      { id: 'unrecorded', parties: [{ id: party }], ratifications: [{ outcome: 'APPROVED', party: { id: 'other' } }] },
      { id: 'approved', parties: [{ id: party }], ratifications: [{ outcome: 'APPROVED', party: { id: party } }] },
      { id: 'not-a-party', parties: [{ id: 'other' }], ratifications: [] },
    ];
    expect(awaitingDecision(agreements, party).map((a) => a.id)).toEqual(['pending', 'unrecorded']);
  });
});

describe('comingMeetings', () => {
  it('leads with the meeting under way, then the soonest, without held or published ones, up to the limit', () => {
    const list = comingMeetings(
      [
        { id: 'b', startsAt: '2026-12-10T09:00:00Z', status: 'AGENDA_PUBLISHED' },
        { id: 'a', startsAt: '2026-12-01T09:00:00Z', status: 'PLANNED' },
        { id: 'live', startsAt: '2026-12-20T09:00:00Z', status: 'IN_PROGRESS' },
        { id: 'done', startsAt: '2026-11-29T09:00:00Z', status: 'PUBLISHED' },
        { id: 'c', startsAt: '2026-12-11T09:00:00Z', status: 'PLANNED' },
      ],
      3,
    );
    expect(list.map((m) => m.id)).toEqual(['live', 'a', 'b']);
  });
});

describe('startOfToday', () => {
  it("is midnight in Finland of the given moment's Finnish day, whatever the computer's zone", () => {
    expect(startOfToday(new Date('2026-11-28T13:30:00Z'))).toBe('2026-11-27T22:00:00.000Z');
    // 23.30 UTC is already the next day in Helsinki.
    expect(startOfToday(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-28T22:00:00.000Z');
    expect(startOfToday(new Date('2026-06-15T12:00:00Z'))).toBe('2026-06-14T21:00:00.000Z');
  });
});
