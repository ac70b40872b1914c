import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy, matchBy } from '../../lib/batch.js';
import * as recordRepo from './meetings.record.repo.js';
import * as repo from './meetings.repo.js';
import type { AgendaItemRow, AttendanceRow, MeetingRow, MinutesCheckerRow } from './meetings.table.js';

/** Batched reads for one request: a body's meetings with agendas and attendance cost a fixed number of queries. */
export function createMeetingsLoaders(db: Db) {
  return {
    meetingById: new DataLoader<string, MeetingRow | undefined>(async (ids) =>
      matchBy(ids, await repo.findMeetingsByIds(db, ids), (r) => r.id),
    ),
    itemsByMeetingId: new DataLoader<string, AgendaItemRow[]>(async (ids) =>
      groupBy(ids, await repo.listItemsOfMeetings(db, ids), (r) => r.meetingId),
    ),
    attendanceByMeetingId: new DataLoader<string, AttendanceRow[]>(async (ids) =>
      groupBy(ids, await repo.listAttendance(db, ids), (r) => r.meetingId),
    ),
    checkersByMeetingId: new DataLoader<string, MinutesCheckerRow[]>(async (ids) =>
      groupBy(ids, await recordRepo.listCheckers(db, ids), (r) => r.meetingId),
    ),
  };
}

export type MeetingsLoaders = ReturnType<typeof createMeetingsLoaders>;
