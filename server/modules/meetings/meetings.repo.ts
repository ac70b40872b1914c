import { and, asc, eq, gte, inArray, lte, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findOne, listWhereIn, upsertReplacing, versionedRows } from '../../lib/rows.js';
import { versionBump } from '../../lib/versioned.js';
import { agendaItems, attendance, meetings, type AgendaItemRow, type MeetingRow } from './meetings.table.js';

/** Meetings, optionally of some bodies and in a time window, oldest first. */
export function listMeetings(
  db: Db,
  opts: { bodyIds?: readonly string[] | null; from?: Date | null; to?: Date | null },
): Promise<MeetingRow[]> {
  if (opts.bodyIds && opts.bodyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(meetings)
    .where(
      and(
        opts.bodyIds ? inArray(meetings.bodyId, [...opts.bodyIds]) : undefined,
        opts.from ? gte(meetings.startsAt, opts.from) : undefined,
        opts.to ? lte(meetings.startsAt, opts.to) : undefined,
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
}

/** Published meetings (with their public copy), newest first. */
export function listPublished(db: Db, bodyId?: string | null): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.status, 'PUBLISHED'), bodyId ? eq(meetings.bodyId, bodyId) : undefined))
    .orderBy(sql`${meetings.startsAt} desc`, asc(meetings.id));
}

/** What a write may change (`meetingRows.updateIfVersion`). */
export type MeetingChanges = Partial<Omit<MeetingRow, 'id' | 'version' | 'createdAt'>>;

/**
 * Meetings: one by id, locked inside a write so that agenda and status changes run one at a time; by ids, inserts and
 * versioned changes (lib/rows.ts).
 */
export const meetingRows = versionedRows<typeof meetings, MeetingChanges>(meetings, 'meeting');

/** The agenda items of meetings, in agenda order. */
export const listItemsOfMeetings = (db: Db, meetingIds: readonly string[]) =>
  listWhereIn(
    db,
    agendaItems,
    agendaItems.meetingId,
    meetingIds,
    asc(agendaItems.meetingId),
    asc(agendaItems.position),
    asc(agendaItems.id),
  );

/** Agenda items: one by id (locked for update inside a write), by ids, inserts and versioned changes. */
export const itemRows = versionedRows<typeof agendaItems, ItemChanges>(agendaItems, 'agenda item');

/** The highest § number of a body in a year (0 when none). */
export async function maxSection(tx: Db, bodyId: string, year: number): Promise<number> {
  const [row] = await tx
    .select({ n: max(agendaItems.section) })
    .from(agendaItems)
    .where(and(eq(agendaItems.bodyId, bodyId), eq(agendaItems.year, year)));
  return row?.n ?? 0;
}

/** What `itemRows.updateIfVersion` may change. */
export type ItemChanges = Partial<Omit<AgendaItemRow, 'id' | 'version' | 'createdAt' | 'meetingId'>>;

/** Sets position and § of items (reorder, removal); bumps only the items that moved. */
export async function placeItems(
  tx: Db,
  places: { id: string; position: number; section: number | null }[],
  current: AgendaItemRow[],
): Promise<void> {
  const byId = new Map(current.map((i) => [i.id, i]));
  for (const p of places) {
    const was = byId.get(p.id);
    if (was && was.position === p.position && was.section === p.section) continue;
    await tx
      .update(agendaItems)
      .set({ position: p.position, section: p.section, ...versionBump(agendaItems) })
      .where(eq(agendaItems.id, p.id));
  }
}

export async function deleteItem(tx: Db, id: string): Promise<void> {
  await tx.delete(agendaItems).where(eq(agendaItems.id, id));
}

/** Attendance of meetings, by meeting. */
export const listAttendance = (db: Db, meetingIds: readonly string[]) =>
  listWhereIn(db, attendance, attendance.meetingId, meetingIds, asc(attendance.meetingId), asc(attendance.personId));

export const findAttendance = (tx: Db, meetingId: string, personId: string) =>
  findOne(tx, attendance, and(eq(attendance.meetingId, meetingId), eq(attendance.personId, personId)), { forUpdate: true });

/** Records a person's attendance, replacing an earlier record (version + 1). */
export const upsertAttendance = upsertReplacing(attendance, 'attendance', {
  on: [attendance.meetingId, attendance.personId],
  replace: ['status', 'partyId', 'deputyForPersonId', 'recordedByUserId'],
});

/** Serialises § numbering of one body and year until the transaction ends. */
export async function lockSections(tx: Db, bodyId: string, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`agenda:${bodyId}:${year}`}))`);
}

/** Attendance counted per body and party (meetings with attendance recorded), optionally of one body and in a window. */
export async function attendanceCounts(db: Db, opts: { bodyId: string | null; from: Date | null; to: Date | null }) {
  const rows = await db
    .select({
      bodyId: meetings.bodyId,
      partyId: attendance.partyId,
      meetings: sql<number>`count(distinct ${attendance.meetingId})::int`,
      present: sql<number>`count(*) filter (where ${attendance.status} = 'PRESENT')::int`,
      remote: sql<number>`count(*) filter (where ${attendance.status} = 'REMOTE')::int`,
      absent: sql<number>`count(*) filter (where ${attendance.status} = 'ABSENT')::int`,
    })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(
      and(
        opts.bodyId ? eq(meetings.bodyId, opts.bodyId) : undefined,
        opts.from ? gte(meetings.startsAt, opts.from) : undefined,
        opts.to ? lte(meetings.startsAt, opts.to) : undefined,
      ),
    )
    .groupBy(meetings.bodyId, attendance.partyId)
    .orderBy(asc(meetings.bodyId), asc(attendance.partyId));
  return rows.map((r) => ({
    ...r,
    meetings: Number(r.meetings),
    present: Number(r.present),
    remote: Number(r.remote),
    absent: Number(r.absent),
  }));
}
