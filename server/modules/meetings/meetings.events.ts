import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import { rowChange, withoutTimestamps, type Recorder } from '../../realtime/write.js';
import type { AgendaItemRow, MeetingRow } from './meetings.table.js';

function meetingSnapshot(m: MeetingRow) {
  const { published: _p, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}

/** Records a change to the meeting row itself (CREATED without `before`), scoped to the meeting and its body. */
export async function recordMeeting(
  record: Recorder,
  event: (typeof EVENTS)[
    | 'meetingCreated'
    | 'meetingUpdated'
    | 'meetingTransitioned'
    | 'meetingPointerMoved'
    | 'agendaReordered'
    | 'personalDataRemoved'
    | 'minutesCheckersElected'
    | 'minutesChecked'
    | 'minutesReopened'],
  before: MeetingRow | null,
  after: MeetingRow,
  /** What else the change was (e.g. the elected checkers), kept in the event's `after`. */
  detail: Record<string, unknown> = {},
) {
  const states = { before: before ? meetingSnapshot(before) : null, after: { ...meetingSnapshot(after), ...detail } };
  await record(rowChange(before ? 'UPDATED' : 'CREATED', event, after, states, { meetingId: after.id, bodyId: after.bodyId }));
}

const PUBLICITY_ORDER = ['PUBLIC', 'PARTLY_SECRET', 'SECRET'];

/** The stricter of two publicities (an unknown one counts as SECRET). */
export function stricterPublicity(...values: (string | null | undefined)[]): string {
  const rank = (v: string) => (PUBLICITY_ORDER.includes(v) ? PUBLICITY_ORDER.indexOf(v) : PUBLICITY_ORDER.length - 1);
  const present = values.filter((v): v is string => typeof v === 'string');
  if (present.length === 0) return 'SECRET';
  return present.reduce((a, b) => (rank(b) > rank(a) ? b : a));
}

/** Records a change to an agenda item (CREATED without `before`, DELETED without `after`), with the item's publicity. */
export async function recordItem(
  record: Recorder,
  event: (typeof EVENTS)['agendaItemAdded' | 'agendaItemUpdated' | 'agendaItemRemoved' | 'decisionRecorded'],
  before: AgendaItemRow | null,
  after: AgendaItemRow | null,
) {
  const item = (after ?? before)!;
  await record({
    ...event,
    entityId: item.id,
    kind: !before ? 'CREATED' : !after ? 'DELETED' : 'UPDATED',
    entityVersion: after?.version ?? null,
    before: before ? withoutTimestamps(before) : null,
    after: after ? withoutTimestamps(after) : null,
    // The publicity travels with the event so the audit stream can hide secret items without a read. It is
    // the stricter of before and after: the event that makes a secret item public still carries the secret
    // `before`, so only those who could read the secret read that event.
    scope: { meetingId: item.meetingId, bodyId: item.bodyId, publicity: stricterPublicity(before?.publicity, after?.publicity) },
  });
}

/** True when the event concerns the meeting (itself, an item, attendance). */
export const meetingEventFilter = (meetingId: string) => (e: ChangeEventRow) =>
  (e.entityType === EVENTS.meetingCreated.entityType && e.entityId === meetingId) || e.scope?.meetingId === meetingId;
