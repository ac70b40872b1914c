import { describe, expect, it } from 'vitest';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import { checkersAsOf, rebuildMeetingAsOf } from './meetings.history.js';
import type { AgendaItemRow, AttendanceRow, MeetingRow } from './meetings.table.js';

const T = (day: number) => new Date(Date.UTC(2026, 0, day));
const MEETING = '00000000-0000-4000-8000-000000000001';
const PERSON = '00000000-0000-4000-8000-000000000002';

const meeting = {
  id: MEETING,
  bodyId: 'body',
  title: 'Kuntakokous 1/2026',
  startsAt: T(20),
  location: null,
  status: 'PUBLISHED',
  currentItemId: null,
  agendaPublishedAt: T(13),
  minutesCheckedAt: T(26),
  publishedAt: T(29),
  published: null,
  personalDataRemovalDue: null,
  personalDataRemovedAt: null,
  demo: true,
  createdByUserId: null,
  version: 2,
  createdAt: T(1),
  updatedAt: T(29),
} as MeetingRow;

const item = (id: string, position: number, title: string, createdAt = T(1)) =>
  ({
    id,
    meetingId: MEETING,
    bodyId: 'body',
    year: 2026,
    position,
    title,
    publicity: 'PUBLIC',
    createdAt,
    updatedAt: createdAt,
  }) as AgendaItemRow;

const attendance = { meetingId: MEETING, personId: PERSON, status: 'PRESENT', version: 1, updatedAt: T(20) } as AttendanceRow;

let id = 0;
const event = (at: Date, e: Partial<ChangeEventRow>) =>
  ({ id: ++id, at, before: null, after: null, scope: null, ...e }) as ChangeEventRow;

// Rows written before their changes were recorded (the demo seed of earlier versions): a meeting whose one event
// carries a partial snapshot, and items and attendance with no event at all.
const created = event(T(1), {
  ...EVENTS.meetingCreated,
  entityId: MEETING,
  kind: 'CREATED',
  after: { id: MEETING, title: meeting.title, status: 'PUBLISHED', bodyId: 'body' },
});

describe('a meeting as it stood, rebuilt from events and the rows as they are now', () => {
  it('fills what a partial snapshot lacks from the current row, and reads rows without events as present since their creation', () => {
    const items = [item('a', 1, 'Avaus'), item('b', 2, 'Suunnitelma')];
    const past = rebuildMeetingAsOf([created], T(30), { meeting, items, attendance: [attendance] })!;
    expect(past.meeting.startsAt).toEqual(meeting.startsAt);
    expect(past.meeting.title).toBe(meeting.title);
    expect(past.asOf.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(past.asOf.attendance).toEqual([attendance]);
    // Before the attendance was recorded and before a later item was created, they are not there.
    const earlier = rebuildMeetingAsOf([created], T(5), {
      meeting,
      items: [...items, item('c', 3, 'Myöhempi', T(10))],
      attendance: [attendance],
    })!;
    expect(earlier.asOf.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(earlier.asOf.attendance).toEqual([]);
  });

  it("reads a row whose first event came later as that event's `before`, and nothing for one that event created", () => {
    const edited = item('a', 1, 'Avaus (muutettu)');
    const events = [
      created,
      event(T(15), {
        ...EVENTS.agendaItemUpdated,
        entityId: 'a',
        kind: 'UPDATED',
        before: { ...edited, title: 'Avaus', createdAt: undefined, updatedAt: undefined },
        after: { ...edited, createdAt: undefined, updatedAt: undefined },
      }),
      event(T(16), { ...EVENTS.agendaItemAdded, entityId: 'n', kind: 'CREATED', after: item('n', 2, 'Uusi', T(16)) }),
    ];
    const now = { meeting, items: [edited, item('n', 2, 'Uusi', T(16))], attendance: [] };
    expect(rebuildMeetingAsOf(events, T(10), now)!.asOf.items.map((i) => i.title)).toEqual(['Avaus']);
    expect(rebuildMeetingAsOf(events, T(17), now)!.asOf.items.map((i) => i.title)).toEqual(['Avaus (muutettu)', 'Uusi']);
  });

  it('is nothing before the meeting was created', () => {
    expect(rebuildMeetingAsOf([], T(0), { meeting, items: [], attendance: [] })).toBeUndefined();
    expect(rebuildMeetingAsOf([created], T(0), { meeting, items: [], attendance: [] })).toBeUndefined();
  });
});

describe('checkersAsOf', () => {
  const ev = (name: string, day: number, after: Record<string, unknown>, before: Record<string, unknown> = {}) =>
    ({
      name,
      entityType: 'meeting',
      entityId: MEETING,
      at: T(day),
      actorUserId: 'u',
      before,
      after,
    }) as unknown as ChangeEventRow;
  const events = [
    ev(EVENTS.minutesCheckersElected.name, 20, { checkers: ['a', 'b'] }),
    ev(EVENTS.minutesChecked.name, 22, { personId: 'a', checkedAt: T(22).toISOString() }),
    ev(EVENTS.minutesReopened.name, 23, {}),
    ev(EVENTS.minutesChecked.name, 24, { personId: 'b', checkedAt: T(24).toISOString() }),
  ];
  const checked = (day: number) =>
    checkersAsOf(events, T(day), MEETING, []).map((c) => [c.personId, c.checkedAt?.toISOString() ?? null]);

  it('replays the election, each check and a reopening that clears the checks', () => {
    expect(checked(19)).toEqual([]);
    expect(checked(21)).toEqual([
      ['a', null],
      ['b', null],
    ]);
    expect(checked(22)).toEqual([
      ['a', T(22).toISOString()],
      ['b', null],
    ]);
    expect(checked(23)).toEqual([
      ['a', null],
      ['b', null],
    ]);
    expect(checked(25)).toEqual([
      ['a', null],
      ['b', T(24).toISOString()],
    ]);
  });

  it('reads checkers without an election event as they are now, each check from its time on', () => {
    const row = {
      meetingId: MEETING,
      personId: 'a',
      electedAt: T(20),
      electedByUserId: null,
      checkedAt: T(22),
      checkedByUserId: 'u',
      checkedDocumentVersion: null,
    };
    expect(checkersAsOf([], T(19), MEETING, [row])).toEqual([]);
    expect(checkersAsOf([], T(21), MEETING, [row])).toEqual([{ ...row, checkedAt: null, checkedByUserId: null }]);
    expect(checkersAsOf([], T(22), MEETING, [row])).toEqual([row]);
  });
});
