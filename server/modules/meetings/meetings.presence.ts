import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { EventBus } from '../../realtime/bus.js';
import { createStream } from '../../realtime/stream.js';
import { EPHEMERAL } from '../../realtime/topics.js';
import type { PresenceModel } from './meetings.models.js';

/** A presence without a heartbeat for this long has lost its connection and drops out. */
export const PRESENCE_TTL_MS = 60_000;
const SWEEP_MS = 5_000;

interface Entry extends PresenceModel {
  lastSeen: number;
}

/** One message on the presence topic (NOTIFY, never stored). */
interface PresenceMessage {
  op: 'join' | 'beat' | 'leave';
  meetingId: string;
  userId: string;
  partyId: string | null;
  since: string;
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
 * fed by the ephemeral bus (so all instances agree), and drops entries whose
 * heartbeat stopped. A user's presence also ends when the last presence
 * subscription of theirs in this process closes (the WebSocket closed).
 */
export function createPresenceRegistry(bus: EventBus, log: Logger, ttlMs = PRESENCE_TTL_MS) {
  const origin = randomUUID();
  const rooms = new Map<string, Map<string, Entry>>();
  const watchers = new Map<string, Set<(list: PresenceModel[]) => void>>();
  /** Open presence subscriptions per meeting and user in this process. */
  const open = new Map<string, number>();

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
      room.delete(m.userId);
      if (room.size === 0) rooms.delete(m.meetingId);
      return true;
    }
    if (had) {
      had.lastSeen = Date.now();
      return false;
    }
    room.set(m.userId, { userId: m.userId, partyId: m.partyId, since: m.since, lastSeen: Date.now() });
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

  const sweep = setInterval(() => {
    const cutoff = Date.now() - ttlMs;
    for (const [meetingId, room] of rooms) {
      let changed = false;
      for (const [userId, e] of room) {
        if (e.lastSeen < cutoff) {
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

    /** Enters the room or, when already in, renews the heartbeat. */
    async join(meetingId: string, userId: string, partyId: string | null): Promise<PresenceModel[]> {
      const had = rooms.get(meetingId)?.get(userId);
      await send({ op: had ? 'beat' : 'join', meetingId, userId, partyId, since: had?.since ?? new Date().toISOString() });
      return list(meetingId);
    },

    async leave(meetingId: string, userId: string): Promise<void> {
      await send({ op: 'leave', meetingId, userId, partyId: null, since: '' });
    },

    /**
     * The list now, then the list after every change. When it closes (the
     * client unsubscribed or its WebSocket closed) and it was the user's last
     * one here, the user leaves the room.
     */
    watch(meetingId: string, userId: string): AsyncIterableIterator<PresenceModel[]> {
      const key = `${meetingId}:${userId}`;
      open.set(key, (open.get(key) ?? 0) + 1);
      const stream = createStream<PresenceModel[]>(
        () => {
          watchers.get(meetingId)?.delete(stream.push);
          const left = (open.get(key) ?? 1) - 1;
          if (left > 0) open.set(key, left);
          else {
            open.delete(key);
            if (rooms.get(meetingId)?.has(userId)) void send({ op: 'leave', meetingId, userId, partyId: null, since: '' });
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

    stop(): void {
      clearInterval(sweep);
      unsubscribe();
    },
  };
}

export type PresenceRegistry = ReturnType<typeof createPresenceRegistry>;
