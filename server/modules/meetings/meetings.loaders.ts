import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import * as recordRepo from './meetings.record.repo.js';
import * as repo from './meetings.repo.js';

/** Batched reads for one request: a body's meetings with agendas and attendance cost a fixed number of queries. */
export function createMeetingsLoaders(db: Db) {
  const { byId, many } = batchLoaders(db);
  return {
    meetingById: byId(repo.meetingRows.findByIds),
    /** An agenda item by id (the audit trail's and an action's link to one). */
    itemById: byId(repo.itemRows.findByIds),
    itemsByMeetingId: many(repo.listItemsOfMeetings, (r) => r.meetingId),
    attendanceByMeetingId: many(repo.listAttendance, (r) => r.meetingId),
    checkersByMeetingId: many(recordRepo.listCheckers, (r) => r.meetingId),
  };
}
