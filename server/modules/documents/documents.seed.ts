import type { Db } from '../../db/client.js';
import * as repo from './documents.repo.js';
import type { DocumentRow } from './documents.table.js';

/**
 * Creates an owner's document for demo data, optionally with a first Yjs
 * update (stored as update 1, exactly as a push would store it).
 */
export async function seedDocument(
  tx: Db,
  ownerType: string,
  ownerId: string,
  initial?: { update: Uint8Array; actorUserId: string | null; actorPartyId: string | null },
): Promise<DocumentRow> {
  const doc = await repo.insertDocument(tx, ownerType, ownerId);
  if (!initial) return doc;
  const seq = await repo.bumpVersion(tx, doc.id);
  await repo.insertUpdate(tx, {
    documentId: doc.id,
    seq,
    update: initial.update,
    actorUserId: initial.actorUserId,
    actorPartyId: initial.actorPartyId,
  });
  return { ...doc, version: seq };
}
