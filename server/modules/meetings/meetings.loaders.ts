import type { Db } from '../../db/client.js';
import { groupLoader, rowLoader } from '../../lib/batch.js';
import * as recordRepo from './meetings.record.repo.js';
import * as repo from './meetings.repo.js';

/** Batched reads for one request: a body's meetings with agendas and attendance cost a fixed number of queries. */
export function createMeetingsLoaders(db: Db) {
  return {
    meetingById: rowLoader(
      (ids) => repo.findMeetingsByIds(db, ids),
      (r) => r.id,
    ),
    itemsByMeetingId: groupLoader(
      (ids) => repo.listItemsOfMeetings(db, ids),
      (r) => r.meetingId,
    ),
    attendanceByMeetingId: groupLoader(
      (ids) => repo.listAttendance(db, ids),
      (r) => r.meetingId,
    ),
    checkersByMeetingId: groupLoader(
      (ids) => recordRepo.listCheckers(db, ids),
      (r) => r.meetingId,
    ),
  };
}

export type MeetingsLoaders = ReturnType<typeof createMeetingsLoaders>;
