import { z } from 'zod';
import type { Actor, UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { SlidingWindowLimiter } from '../../auth/rate-limit.js';
import type { Db } from '../../db/client.js';
import { badInput, forbidden, notFound, rateLimited } from '../../errors.js';
import { entityFilter, EVENTS } from '../../realtime/topics.js';
import { prependStream } from '../../realtime/stream.js';
import { subscribeToEvents } from '../../realtime/subscribe.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import type { ChangeView } from '../../realtime/change-view.js';
import type { ServiceDeps } from '../deps.js';
import { createDocumentsPolicy } from './documents.policy.js';
import * as repo from './documents.repo.js';
import type { DocumentRow } from './documents.table.js';
import { diffState, fromBase64, isStateVector, isYjsUpdate, MAX_UPDATE_BYTES, mergeState, renderText, toBase64 } from './documents.yjs.js';

/**
 * Updates are folded into the snapshot once `config.documentCompactAfter` pile up, but the newest
 * sixth of them stay as rows, so subscribers that lag a little still load their exact update.
 */
const KEEP_FRACTION = 6;

function parseStateVector(value: string): Uint8Array {
  const sv = fromBase64(value);
  if (!sv || !isStateVector(sv)) throw badInput({ stateVector: 'Not a base64 Yjs state vector' });
  return sv;
}

/** A document update as delivered to subscribers. */
export interface DocumentUpdateModel {
  update: string;
  version: number;
  actorUserId: string | null;
}

/** Co-edited Yjs documents: store every update before acknowledging it, sync by state vector, compact. */
export function createDocumentsService({ db, write, bus, log, config }: ServiceDeps) {
  const COMPACT_AFTER = config.documentCompactAfter;
  const KEEP_AFTER_COMPACTION = Math.floor(COMPACT_AFTER / KEEP_FRACTION);
  const policy = createDocumentsPolicy();
  // Flood control: updates per user per second (a typist with batching sends far fewer).
  const flood = new SlidingWindowLimiter(config.documentUpdatesPerSecond, 1_000);
  const compacting = new Set<string>();

  const idOk = (id: string) => z.uuid().safeParse(id).success;

  async function readable(actor: Actor, id: string): Promise<DocumentRow> {
    requireUser(actor);
    const doc = idOk(id) ? await repo.findDocument(db, id) : undefined;
    // The same answer whether it does not exist or may not be seen.
    if (!doc || !(await policy.read(actor, doc, db))) throw notFound('Document');
    return doc;
  }

  /**
   * The whole state: snapshot plus the updates after it, merged. The two are
   * separate reads, so if a compaction committed in between (the snapshot moved),
   * read again rather than miss the updates it folded in.
   */
  async function loadState(reader: Db, doc: DocumentRow): Promise<{ state: Uint8Array; upTo: number }> {
    let current = doc;
    for (let attempt = 0; ; attempt++) {
      const updates = await repo.listUpdatesAfter(reader, current.id, current.snapshotVersion);
      const after = attempt < 5 ? await repo.findDocument(reader, current.id) : current;
      if (after && after.snapshotVersion !== current.snapshotVersion) {
        current = after;
        continue;
      }
      const upTo = updates.at(-1)?.seq ?? current.snapshotVersion;
      return { state: mergeState([current.snapshot ?? new Uint8Array(), ...updates.map((u) => u.update)]), upTo };
    }
  }

  /** Folds old update rows into the snapshot, in one transaction; runs after an acknowledged push. */
  async function compact(actor: UserActor, id: string): Promise<void> {
    if (compacting.has(id)) return;
    compacting.add(id);
    try {
      await write(actor, async ({ tx }) => {
        const doc = await repo.findDocument(tx, id, { forUpdate: true });
        if (!doc || doc.version - doc.snapshotVersion < COMPACT_AFTER) return;
        const upTo = doc.version - KEEP_AFTER_COMPACTION;
        const updates = (await repo.listUpdatesAfter(tx, id, doc.snapshotVersion)).filter((u) => u.seq <= upTo);
        const state = mergeState([doc.snapshot ?? new Uint8Array(), ...updates.map((u) => u.update)]);
        await repo.saveSnapshot(tx, id, state, upTo, renderText(state));
      });
    } catch (err) {
      log.warn({ err, documentId: id }, 'document compaction failed; will retry on a later update');
    } finally {
      compacting.delete(id);
    }
  }

  return {
    policy,

    /** A document's events are read by those who may read the document. */
    changeViews: {
      document: {
        readsAll: () => false,
        canRead: async (actor: UserActor, event: ChangeEventRow) => {
          const doc = idOk(event.entityId) ? await repo.findDocument(db, event.entityId) : undefined;
          return doc !== undefined && (await policy.read(actor, doc, db));
        },
      },
    } satisfies Record<string, ChangeView>,

    /** Creates an owner's document inside the owner's own write transaction. */
    createInTx(tx: Db, ownerType: string, ownerId: string): Promise<DocumentRow> {
      return repo.insertDocument(tx, ownerType, ownerId);
    },

    /** The document of an owner, if it exists and the caller may read it. */
    async forOwner(actor: Actor, ownerType: string, ownerId: string): Promise<DocumentRow | null> {
      const doc = await repo.findDocumentByOwner(db, ownerType, ownerId);
      return doc && (await policy.read(actor, doc, db)) ? doc : null;
    },

    async get(actor: Actor, id: string): Promise<DocumentRow | null> {
      if (actor.kind !== 'user' || !idOk(id)) return null;
      const doc = await repo.findDocument(db, id);
      return doc && (await policy.read(actor, doc, db)) ? doc : null;
    },

    canEdit(actor: Actor, doc: DocumentRow): Promise<boolean> {
      return policy.edit(actor, doc, db);
    },

    /** Plain text of the current state. */
    async text(doc: DocumentRow): Promise<string> {
      if (doc.textVersion === doc.version) return doc.text;
      return renderText((await loadState(db, doc)).state);
    },

    /** Everything the caller's state vector lacks, as one base64 update. */
    async state(actor: Actor, id: string, stateVector?: string | null): Promise<string> {
      const doc = await readable(actor, id);
      const sv = stateVector ? parseStateVector(stateVector) : undefined;
      const { state } = await loadState(db, doc);
      return toBase64(diffState(state, sv));
    },

    /**
     * Stores one update and answers with the new version only after COMMIT, so
     * an acknowledged edit survives a crash. Duplicates are harmless: Yjs
     * updates are idempotent.
     */
    async push(actor: Actor, documentId: string, updateB64: string): Promise<number> {
      const user = requireUser(actor);
      if (updateB64.length > Math.ceil(MAX_UPDATE_BYTES / 3) * 4 + 4) throw badInput({ update: 'Update is larger than 1 MiB' });
      const update = fromBase64(updateB64);
      if (!update) throw badInput({ update: 'Not base64' });
      if (update.length > MAX_UPDATE_BYTES) throw badInput({ update: 'Update is larger than 1 MiB' });
      if (!isYjsUpdate(update)) throw badInput({ update: 'Not a Yjs update' });
      const wait = flood.retryAfter(user.userId);
      if (wait > 0) throw rateLimited(wait);
      flood.hit(user.userId);
      const doc = idOk(documentId) ? await repo.findDocument(db, documentId) : undefined;
      if (!doc || !(await policy.read(user, doc, db))) throw notFound('Document');
      if (!(await policy.edit(user, doc, db))) throw forbidden('You may read this document but not edit it');
      const version = await write(user, async ({ tx, record }) => {
        await repo.findDocument(tx, documentId, { forUpdate: true });
        const next = await repo.bumpVersion(tx, documentId);
        await repo.insertUpdate(tx, { documentId, seq: next, update, actorUserId: user.userId, actorPartyId: user.partyId });
        await record({
          ...EVENTS.documentUpdated,
          entityId: documentId,
          kind: 'UPDATED',
          entityVersion: next,
          after: { bytes: update.length },
          scope: { ownerType: doc.ownerType, ownerId: doc.ownerId },
        });
        return next;
      });
      if (version - doc.snapshotVersion >= COMPACT_AFTER) void compact(user, documentId);
      return version;
    },

    /**
     * Updates as they are committed; the subscriber's read permission is checked
     * at start and per update. With a state vector, the first message is what
     * that vector lacks, computed after the subscription is attached, so no
     * update can fall between the sync and the stream.
     */
    async subscribe(actor: Actor, documentId: string, stateVector?: string | null): Promise<AsyncIterableIterator<DocumentUpdateModel>> {
      const doc = await readable(actor, documentId);
      const sv = stateVector ? parseStateVector(stateVector) : undefined;
      const stream = subscribeToEvents(bus, entityFilter('document', documentId), async (event) => {
        if (!(await policy.read(actor, doc, db))) return undefined;
        const seq = event.entityVersion ?? 0;
        const row = await repo.findUpdate(db, documentId, seq);
        // Folded into the snapshot already: send the whole state instead (idempotent, just larger).
        const bytes = row?.update ?? (await loadState(db, (await repo.findDocument(db, documentId)) ?? doc)).state;
        return { update: toBase64(bytes), version: seq, actorUserId: event.actorUserId };
      });
      if (!sv) return stream;
      const catchUp = (async () => {
        const current = (await repo.findDocument(db, documentId)) ?? doc;
        const { state } = await loadState(db, current);
        return { update: toBase64(diffState(state, sv)), version: current.version, actorUserId: null };
      })();
      return prependStream(catchUp, stream);
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
