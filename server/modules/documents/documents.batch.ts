import type { UserActor } from '../../auth/actor.js';
import { EVENTS } from '../../realtime/topics.js';
import type { Writer } from '../../realtime/write.js';
import * as repo from './documents.repo.js';
import type { DocumentRow } from './documents.table.js';
import { mergeState } from './documents.yjs.js';

/** An update of a room's batch and the editor who sent it. */
export interface BatchUpdate {
  actor: UserActor;
  update: Uint8Array;
}

/**
 * Stores a room's batch of updates (at least one) as one write by its first editor: the document's version
 * goes up by the batch's size, each editor's updates are merged into one row numbered by the last of them, and
 * one change event names every editor. `recorded` gets the event's id inside the transaction, before COMMIT:
 * the bus may hand the event back during COMMIT (PGlite notifies then), and the rooms must know it as their own.
 */
export async function storeBatch(
  write: Writer,
  row: DocumentRow,
  batch: readonly BatchUpdate[],
  recorded: (eventId: number) => void,
): Promise<{ version: number; snapshotVersion: number }> {
  const byEditor = new Map<string, { actor: UserActor; updates: Uint8Array[] }>();
  for (const u of batch) {
    const group = byEditor.get(u.actor.userId) ?? { actor: u.actor, updates: [] };
    group.updates.push(u.update);
    byEditor.set(u.actor.userId, group);
  }
  const groups = [...byEditor.values()];
  return write(groups[0]!.actor, async ({ tx, record }) => {
    const bumped = await repo.bumpVersionBy(tx, row.id, batch.length);
    let seq = bumped.version - batch.length;
    let bytes = 0;
    const rows = groups.map(({ actor, updates }) => {
      seq += updates.length;
      const update = mergeState(updates);
      bytes += update.length;
      return { documentId: row.id, seq, update, actorUserId: actor.userId, actorPartyId: actor.partyId };
    });
    await repo.insertUpdates(tx, rows);
    const event = await record({
      ...EVENTS.documentUpdated,
      entityId: row.id,
      kind: 'UPDATED',
      entityVersion: bumped.version,
      // One event per batch; its actor is the batch's first editor, and every editor is named here.
      after: {
        bytes,
        updates: batch.length,
        fromVersion: bumped.version - batch.length,
        editors: groups.map((g) => ({ userId: g.actor.userId, partyId: g.actor.partyId, updates: g.updates.length })),
      },
      scope: { ownerType: row.ownerType, ownerId: row.ownerId },
    });
    recorded(event.id);
    return bumped;
  });
}
