import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import type { MeetingAsOf } from './meetings.models.js';
import type { AgendaItemRow, AttendanceRow, MeetingRow } from './meetings.table.js';

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

/**
 * A meeting, its agenda and attendance as they stood after the given events
 * (oldest first, those of the meeting's tree up to the moment); undefined
 * before the meeting existed. Snapshots leave out the public copy of the
 * minutes, so a past meeting has none.
 */
export function rebuildMeetingAsOf(
  events: readonly ChangeEventRow[],
  at: Date,
): { meeting: MeetingRow; asOf: MeetingAsOf } | undefined {
  let meeting: MeetingRow | undefined;
  let createdAt: Date | undefined;
  const items = new Map<string, AgendaItemRow>();
  const attendance = new Map<string, AttendanceRow>();
  for (const e of events) {
    const after = e.after as Record<string, unknown> | null;
    if (e.entityType === EVENTS.meetingCreated.entityType) {
      createdAt ??= e.at;
      if (after) meeting = revive<MeetingRow>(after, MEETING_DATES, { published: null, createdAt, updatedAt: e.at });
    } else if (e.entityType === EVENTS.agendaItemAdded.entityType) {
      if (!after) items.delete(e.entityId);
      else
        items.set(
          e.entityId,
          revive<AgendaItemRow>(after, ['decidedAt'], { createdAt: e.at, updatedAt: e.at, ...pick(items.get(e.entityId)) }),
        );
    } else if (e.entityType === EVENTS.attendanceRecorded.entityType && after) {
      attendance.set(e.entityId, revive<AttendanceRow>(after, ['updatedAt']));
    }
  }
  if (!meeting) return undefined;
  return {
    meeting,
    asOf: {
      at,
      items: [...items.values()].sort((a, b) => a.position - b.position),
      attendance: [...attendance.values()].sort((a, b) => a.personId.localeCompare(b.personId)),
    },
  };
}

/** Keeps an item's first-seen creation time across its later events. */
const pick = (item: AgendaItemRow | undefined) => (item ? { createdAt: item.createdAt } : {});
