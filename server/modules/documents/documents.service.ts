import type { Actor, UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { SlidingWindowLimiter } from '../../auth/rate-limit.js';
import type { Db } from '../../db/client.js';
import { badInput, forbidden, notFound, rateLimited } from '../../errors.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import type { ChangeView } from '../../realtime/change-view.js';
import { isUuid } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import { createDocumentsPolicy, type EditLockReason } from './documents.policy.js';
import * as repo from './documents.repo.js';
import { createRooms } from './documents.rooms.js';
import type { DocumentUpdateModel } from './documents.stream.js';
import type { DocumentRow } from './documents.table.js';
import {
  diffState,
  fromBase64,
  isStateVector,
  MAX_UPDATE_BYTES,
  mergeState,
  refuseUpdate,
  renderText,
  toBase64,
} from './documents.yjs.js';

/**
 * Updates are folded into the snapshot once `config.documentCompactAfter` pile up, but the newest
 * sixth of them stay as rows, so subscribers that lag a little still load their exact update.
 */
const KEEP_FRACTION = 6;

/** A sync's own id (`clientId`): short, so that it costs nothing to compare per relayed update. */
function parseClientId(value: string | null | undefined): string | null {
  if (value == null) return null;
  if (value.length === 0 || value.length > 64) throw badInput({ clientId: 'Expected 1 to 64 characters' });
  return value;
}

function parseStateVector(value: string): Uint8Array {
  const sv = fromBase64(value);
  if (!sv || !isStateVector(sv)) throw badInput({ stateVector: 'Not a base64 Yjs state vector' });
  return sv;
}

export type { DocumentUpdateModel };

/** A document as GraphQL resolves it; `asOf` is set when it is read through a past state of its owner (read-only). */
export type DocumentModel = DocumentRow & { asOf?: Date };

/** Co-edited Yjs documents: store every update before acknowledging it, sync by state vector, compact. */
export function createDocumentsService({ db, write, bus, log, config }: ServiceDeps) {
  const COMPACT_AFTER = config.documentCompactAfter;
  const KEEP_AFTER_COMPACTION = Math.floor(COMPACT_AFTER / KEEP_FRACTION);
  const policy = createDocumentsPolicy();
  // Flood control: updates per user per second (a typist with batching sends far fewer).
  const flood = new SlidingWindowLimiter(config.documentUpdatesPerSecond, 1_000);
  const compacting = new Set<string>();

  const idOk = isUuid;

  const rooms = createRooms({
    db,
    write,
    bus,
    log,
    policy,
    options: { batchMs: config.documentBatchMs, batchMax: config.documentBatchMax },
    loadState: (reader, doc) => loadState(reader, doc),
    afterSave: (actor, room) => {
      if (room.version - room.snapshotVersion >= COMPACT_AFTER) void compact(actor, room.id);
    },
  });

  /** The open room of a document, or the document's row opened as one; undefined when there is no such document. */
  async function roomOf(id: string) {
    if (!idOk(id)) return undefined;
    const open = rooms.find(id);
    if (open) return open;
    const doc = await repo.findDocument(db, id);
    return doc ? rooms.open(doc) : undefined;
  }

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

  /**
   * Plain text of the stored state and the version it is the text of: a batch stored after `doc` was read may be
   * in the state read, so the version is the state's own (the last update read), not `doc.version`.
   */
  async function textWithVersion(doc: DocumentRow): Promise<{ text: string; version: number }> {
    if (doc.textVersion === doc.version) return { text: doc.text, version: doc.version };
    const { state, upTo } = await loadState(db, doc);
    return { text: renderText(state), version: upTo };
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

  /**
   * Why the caller may not push updates to the document, or null when they may. Asked once per read of the record
   * (`canEdit` and `editLockReason` of one `Document` share the answer); a later read is a new row, asked anew.
   */
  const lockOf = new WeakMap<DocumentRow, WeakMap<Actor, Promise<EditLockReason | null>>>();
  function editLockReason(actor: Actor, doc: DocumentModel): Promise<EditLockReason | null> {
    // Read through a past state of its owner: that view is read-only, whatever the caller may do now.
    if (doc.asOf) return Promise.resolve('PAST_STATE');
    let byActor = lockOf.get(doc);
    if (!byActor) lockOf.set(doc, (byActor = new WeakMap()));
    let reason = byActor.get(actor);
    if (!reason) byActor.set(actor, (reason = policy.editLock(actor, doc, db)));
    return reason;
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

    /**
     * The document of an owner, if it exists and the caller may read it. With `withhold`, a reader who may not read
     * it gets it withheld instead of null: its id with no content (empty, version 0), for a field the schema keeps
     * non-null. Its id still answers them as unknown.
     */
    async forOwner(
      actor: Actor,
      ownerType: string,
      ownerId: string,
      { withhold = false }: { withhold?: boolean } = {},
    ): Promise<DocumentRow | null> {
      const doc = await repo.findDocumentByOwner(db, ownerType, ownerId);
      if (!doc || (await policy.read(actor, doc, db))) return doc ?? null;
      return withhold ? { ...doc, snapshot: null, snapshotVersion: 0, version: 0, text: '', textVersion: 0 } : null;
    },

    async get(actor: Actor, id: string): Promise<DocumentRow | null> {
      if (actor.kind !== 'user' || !idOk(id)) return null;
      const doc = await repo.findDocument(db, id);
      return doc && (await policy.read(actor, doc, db)) ? doc : null;
    },

    /** Whether the caller may push updates to the document: exactly when `editLockReason` gives no reason. */
    async canEdit(actor: Actor, doc: DocumentModel): Promise<boolean> {
      return (await editLockReason(actor, doc)) === null;
    },

    editLockReason,

    /** Plain text of the current state. */
    async text(doc: DocumentRow): Promise<string> {
      return (await textWithVersion(doc)).text;
    },

    textWithVersion,

    /**
     * Within another module's write: an owner's document with its row locked until COMMIT, as a batch's version bump
     * locks it (documents.batch.ts), so no batch is stored between what the write reads and its COMMIT.
     */
    lockByOwnerInTx(tx: Db, ownerType: string, ownerId: string): Promise<DocumentRow | undefined> {
      return repo.findDocumentByOwner(tx, ownerType, ownerId, { forUpdate: true });
    },

    /** Everything the caller's state vector lacks, as one base64 update. */
    async state(actor: Actor, id: string, stateVector?: string | null): Promise<string> {
      const doc = await readable(actor, id);
      const sv = stateVector ? parseStateVector(stateVector) : undefined;
      const { state } = await loadState(db, doc);
      return toBase64(diffState(state, sv));
    },

    /**
     * Applies one update, relays it at once to the document's other editors, and answers with the
     * document's version only after the batch holding it commits, so an acknowledged edit survives
     * a crash. A duplicate is acknowledged without being stored or counted again (Yjs updates are
     * idempotent). `clientId` names the sender's sync, whose own subscription is not sent its update back.
     */
    async push(actor: Actor, documentId: string, updateB64: string, clientId?: string | null): Promise<number> {
      const user = requireUser(actor);
      if (updateB64.length > Math.ceil(MAX_UPDATE_BYTES / 3) * 4 + 4) throw badInput({ update: 'Update is larger than 1 MiB' });
      const update = fromBase64(updateB64);
      if (!update) throw badInput({ update: 'Not base64' });
      if (update.length > MAX_UPDATE_BYTES) throw badInput({ update: 'Update is larger than 1 MiB' });
      // Checked before anything is applied or stored: a refused update leaves the document and its version as they were.
      const refusal = refuseUpdate(update);
      if (refusal) throw badInput({ update: refusal });
      const sender = parseClientId(clientId);
      const wait = flood.retryAfter(user.userId);
      if (wait > 0) throw rateLimited(wait);
      flood.hit(user.userId);
      const room = await roomOf(documentId);
      const access = room ? await rooms.access(room, user) : undefined;
      if (!room || !access?.read) throw notFound('Document');
      if (!access.edit) throw forbidden('You may read this document but not edit it');
      return rooms.push(room, user, update, sender);
    },

    /**
     * Updates as they are relayed (before they are stored: a subscriber sees an edit as soon as its
     * editor makes it). Read permission is checked at start and re-checked when memberships or roles
     * change, never per update. With a state vector, the first message is what that vector lacks
     * (with the server's state vector), taken from the same in-memory state the stream continues
     * from, so nothing falls between the sync and the stream. A subscriber that falls behind gets
     * what waited as one merged update.
     */
    async subscribe(
      actor: Actor,
      documentId: string,
      stateVector?: string | null,
      clientId?: string | null,
    ): Promise<AsyncIterableIterator<DocumentUpdateModel>> {
      const doc = await readable(actor, documentId);
      const sv = stateVector ? parseStateVector(stateVector) : undefined;
      return rooms.subscribe(rooms.find(doc.id) ?? rooms.open(doc), requireUser(actor), sv, parseClientId(clientId));
    },

    /** How many document subscriptions this process holds (diagnostics and tests). */
    subscriberCount: () => rooms.subscriberCount(),

    /** Stores every unsaved batch now (graceful shutdown, while sockets are still open). */
    flush: () => rooms.flush(),

    /** Stores every unsaved batch and stops listening (graceful shutdown, before the writes drain). */
    stop: () => rooms.stop(),
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
