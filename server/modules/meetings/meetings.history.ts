import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import type { MeetingAsOf, MeetingModel } from './meetings.models.js';
import type { AgendaItemRow, AttendanceRow, MeetingRow, MinutesCheckerRow } from './meetings.table.js';

const revive = <T>(snap: Record<string, unknown>, dateKeys: string[], extra: Record<string, unknown> = {}): T => {
  const out: Record<string, unknown> = { ...extra, ...snap };
  for (const k of dateKeys) if (typeof out[k] === 'string') out[k] = new Date(out[k] as string);
  return out as T;
};

const MEETING_DATES = [
  'startsAt',
  'agendaPublishedAt',
  'minutesCheckedAt',
  'publishedAt',
  'personalDataRemovedAt',
  'createdAt',
  'updatedAt',
];

/** The meeting, its agenda items and attendance as they are now: what rows without events are read from. */
export interface MeetingNow {
  meeting: MeetingRow;
  items: readonly AgendaItemRow[];
  attendance: readonly AttendanceRow[];
  /** The minutes checkers (absent: none). */
  checkers?: readonly MinutesCheckerRow[];
}

const attendanceKey = (a: Pick<AttendanceRow, 'meetingId' | 'personId'>) => `${a.meetingId}:${a.personId}`;

/**
 * A meeting, its agenda and attendance as they stood at `at`, from the events of the meeting's tree (oldest
 * first, those after `at` included) and the rows as they are now; undefined before the meeting existed.
 * Snapshots leave out the public copy of the minutes, so a past meeting has none.
 *
 * A row that has no event up to `at` stood then as the `before` of its first later event (a change made since),
 * or, with no event at all (rows written before their changes were recorded), as it is now, present since it
 * was created. A snapshot that lacks a column keeps the current row's value, so a past state is always whole.
 */
export function rebuildMeetingAsOf(
  events: readonly ChangeEventRow[],
  at: Date,
  now: MeetingNow,
): { meeting: MeetingRow; asOf: MeetingAsOf } | undefined {
  const past = events.filter((e) => e.at <= at);
  const later = events.filter((e) => e.at > at);
  // The current row under every snapshot: only columns a snapshot lacks come from it.
  const base: Record<string, unknown> = { ...now.meeting, published: null };
  let meeting: MeetingRow | undefined;
  let createdAt: Date | undefined;
  const items = new Map<string, AgendaItemRow>();
  const attendance = new Map<string, AttendanceRow>();
  const seen = new Set<string>();
  for (const e of past) {
    const after = e.after as Record<string, unknown> | null;
    seen.add(`${e.entityType}:${e.entityId}`);
    if (e.entityType === EVENTS.meetingCreated.entityType) {
      createdAt ??= e.at;
      if (after) meeting = revive<MeetingRow>(after, MEETING_DATES, { ...base, createdAt, updatedAt: e.at });
    } else if (e.entityType === EVENTS.agendaItemAdded.entityType) {
      if (!after) items.delete(e.entityId);
      else items.set(e.entityId, itemOf(after, e.at, items.get(e.entityId) ?? now.items.find((i) => i.id === e.entityId)));
    } else if (e.entityType === EVENTS.attendanceRecorded.entityType) {
      if (!after) attendance.delete(e.entityId);
      else attendance.set(e.entityId, revive<AttendanceRow>(after, ['updatedAt'], { updatedAt: e.at }));
    }
  }

  // Rows whose first event came after `at`: as that event found them (nothing, when it created them).
  const firstLater = new Map<string, ChangeEventRow>();
  for (const e of later) {
    const key = `${e.entityType}:${e.entityId}`;
    if (!seen.has(key) && !firstLater.has(key)) firstLater.set(key, e);
  }
  const beforeOf = (entityType: string, id: string) => {
    const e = firstLater.get(`${entityType}:${id}`);
    return e && e.kind !== 'CREATED' ? (e.before as Record<string, unknown> | null) : null;
  };
  const untouched = (entityType: string, id: string) =>
    !seen.has(`${entityType}:${id}`) && !firstLater.has(`${entityType}:${id}`);

  if (!meeting) {
    const type = EVENTS.meetingCreated.entityType;
    const before = beforeOf(type, now.meeting.id);
    if (before) meeting = revive<MeetingRow>(before, MEETING_DATES, { ...base });
    else if (untouched(type, now.meeting.id) && now.meeting.createdAt <= at) meeting = { ...now.meeting, published: null };
  }
  if (!meeting) return undefined;

  const itemType = EVENTS.agendaItemAdded.entityType;
  for (const e of firstLater.values()) {
    const before = e.kind !== 'CREATED' ? (e.before as Record<string, unknown> | null) : null;
    if (!before) continue;
    if (e.entityType === itemType)
      items.set(
        e.entityId,
        itemOf(
          before,
          e.at,
          now.items.find((i) => i.id === e.entityId),
        ),
      );
    else if (e.entityType === EVENTS.attendanceRecorded.entityType)
      attendance.set(e.entityId, revive<AttendanceRow>(before, ['updatedAt'], { updatedAt: at }));
  }
  for (const item of now.items) if (untouched(itemType, item.id) && item.createdAt <= at) items.set(item.id, item);
  for (const row of now.attendance)
    if (untouched(EVENTS.attendanceRecorded.entityType, attendanceKey(row)) && row.updatedAt <= at)
      attendance.set(attendanceKey(row), row);

  return {
    meeting,
    asOf: {
      at,
      items: [...items.values()].sort((a, b) => a.position - b.position),
      attendance: [...attendance.values()].sort((a, b) => a.personId.localeCompare(b.personId)),
      checkers: checkersAsOf(events, at, now.meeting.id, now.checkers ?? []),
    },
  };
}

/**
 * The meeting as `meeting(id, asOf)` reads it at `at` (see `rebuildMeetingAsOf`), undefined before it existed: each
 * item and attendance row of the past state marked with its moment (`asOf`), the one place they are, so that what
 * hangs on them (a seat filled on that day, a decision's wording, an item's files) reads as read-only.
 */
export function pastMeeting(events: readonly ChangeEventRow[], at: Date, now: MeetingNow): MeetingModel | undefined {
  const past = rebuildMeetingAsOf(events, at, now);
  if (!past) return undefined;
  const { items, attendance } = past.asOf;
  return {
    ...past.meeting,
    asOf: {
      ...past.asOf,
      items: items.map((i) => ({ ...i, asOf: at })),
      attendance: attendance.map((a) => ({ ...a, asOf: at })),
    },
  };
}

/** An item from a snapshot, keeping its creation time (the row's, or the first event's) and filling lacking columns. */
function itemOf(snap: Record<string, unknown>, at: Date, known: AgendaItemRow | undefined): AgendaItemRow {
  return revive<AgendaItemRow>(snap, ['decidedAt'], {
    ...known,
    createdAt: known?.createdAt ?? at,
    updatedAt: at,
  });
}

/**
 * The minutes checkers as they stood at `at`, replayed from the meeting's events: an election (`after.checkers`)
 * seats them unchecked, a check (`after.personId`, `after.checkedAt`, the event's actor) marks one, a reopening for a
 * correction (or a return from MINUTES_CHECKED to a draft) clears every check. A meeting whose checkers have no
 * election event (rows written before their changes were recorded) reads the rows as they are now, each check from
 * its time on.
 */
export function checkersAsOf(
  events: readonly ChangeEventRow[],
  at: Date,
  meetingId: string,
  now: readonly MinutesCheckerRow[],
): MinutesCheckerRow[] {
  const ofMeeting = events.filter((e) => e.entityType === EVENTS.meetingCreated.entityType && e.entityId === meetingId);
  if (!ofMeeting.some((e) => e.name === EVENTS.minutesCheckersElected.name))
    return now
      .filter((c) => c.electedAt <= at)
      .map((c) => (c.checkedAt && c.checkedAt <= at ? c : { ...c, checkedAt: null, checkedByUserId: null }));
  let checkers: MinutesCheckerRow[] = [];
  const clear = () => (checkers = checkers.map((c) => ({ ...c, checkedAt: null, checkedByUserId: null })));
  for (const e of ofMeeting.filter((e) => e.at <= at)) {
    const after = (e.after ?? {}) as Record<string, unknown>;
    const before = (e.before ?? {}) as Record<string, unknown>;
    if (e.name === EVENTS.minutesCheckersElected.name)
      checkers = ((after.checkers as string[] | undefined) ?? []).map((personId) => ({
        meetingId,
        personId,
        electedAt: e.at,
        electedByUserId: e.actorUserId,
        checkedAt: null,
        checkedByUserId: null,
        checkedDocumentVersion: null,
      }));
    else if (e.name === EVENTS.minutesChecked.name)
      checkers = checkers.map((c) =>
        c.personId === after.personId
          ? { ...c, checkedAt: new Date((after.checkedAt as string | undefined) ?? e.at), checkedByUserId: e.actorUserId }
          : c,
      );
    else if (e.name === EVENTS.minutesReopened.name) clear();
    else if (
      e.name === EVENTS.meetingTransitioned.name &&
      before.status === 'MINUTES_CHECKED' &&
      after.status === 'MINUTES_DRAFT'
    )
      clear();
  }
  return checkers;
}
