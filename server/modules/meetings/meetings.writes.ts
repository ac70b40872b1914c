import { conflict } from '../../errors.js';
import type { WriteScope } from '../../realtime/write.js';
import { recordMeeting } from './meetings.events.js';
import * as repo from './meetings.repo.js';
import type { MeetingRow } from './meetings.table.js';

/**
 * The last step of a change to a meeting locked at the version the caller based it on: applies `changes`
 * (none: only the version moves on), answers CONFLICT if the version moved meanwhile, and records the
 * change as `event` (with `detail`, as recordMeeting keeps it).
 */
export async function saveMeeting(
  { tx, record }: Pick<WriteScope, 'tx' | 'record'>,
  event: Parameters<typeof recordMeeting>[1],
  meeting: MeetingRow,
  changes: repo.MeetingChanges,
  detail?: Record<string, unknown>,
): Promise<MeetingRow> {
  const after = await repo.meetingRows.updateIfVersion(tx, meeting.id, meeting.version, changes);
  if (!after) throw conflict(meeting.version);
  await recordMeeting(record, event, meeting, after, detail);
  return after;
}
