import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { EventBus } from '../../realtime/bus.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import type { Connection } from '../../realtime/connection.js';
import { createStream } from '../../realtime/stream.js';
import { EPHEMERAL } from '../../realtime/topics.js';
import type { PresenceModel } from './meetings.models.js';

/** A presence without a heartbeat for this long has lost its connection and drops out. */
export const PRESENCE_TTL_MS = 60_000;
const SWEEP_MS = 5_000;

/**
 * The hold of every join over HTTP that names no `clientId` (no connection to tell them apart): all of a user's
 * tabs of an older client share it, and it ends by its heartbeat stopping.
 */
const HTTP_HOLD = 'http';

/** The hold of one client (a browser tab) over HTTP: its own `clientId`, apart from socket ids and HTTP_HOLD. */
const clientHold = (clientId: string): string => `http:${clientId}`;

/**
 * Whose hold a join or leave is: on a WebSocket, the socket's (it is one tab already); over HTTP, the client's
 * own when it names itself (`clientId`), else the hold all of the user's unnamed HTTP joins share.
 */
const holdOf = (connection: Connection | undefined, clientId: string | null | undefined): string =>
  connection?.id ?? (clientId ? clientHold(clientId) : HTTP_HOLD);

/**
 * Entity types whose committed events can end someone's right to be in a meeting or to watch its presence: roles in
 * a body (memberships), who a person is (the link to an account), the account itself (deactivated, its roles).
 */
export const PRESENCE_RIGHTS_WITH: ReadonlySet<string> = new Set(['membership', 'person', 'user']);

/** One user present in one meeting. */
export interface PresentUser {
  meetingId: string;
  userId: string;
}

/**
 * Of those present, the ones who may no longer be (deactivated, no longer a member): asked once per event of
 * PRESENCE_RIGHTS_WITH, for everyone present in this process at once.
 */
export type PresenceCheck = (present: readonly PresentUser[]) => Promise<readonly PresentUser[]>;

interface Entry extends PresenceModel {
  /**
   * What keeps the user in the room, each with its last heartbeat: the WebSockets that joined (by connection id),
   * each HTTP client that named itself (`http:<clientId>`) and the unnamed HTTP joins ('http').
   */
  holds: Map<string, number>;
}

/** One message on the presence topic (NOTIFY, never stored). */
interface PresenceMessage {
  op: 'join' | 'beat' | 'leave';
  meetingId: string;
  userId: string;
  partyId: string | null;
  since: string;
  /**
   * Whose join, heartbeat or leave: a WebSocket connection's id, `http:<clientId>` or 'http'. A join or heartbeat without
   * one (from an older instance) is HTTP's; so is a leave, which an older instance sent for leaveMeeting
   * meaning every hold, and still means that here.
   */
  hold?: string;
  /** The process that sent it, so a process can tell its own echoes from others' (for logging only). */
  origin: string;
}

const isMessage = (m: unknown): m is PresenceMessage =>
  !!m &&
  typeof m === 'object' &&
  typeof (m as PresenceMessage).meetingId === 'string' &&
  typeof (m as PresenceMessage).userId === 'string';

/**
 * Who is in which meeting room. Every process keeps the whole list in memory,
 * fed by the ephemeral bus (so all instances agree). A user is in a room while
 * something holds them there: each WebSocket that joined holds them until it
 * closes, and joins over HTTP hold them while their heartbeat goes on: each
 * client that names itself (`clientId`, one per browser tab) its own hold, the
 * unnamed ones one hold shared by all of the user's tabs. A hold without a
 * heartbeat for the TTL drops too (the instance of its socket may have died).
 * A client's HTTP hold also ends when its presence subscription with the same
 * `clientId` closes, and the shared one when the user's last presence
 * subscription in this process closes (the browser tab's WebSocket closed).
 * The list names each user once, however many holds keep them.
 *
 * Rights are not left to the heartbeat: when an event that can end someone's
 * right to be present commits (PRESENCE_RIGHTS_WITH), every process asks
 * `mayNotStay` about everyone present and drops those refused at once, with
 * all their holds, and tells the watchers. Each process asks on its own (all
 * read the same database), so nothing more goes over the bus.
 */
export function createPresenceRegistry(bus: EventBus, log: Logger, ttlMs = PRESENCE_TTL_MS, mayNotStay?: PresenceCheck) {
  const origin = randomUUID();
  const rooms = new Map<string, Map<string, Entry>>();
  const watchers = new Map<string, Set<(list: PresenceModel[]) => void>>();
  /** Open presence subscriptions per meeting and user in this process. */
  const open = new Map<string, number>();
  /** Sockets here already set to end their hold when they close (connection:meeting:user). */
  const bound = new Set<string>();

  const list = (meetingId: string): PresenceModel[] =>
    [...(rooms.get(meetingId)?.values() ?? [])]
      .map(({ userId, partyId, since }) => ({ userId, partyId, since }))
      .sort((a, b) => a.since.localeCompare(b.since) || a.userId.localeCompare(b.userId));

  const announce = (meetingId: string) => {
    const now = list(meetingId);
    for (const w of watchers.get(meetingId) ?? []) w(now);
  };

  /** Applies one message; true when the set of people changed. */
  const apply = (m: PresenceMessage): boolean => {
    const room = rooms.get(m.meetingId) ?? new Map<string, Entry>();
    rooms.set(m.meetingId, room);
    const had = room.get(m.userId);
    if (m.op === 'leave') {
      if (!had) return false;
      if (m.hold === undefined) had.holds.clear();
      else had.holds.delete(m.hold);
      if (had.holds.size > 0) return false;
      room.delete(m.userId);
      if (room.size === 0) rooms.delete(m.meetingId);
      return true;
    }
    const hold = m.hold ?? HTTP_HOLD;
    if (had) {
      had.holds.set(hold, Date.now());
      return false;
    }
    room.set(m.userId, { userId: m.userId, partyId: m.partyId, since: m.since, holds: new Map([[hold, Date.now()]]) });
    return true;
  };

  const unsubscribe = bus.subscribeEphemeral(EPHEMERAL.presence, (payload) => {
    if (isMessage(payload) && apply(payload)) announce(payload.meetingId);
  });

  const send = async (m: Omit<PresenceMessage, 'origin'>) => {
    const message = { ...m, origin };
    // Apply at once so the caller's own answer includes it; the echo from the bus is then a no-op.
    if (apply(message)) announce(m.meetingId);
    try {
      await bus.broadcast(EPHEMERAL.presence, message);
    } catch (err) {
      log.warn({ err }, 'presence broadcast failed');
    }
  };

  /** Grows by one with every event of PRESENCE_RIGHTS_WITH: watchers re-check their own right to watch. */
  let generation = 0;
  let revising: Promise<void> = Promise.resolve();
  let revisionQueued = false;

  /** Drops everyone present whom `mayNotStay` refuses now; one revision at a time, one queued at most. */
  const revise = (): void => {
    if (!mayNotStay || revisionQueued) return;
    revisionQueued = true;
    revising = revising.then(async () => {
      // Started: an event from now on queues another revision, which reads after it.
      revisionQueued = false;
      const present = [...rooms].flatMap(([meetingId, room]) => [...room.keys()].map((userId) => ({ meetingId, userId })));
      if (present.length === 0) return;
      let refused: readonly PresentUser[];
      try {
        refused = await mayNotStay(present);
      } catch (err) {
        log.warn({ err }, 'could not re-check who may stay present; the heartbeat decides');
        return;
      }
      const changed = new Set<string>();
      for (const { meetingId, userId } of refused) {
        const room = rooms.get(meetingId);
        if (!room?.delete(userId)) continue;
        changed.add(meetingId);
        if (room.size === 0) rooms.delete(meetingId);
      }
      for (const meetingId of changed) announce(meetingId);
    });
  };
  // The bus may call back inside the async context of the write that committed the event (PGlite notifies
  // during COMMIT), where the services' database refuses reads: revise in this context instead.
  const outside = new AsyncResource('meetings.presence');
  const stopEvents = bus.subscribe((event: ChangeEventRow) => {
    if (!PRESENCE_RIGHTS_WITH.has(event.entityType)) return;
    generation++;
    if (rooms.size > 0) outside.runInAsyncScope(revise, null);
  });

  const sweep = setInterval(() => {
    const cutoff = Date.now() - ttlMs;
    for (const [meetingId, room] of rooms) {
      let changed = false;
      for (const [userId, e] of room) {
        for (const [hold, lastSeen] of e.holds) if (lastSeen < cutoff) e.holds.delete(hold);
        if (e.holds.size === 0) {
          room.delete(userId);
          changed = true;
        }
      }
      if (room.size === 0) rooms.delete(meetingId);
      if (changed) announce(meetingId);
    }
  }, SWEEP_MS);
  sweep.unref();

  return {
    list,

    /**
     * Enters the room or, when already in, renews the heartbeat. Joined on a WebSocket (`connection`),
     * the user is held in the room by that socket: when it closes, its hold ends at once, and the user
     * leaves unless another socket (or a heartbeat over HTTP) still holds them. Over HTTP, `clientId`
     * (a valid one; the caller checks it) makes the hold that client's own.
     */
    async join(
      meetingId: string,
      userId: string,
      partyId: string | null,
      connection?: Connection,
      clientId?: string | null,
    ): Promise<PresenceModel[]> {
      const had = rooms.get(meetingId)?.get(userId);
      const hold = holdOf(connection, clientId);
      const since = had?.since ?? new Date().toISOString();
      await send({ op: had ? 'beat' : 'join', meetingId, userId, partyId, since, hold });
      // After the join: a socket that closed meanwhile ends its hold at once.
      if (connection) {
        const key = `${connection.id}:${meetingId}:${userId}`;
        if (!bound.has(key)) {
          bound.add(key);
          connection.onClose(() => {
            bound.delete(key);
            if (rooms.get(meetingId)?.get(userId)?.holds.has(hold))
              void send({ op: 'leave', meetingId, userId, partyId: null, since: '', hold });
          });
        }
      }
      return list(meetingId);
    },

    /**
     * Ends the hold of the caller's own join (leaveMeeting): on a WebSocket (`connection`) that socket's, over HTTP
     * the client's named by `clientId`, or without it the shared HTTP heartbeat's. The user stays in the room while
     * another of their holds (another tab's socket or `clientId`) keeps them.
     */
    async leave(meetingId: string, userId: string, connection?: Connection, clientId?: string | null): Promise<void> {
      await send({ op: 'leave', meetingId, userId, partyId: null, since: '', hold: holdOf(connection, clientId) });
    },

    /**
     * The list now, then the list after every change. When it closes (the
     * client unsubscribed or its WebSocket closed), the HTTP hold of the same
     * `clientId` ends (the tab is gone), and when it was the user's last one
     * here, the shared HTTP hold of unnamed joins too (holds of sockets still
     * open and of other clients stay).
     */
    watch(meetingId: string, userId: string, clientId?: string | null): AsyncIterableIterator<PresenceModel[]> {
      const key = `${meetingId}:${userId}`;
      open.set(key, (open.get(key) ?? 0) + 1);
      const stream = createStream<PresenceModel[]>(
        () => {
          watchers.get(meetingId)?.delete(stream.push);
          const own = clientId ? clientHold(clientId) : undefined;
          if (own && rooms.get(meetingId)?.get(userId)?.holds.has(own))
            void send({ op: 'leave', meetingId, userId, partyId: null, since: '', hold: own });
          const left = (open.get(key) ?? 1) - 1;
          if (left > 0) open.set(key, left);
          else {
            open.delete(key);
            if (rooms.get(meetingId)?.get(userId)?.holds.has(HTTP_HOLD))
              void send({ op: 'leave', meetingId, userId, partyId: null, since: '', hold: HTTP_HOLD });
          }
        },
        { maxBuffered: 50, whenFull: 'dropOldest' },
      );
      const set = watchers.get(meetingId) ?? new Set();
      set.add(stream.push);
      watchers.set(meetingId, set);
      stream.push(list(meetingId));
      return stream;
    },

    /** Grows by one whenever an event that can change someone's right to be present or to watch commits. */
    rightsGeneration: (): number => generation,

    /** How many holds keep a user in a room, as this process knows them (diagnostics and tests). */
    holds: (meetingId: string, userId: string): number => rooms.get(meetingId)?.get(userId)?.holds.size ?? 0,

    stop(): void {
      clearInterval(sweep);
      unsubscribe();
      stopEvents();
    },
  };
}

export type PresenceRegistry = ReturnType<typeof createPresenceRegistry>;
