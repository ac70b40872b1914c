import { AsyncResource } from 'node:async_hooks';
import * as Y from 'yjs';
import type { UserActor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { badInput } from '../../errors.js';
import type { EventBus } from '../../realtime/bus.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import type { Writer } from '../../realtime/write.js';
import type { Logger } from 'pino';
import type { DocumentsPolicy } from './documents.policy.js';
import { storeBatch } from './documents.batch.js';
import * as repo from './documents.repo.js';
import { createUpdateStream, type DocumentUpdateModel, type RelayedUpdate } from './documents.stream.js';
import type { DocumentRow } from './documents.table.js';
import { mergeState, toBase64, writesLegacyText } from './documents.yjs.js';

/** How a room persists and when (config: DOCUMENT_BATCH_MS, DOCUMENT_BATCH_MAX). */
export interface RoomOptions {
  /** Longest wait from the first unsaved update to its batch's COMMIT; default 50 ms. */
  batchMs: number;
  /** A batch this large is written at once; default 64 updates. */
  batchMax: number;
  /** A room without subscribers or unsaved updates is dropped from memory after this long; default 30 s. */
  idleMs?: number;
}

interface Access {
  read: boolean;
  edit: boolean;
}

interface Subscriber {
  actor: UserActor;
  clientId: string | null;
  stream: ReturnType<typeof createUpdateStream>;
  /** The cached read permission, or the re-check under way since memberships or roles changed. */
  allowed: boolean | Promise<boolean>;
}

interface Unsaved {
  /** Null for a duplicate: nothing to store, but acknowledged only after the batch before it commits. */
  update: Uint8Array | null;
  actor: UserActor;
  resolve: (version: number) => void;
  reject: (err: unknown) => void;
}

/** One open document: its state in memory, its local subscribers and its unsaved updates. */
interface Room {
  row: DocumentRow;
  doc: Y.Doc;
  /** Resolves once `doc` holds the stored state. */
  ready: Promise<void>;
  /** The last stored version this process knows of. */
  version: number;
  snapshotVersion: number;
  /** Versions handed out to relayed updates not stored yet. */
  tentative: number;
  subscribers: Set<Subscriber>;
  /** Edit and read rights per actor (key: user, roles, party), read once and kept until a membership or role event. */
  access: Map<string, Promise<Access>>;
  unsaved: Unsaved[];
  timer?: ReturnType<typeof setTimeout>;
  /** The batch being written (one at a time per room, so versions are handed out in order). */
  saving: Promise<void>;
  idleTimer?: ReturnType<typeof setTimeout>;
}

const REMOTE = Symbol('stored elsewhere');
const actorKey = (a: UserActor) => `${a.userId}|${a.via}|${a.partyId ?? ''}|${a.roles.join(',')}`;

/**
 * The co-editing rooms of this process (ADR 0011): an update is applied to the room's Y.Doc, relayed
 * at once in memory to the document's other subscribers here, and stored with the others of its
 * batch in one transaction before it is acknowledged. Other instances hear of a stored batch through
 * the bus and relay it to their own subscribers. Permissions are read once per actor and refreshed
 * when an event of a type that can change them commits, never per update.
 */
export function createRooms(deps: {
  db: Db;
  write: Writer;
  bus: EventBus;
  log: Logger;
  policy: DocumentsPolicy;
  options: RoomOptions;
  /** The stored state of a document (snapshot and later updates) and the version it reaches. */
  loadState: (reader: Db, doc: DocumentRow) => Promise<{ state: Uint8Array; upTo: number }>;
  /** Called after a batch commits that pushed the document past its compaction threshold. */
  afterSave: (actor: UserActor, room: { id: string; version: number; snapshotVersion: number }) => void;
}) {
  const { db, write, bus, log, policy, options } = deps;
  const idleMs = options.idleMs ?? 30_000;
  const rooms = new Map<string, Room>();
  /** Batches stored by this process: its own subscribers had them relayed already. */
  const ownEvents = new Set<number>();

  const load = async (room: Room): Promise<void> => {
    const { state, upTo } = await deps.loadState(db, room.row);
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, state, REMOTE);
    room.doc.destroy();
    room.doc = doc;
    room.version = Math.max(room.version, upTo);
    room.tentative = room.version;
  };

  function open(row: DocumentRow): Room {
    const existing = rooms.get(row.id);
    if (existing) return existing;
    const room: Room = {
      row,
      doc: new Y.Doc(),
      ready: Promise.resolve(),
      version: 0,
      snapshotVersion: row.snapshotVersion,
      tentative: 0,
      subscribers: new Set(),
      access: new Map(),
      unsaved: [],
      saving: Promise.resolve(),
    };
    room.ready = load(room).catch((err) => {
      rooms.delete(row.id);
      throw err;
    });
    rooms.set(row.id, room);
    return room;
  }

  /** Forgets a room nobody uses, after a while (reloading costs a read of the whole state). */
  const maybeIdle = (room: Room): void => {
    clearTimeout(room.idleTimer);
    if (room.subscribers.size > 0 || room.unsaved.length > 0) return;
    room.idleTimer = setTimeout(() => {
      if (room.subscribers.size === 0 && room.unsaved.length === 0 && rooms.get(room.row.id) === room) {
        rooms.delete(room.row.id);
        void room.saving.then(() => room.doc.destroy());
      }
    }, idleMs);
    room.idleTimer.unref();
  };

  /** Applies an update to the room's state; true when it added anything (false: a duplicate). */
  const apply = (room: Room, update: Uint8Array, origin: unknown): boolean => {
    let changed = false;
    const onUpdate = () => (changed = true);
    room.doc.on('update', onUpdate);
    try {
      Y.applyUpdate(room.doc, update, origin);
    } finally {
      room.doc.off('update', onUpdate);
    }
    // Waiting for an update it builds on: not applied yet, but it must be stored all the same.
    return changed || room.doc.store.pendingStructs !== null || room.doc.store.pendingDs !== null;
  };

  const relay = (room: Room, item: RelayedUpdate, exceptClientId: string | null): void => {
    for (const sub of room.subscribers) {
      if (exceptClientId === null || sub.clientId !== exceptClientId) sub.stream.push(item);
    }
  };

  /** Writes the room's unsaved updates as one batch (documents.batch.ts) and acknowledges them once it commits. */
  const save = async (room: Room): Promise<void> => {
    clearTimeout(room.timer);
    room.timer = undefined;
    const batch = room.unsaved;
    room.unsaved = [];
    if (batch.length === 0) return;
    const real = batch.filter((u): u is Unsaved & { update: Uint8Array } => u.update !== null);
    if (real.length === 0) {
      batch.forEach((u) => u.resolve(room.version));
      return maybeIdle(room);
    }
    const first = real[0]!.actor;
    try {
      const stored = await storeBatch(write, room.row, real, (eventId) => ownEvents.add(eventId));
      room.version = Math.max(room.version, stored.version);
      room.snapshotVersion = Math.max(room.snapshotVersion, stored.snapshotVersion);
      room.tentative = Math.max(room.tentative, room.version);
      batch.forEach((u) => u.resolve(stored.version));
      deps.afterSave(first, { id: room.row.id, version: room.version, snapshotVersion: room.snapshotVersion });
    } catch (err) {
      // Not stored, so not acknowledged: the senders keep these updates and send them again. The
      // room's state already holds them, which would take the re-sent ones for duplicates: reload it.
      batch.forEach((u) => u.reject(err));
      room.ready = room.ready
        .then(() => load(room))
        .catch((loadErr) => {
          log.warn({ err: loadErr, documentId: room.row.id }, 'could not reload a document after a failed batch');
          rooms.delete(room.row.id);
        });
    }
    maybeIdle(room);
  };

  const schedule = (room: Room): void => {
    if (room.unsaved.length >= options.batchMax) {
      clearTimeout(room.timer);
      room.timer = undefined;
      room.saving = room.saving.then(() => save(room));
    } else {
      room.timer ??= setTimeout(() => {
        room.timer = undefined;
        room.saving = room.saving.then(() => save(room));
      }, options.batchMs);
    }
  };

  /** A batch stored by another instance: relay what this process's subscribers lack, merged into one update. */
  const onRemoteBatch = async (room: Room, event: ChangeEventRow): Promise<void> => {
    await room.ready;
    const upTo = event.entityVersion ?? 0;
    if (upTo <= room.version) return;
    const current = await repo.findDocument(db, room.row.id);
    if (!current) return;
    const parts =
      current.snapshotVersion > room.version
        ? [(await deps.loadState(db, current)).state]
        : (await repo.listUpdatesAfter(db, room.row.id, room.version)).map((u) => u.update);
    const changes: Uint8Array[] = [];
    const capture = (u: Uint8Array) => changes.push(u);
    room.doc.on('update', capture);
    try {
      for (const part of parts) Y.applyUpdate(room.doc, part, REMOTE);
    } finally {
      room.doc.off('update', capture);
    }
    room.version = Math.max(room.version, upTo, current.version);
    room.tentative = Math.max(room.tentative, room.version);
    if (changes.length === 0) return;
    const bytes = mergeState(changes);
    relay(room, { bytes, model: { update: toBase64(bytes), version: room.version, actorUserId: event.actorUserId } }, null);
  };

  /** Memberships, roles and the owners' records changed: read everyone's rights again (subscribers at once). */
  const refreshRights = (room: Room): void => {
    room.access.clear();
    for (const sub of room.subscribers) {
      const check = policy.read(sub.actor, room.row, db).catch((err) => {
        log.warn({ err, documentId: room.row.id }, 'could not re-check a subscriber; holding its updates back');
        return false;
      });
      sub.allowed = check;
      void check.then((ok) => {
        if (sub.allowed === check) sub.allowed = ok;
      });
    }
  };

  async function flush(): Promise<void> {
    await Promise.all(
      [...rooms.values()].map((room) => {
        if (room.unsaved.length > 0) room.saving = room.saving.then(() => save(room));
        return room.saving;
      }),
    );
  }

  // The bus may call back inside the async context of the write that committed the event (PGlite notifies
  // during COMMIT), where the services' database refuses reads: run what an event starts in this context instead.
  const outside = new AsyncResource('documents.rooms');
  const stopListening = bus.subscribe((event) => outside.runInAsyncScope(onEvent, null, event));

  function onEvent(event: ChangeEventRow): void {
    if (rooms.size === 0) return;
    if (event.entityType === EVENTS.documentUpdated.entityType) {
      const room = rooms.get(event.entityId);
      if (!room || ownEvents.delete(event.id)) return;
      void onRemoteBatch(room, event).catch((err) =>
        log.warn({ err, documentId: room.row.id }, 'could not relay a batch stored elsewhere'),
      );
      return;
    }
    for (const room of rooms.values()) if (policy.affectedBy(room.row.ownerType, event)) refreshRights(room);
  }

  return {
    /** The room of a document (opened and loading if it was not). */
    open,

    /** The room of a document if it is open here (no read). */
    find: (id: string): Room | undefined => rooms.get(id),

    /** Read and edit rights of an actor, cached in the room until a membership or role event. */
    access(room: Room, actor: UserActor): Promise<Access> {
      const key = actorKey(actor);
      let hit = room.access.get(key);
      if (!hit) {
        hit = Promise.all([policy.read(actor, room.row, db), policy.edit(actor, room.row, db)]).then(([read, edit]) => ({
          read,
          edit,
        }));
        hit.catch(() => room.access.delete(key));
        room.access.set(key, hit);
      }
      return hit;
    },

    /**
     * Applies an update, relays it to the other subscribers here at once and resolves with the
     * document's version after the batch holding it commits. A duplicate (nothing new) is not
     * stored or counted again, but it too is acknowledged only once what came before it is stored.
     */
    async push(room: Room, actor: UserActor, update: Uint8Array, clientId: string | null): Promise<number> {
      await room.ready;
      // refuseUpdate saw the update alone; one placed next to a stored old `text` needs the state to be seen.
      const legacy = writesLegacyText(room.doc, update);
      if (legacy) throw badInput({ update: legacy });
      const isNew = apply(room, update, actor);
      clearTimeout(room.idleTimer);
      if (isNew) {
        room.tentative += 1;
        const model: DocumentUpdateModel = { update: toBase64(update), version: room.tentative, actorUserId: actor.userId };
        relay(room, { model, bytes: update }, clientId);
      }
      return new Promise<number>((resolve, reject) => {
        room.unsaved.push({ update: isNew ? update : null, actor, resolve, reject });
        schedule(room);
      });
    },

    /**
     * A subscriber of the room: updates relayed from now on; with a state vector the first message is
     * what it lacks, with the server's state vector (so the client can send what the server lacks).
     */
    async subscribe(
      room: Room,
      actor: UserActor,
      stateVector: Uint8Array | undefined,
      clientId: string | null,
    ): Promise<AsyncIterableIterator<DocumentUpdateModel>> {
      await room.ready;
      const sub: Subscriber = {
        actor,
        clientId,
        allowed: true,
        stream: createUpdateStream(
          () => sub.allowed,
          () => {
            room.subscribers.delete(sub);
            maybeIdle(room);
          },
        ),
      };
      // Synchronously after the state is read: nothing relayed later can fall between the two.
      if (stateVector) {
        const bytes = Y.encodeStateAsUpdate(room.doc, stateVector);
        const sv = toBase64(Y.encodeStateVector(room.doc));
        sub.stream.push({
          bytes,
          model: { update: toBase64(bytes), version: room.tentative, actorUserId: null, stateVector: sv },
        });
      }
      room.subscribers.add(sub);
      clearTimeout(room.idleTimer);
      return sub.stream;
    },

    /** The state of an open room, unsaved updates included (undefined when the room is not open here). */
    stateOf(id: string): Y.Doc | undefined {
      return rooms.get(id)?.doc;
    },

    /** Subscribers across the open rooms. */
    subscriberCount: (): number => [...rooms.values()].reduce((n, room) => n + room.subscribers.size, 0),

    /** Stores every unsaved batch now, without waiting for its timer. */
    flush,

    /** Stores every unsaved batch now (graceful shutdown) and stops listening. */
    async stop(): Promise<void> {
      stopListening();
      await flush();
      for (const room of rooms.values()) clearTimeout(room.idleTimer);
    },
  };
}

export type Rooms = ReturnType<typeof createRooms>;
export type { Room };
