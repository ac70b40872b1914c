import { and, asc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { listWhereIn, upsertReplacing } from '../../lib/rows.js';
import {
  appealTemplates,
  meetings,
  minutesCheckers,
  type AppealTemplateRow,
  type MeetingRow,
  type MinutesCheckerRow,
} from './meetings.table.js';

/** The minutes checkers of meetings, in the order they were elected. */
export const listCheckers = (db: Db, meetingIds: readonly string[]) =>
  listWhereIn(
    db,
    minutesCheckers,
    minutesCheckers.meetingId,
    meetingIds,
    asc(minutesCheckers.meetingId),
    asc(minutesCheckers.electedAt),
    asc(minutesCheckers.personId),
  );

/** Replaces a meeting's checkers with these persons, none of them checked yet. */
export async function replaceCheckers(
  tx: Db,
  meetingId: string,
  personIds: readonly string[],
  userId: string | null,
): Promise<MinutesCheckerRow[]> {
  await tx.delete(minutesCheckers).where(eq(minutesCheckers.meetingId, meetingId));
  if (personIds.length === 0) return [];
  return tx
    .insert(minutesCheckers)
    .values(personIds.map((personId) => ({ meetingId, personId, electedByUserId: userId })))
    .returning();
}

/**
 * Records one checker's check and the minutes document's version they checked (null when the meeting has no
 * minutes document); undefined when they had already checked.
 */
export async function markChecked(
  tx: Db,
  meetingId: string,
  personId: string,
  userId: string,
  at: Date,
  documentVersion: number | null,
): Promise<MinutesCheckerRow | undefined> {
  const [row] = await tx
    .update(minutesCheckers)
    .set({ checkedAt: at, checkedByUserId: userId, checkedDocumentVersion: documentVersion })
    .where(
      and(eq(minutesCheckers.meetingId, meetingId), eq(minutesCheckers.personId, personId), isNull(minutesCheckers.checkedAt)),
    )
    .returning();
  return row;
}

/** Forgets every check of a meeting (the minutes were reopened for a correction). */
export async function clearChecks(tx: Db, meetingId: string): Promise<void> {
  await tx
    .update(minutesCheckers)
    .set({ checkedAt: null, checkedByUserId: null, checkedDocumentVersion: null })
    .where(and(eq(minutesCheckers.meetingId, meetingId), isNotNull(minutesCheckers.checkedAt)));
}

/** Inserts checkers as they stand (the demo seed: elected and checked in the past). */
export async function insertCheckers(tx: Db, rows: (typeof minutesCheckers.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(minutesCheckers).values(rows);
}

/** A body's appeal instructions template, if the secretariat has written one. */
export async function findTemplate(
  db: Db,
  bodyId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AppealTemplateRow | undefined> {
  const q = db.select().from(appealTemplates).where(eq(appealTemplates.bodyId, bodyId));
  const [row] = await (opts.forUpdate ? q.for('update') : q);
  return row;
}

/** Writes a body's template (version + 1 on a change). */
export const upsertTemplate = upsertReplacing(appealTemplates, 'appeal template', {
  on: appealTemplates.bodyId,
  replace: ['textFi', 'textSv', 'textEn', 'updatedByUserId'],
});

/** Published minutes whose appeal period ended by `today` and whose personal data is still in the public copy. */
export function listOverdueRemovals(db: Db, today: string): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.status, 'PUBLISHED'),
        isNull(meetings.personalDataRemovedAt),
        isNotNull(meetings.personalDataRemovalDue),
        lte(meetings.personalDataRemovalDue, today),
      ),
    )
    .orderBy(asc(meetings.personalDataRemovalDue), asc(meetings.id));
}
