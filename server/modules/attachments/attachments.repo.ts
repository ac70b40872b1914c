import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findById, type FindOptions } from '../../lib/rows.js';
import { attachmentChunks, attachments, type AttachmentRow, type NewAttachment } from './attachments.table.js';

/** Inserts an attachment's row. */
export async function insertAttachment(tx: Db, row: NewAttachment): Promise<AttachmentRow> {
  const [inserted] = await tx.insert(attachments).values(row).returning();
  return inserted!;
}

/** Appends one chunk of a `db`-stored attachment's bytes. */
export async function insertChunk(tx: Db, attachmentId: string, seq: number, data: Buffer): Promise<void> {
  await tx.insert(attachmentChunks).values({ attachmentId, seq, data });
}

/** One chunk of an attachment's bytes, or undefined after the last. */
export async function findChunk(db: Db, attachmentId: string, seq: number): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ data: attachmentChunks.data })
    .from(attachmentChunks)
    .where(and(eq(attachmentChunks.attachmentId, attachmentId), eq(attachmentChunks.seq, seq)));
  return row?.data;
}

/** An attachment by id (locked for a write when asked). */
export const findAttachment = (db: Db, id: string, opts?: FindOptions): Promise<AttachmentRow | undefined> =>
  findById(db, attachments, id, opts);

/** The attachments of some targets of one type, oldest first. */
export async function listOfTargets(db: Db, targetType: string, targetIds: readonly string[]): Promise<AttachmentRow[]> {
  if (targetIds.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.targetType, targetType), inArray(attachments.targetId, [...targetIds])))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** Deletes an attachment's row (its chunks go with it). */
export async function deleteAttachment(tx: Db, id: string): Promise<void> {
  await tx.delete(attachments).where(eq(attachments.id, id));
}

/** The first PUBLIC item of the seeded demo region's published meeting (for the demo attachment). */
export async function demoPublishedPublicItem(tx: Db): Promise<string | undefined> {
  const result = await tx.execute(sql`
    select i.id from agenda_items i join meetings m on m.id = i.meeting_id
    where m.demo and m.status = 'PUBLISHED' and i.publicity = 'PUBLIC'
    order by m.starts_at, (i.title ilike '%yhdyspinta%') desc, i.position limit 1`);
  const rows = (result as unknown as { rows: { id: string }[] }).rows;
  return rows[0]?.id;
}
