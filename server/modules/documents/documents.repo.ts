import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findById, findOne, type FindOptions } from '../../lib/rows.js';
import { versionBump } from '../../lib/versioned.js';
import { documents, documentUpdates, type DocumentRow, type DocumentUpdateRow } from './documents.table.js';

/** Creates the document of an owner (inside the owner's write). */
export async function insertDocument(tx: Db, ownerType: string, ownerId: string): Promise<DocumentRow> {
  const [row] = await tx.insert(documents).values({ ownerType, ownerId }).returning();
  if (!row) throw new Error('document insert returned nothing');
  return row;
}

/** One document, locked when inside a write so that versions are handed out one at a time. */
export const findDocument = (db: Db, id: string, opts?: FindOptions) => findById(db, documents, id, opts);

/** The document of an owner, locked for update when asked (inside a write). */
export const findDocumentByOwner = (db: Db, ownerType: string, ownerId: string, opts?: FindOptions) =>
  findOne(db, documents, and(eq(documents.ownerType, ownerType), eq(documents.ownerId, ownerId)), opts);

/** Takes the next version number and stamps the document. */
export async function bumpVersion(tx: Db, id: string): Promise<number> {
  const [row] = await tx
    .update(documents)
    .set(versionBump(documents))
    .where(eq(documents.id, id))
    .returning({ version: documents.version });
  if (!row) throw new Error('document vanished');
  return row.version;
}

/**
 * Takes the next `count` version numbers at once (one batch of updates) and stamps the document;
 * the UPDATE holds the row lock until COMMIT, so instances hand out versions one batch at a time.
 */
export async function bumpVersionBy(tx: Db, id: string, count: number): Promise<{ version: number; snapshotVersion: number }> {
  const [row] = await tx
    .update(documents)
    .set({ version: sql`${documents.version} + ${count}`, updatedAt: sql`now()` })
    .where(eq(documents.id, id))
    .returning({ version: documents.version, snapshotVersion: documents.snapshotVersion });
  if (!row) throw new Error('document vanished');
  return row;
}

/** Appends one update row. */
export async function insertUpdate(tx: Db, row: typeof documentUpdates.$inferInsert): Promise<void> {
  await tx.insert(documentUpdates).values(row);
}

/** Appends the rows of one batch in one statement. */
export async function insertUpdates(tx: Db, rows: (typeof documentUpdates.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(documentUpdates).values(rows);
}

/** Updates after the snapshot, oldest first. */
export function listUpdatesAfter(db: Db, documentId: string, afterSeq: number): Promise<DocumentUpdateRow[]> {
  return db
    .select()
    .from(documentUpdates)
    .where(and(eq(documentUpdates.documentId, documentId), gt(documentUpdates.seq, afterSeq)))
    .orderBy(asc(documentUpdates.seq));
}

/** Stores a compacted snapshot and drops the update rows it folds in. */
export async function saveSnapshot(
  tx: Db,
  documentId: string,
  snapshot: Uint8Array,
  upToSeq: number,
  text: string,
): Promise<void> {
  await tx
    .update(documents)
    .set({ snapshot, snapshotVersion: upToSeq, text, textVersion: upToSeq })
    .where(eq(documents.id, documentId));
  await tx.delete(documentUpdates).where(and(eq(documentUpdates.documentId, documentId), lte(documentUpdates.seq, upToSeq)));
}
