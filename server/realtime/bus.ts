import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.js';
import type { ChangeEventRow } from './changes.table.js';
import { findChangeEvent, latestChangeEventId, listChangeEventsAfter, notify } from './changes.repo.js';

/** Receives each committed change event once per process. */
export type EventListener = (event: ChangeEventRow) => void;

/** Receives ephemeral messages of one topic (presence, cursors): never stored, lost when nobody listens. */
export type EphemeralListener = (payload: unknown) => void;

/**
 * The event bus: publish inside a transaction, receive committed events.
 * LISTEN/NOTIFY is the transport today; Redis or NATS can implement the same
 * interface when one database's NOTIFY becomes the limit (docs/adr/0003).
 */
export interface EventBus {
  /** Announces an event inside the writing transaction; nobody hears of it unless it commits. */
  publish(tx: Db, eventId: number): Promise<void>;
  /** Calls `listener` for every committed event from now on; returns an unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /**
   * Sends an ephemeral message to every process (presence, cursor positions):
   * not stored and not in the audit log. Payloads must be small (under 7 KB as JSON).
   */
  broadcast(topic: string, payload: unknown): Promise<void>;
  /** Calls `listener` for every ephemeral message of the topic; returns an unsubscribe function. */
  subscribeEphemeral(topic: string, listener: EphemeralListener): () => void;
  /** Whether the event has reached this process's listeners (one of the last 10,000) or predates the bus's start; for diagnostics and tests. */
  hasSeen(eventId: number): boolean;
  /** How many listeners are attached (open subscriptions of this process), with those counted by `countAlso`. */
  size(): number;
  /** Adds subscribers served through one listener (the fan-out's groups) to `size()`; returns a function that stops counting them. */
  countAlso(counter: () => number): () => void;
  /**
   * Whether the bus hears committed events now (its LISTEN connection is up and it has caught up
   * after the last loss), how long ago the last event reached it (null: none since it started), and
   * `epoch`, which grows each time the LISTEN connection is lost (whatever was cached under an
   * earlier epoch may have missed a revocation broadcast meanwhile).
   */
  health(): { listening: boolean; lastEventAgeMs: number | null; epoch: number };
  /** How many events may wait for one subscriber before it counts as lagged (SubscriberLaggedError). */
  readonly subscriptionBuffer: number;
  /** Where subscription failures are reported (one event failing must not end the socket). */
  readonly log: Logger;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const CHANNEL = 'hub_events';
const EPHEMERAL_CHANNEL = 'hub_ephemeral';
/** NOTIFY payloads are limited to 8000 bytes; leave room for the envelope. */
const MAX_EPHEMERAL_BYTES = 7_000;
const CATCH_UP_BATCH = 500;
/** How far below the highest seen id a catch-up looks (events committed late, with lower ids). */
const CATCH_UP_LOOKBACK = 1_000;
const REMEMBERED_IDS = 10_000;
/** How soon a catch-up that failed (the database is away) is tried again. */
const CATCH_UP_RETRY_MS = 500;

/** The LISTEN/NOTIFY bus: one listening connection per process, each event loaded once. */
export function createNotifyBus(
  database: Database,
  log: Logger,
  { subscriptionBuffer = 1000 }: { subscriptionBuffer?: number } = {},
): EventBus {
  const listeners = new Set<EventListener>();
  const counters = new Set<() => number>();
  const ephemeral = new Map<string, Set<EphemeralListener>>();
  // Ids are assigned at insert but delivered in commit order, so remember recent ids rather than a high-water mark alone.
  const seen = new Set<number>();
  let highest = 0;
  /** The newest event when the bus started: older ones were never meant for it. */
  let startedAfter = 0;
  let chain: Promise<void> = Promise.resolve();
  let unlisten: (() => Promise<void>) | undefined;
  /** The LISTEN connection is up. */
  let connected = false;
  let epoch = 0;
  /** Events may have been missed (a lost connection, an event that could not be loaded) until a catch-up succeeds. */
  let behind = false;
  let catchUpQueued = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastEventAt: number | undefined;

  const dispatch = (event: ChangeEventRow): void => {
    if (seen.has(event.id)) return;
    seen.add(event.id);
    if (seen.size > REMEMBERED_IDS) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    highest = Math.max(highest, event.id);
    lastEventAt = Date.now();
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        log.error({ err, eventId: event.id }, 'event listener failed');
      }
    }
  };

  // Serialise loading so that listeners see events in notification (commit) order.
  const enqueue = (work: () => Promise<void>): void => {
    chain = chain.then(work).catch((err) => log.error({ err }, 'event bus delivery failed'));
  };

  const onEphemeral = (payload: string): void => {
    let message: { topic?: unknown; payload?: unknown };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (typeof message.topic !== 'string') return;
    for (const listener of ephemeral.get(message.topic) ?? []) {
      try {
        listener(message.payload);
      } catch (err) {
        log.error({ err, topic: message.topic }, 'ephemeral listener failed');
      }
    }
  };

  const onNotify = (channel: string, payload: string): void => {
    if (channel === EPHEMERAL_CHANNEL) return onEphemeral(payload);
    const id = Number(payload);
    if (!Number.isSafeInteger(id)) return;
    enqueue(async () => {
      if (seen.has(id)) return;
      try {
        const event = await findChangeEvent(database.db, id);
        if (event) dispatch(event);
      } catch (err) {
        // Committed, but not loadable now (the database is away): never drop it, catch up until it loads.
        log.warn({ err, eventId: id }, 'could not load a notified event; catching up');
        behind = true;
        catchUp();
      }
    });
  };

  const catchUp = (): void => {
    if (catchUpQueued || !unlisten) return;
    catchUpQueued = true;
    enqueue(async () => {
      catchUpQueued = false;
      try {
        // Ids are handed out at insert, not at commit: an event below the highest seen id may have
        // committed while the connection was down. Look back a window; `seen` drops the repeats, and
        // events from before the bus started were never meant for it.
        let from = Math.max(startedAfter, highest - CATCH_UP_LOOKBACK);
        for (;;) {
          const batch = await listChangeEventsAfter(database.db, from, CATCH_UP_BATCH);
          batch.forEach(dispatch);
          if (batch.length < CATCH_UP_BATCH) break;
          from = batch.at(-1)!.id;
        }
        behind = false;
        log.info({ highest }, 'event bus caught up');
      } catch (err) {
        if (!unlisten) return;
        log.warn({ err }, 'event bus catch-up failed; retrying');
        clearTimeout(retryTimer);
        retryTimer = setTimeout(catchUp, CATCH_UP_RETRY_MS);
        retryTimer.unref();
      }
    });
  };

  const onLost = (): void => {
    epoch++;
    connected = false;
    behind = true;
  };

  const onReconnect = (): void => {
    connected = true;
    catchUp();
  };

  return {
    async publish(tx, eventId) {
      await notify(tx, CHANNEL, String(eventId));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async broadcast(topic, payload) {
      const text = JSON.stringify({ topic, payload });
      if (Buffer.byteLength(text) > MAX_EPHEMERAL_BYTES) throw new Error(`ephemeral message on ${topic} is too large`);
      await notify(database.db, EPHEMERAL_CHANNEL, text);
    },
    subscribeEphemeral(topic, listener) {
      const set = ephemeral.get(topic) ?? new Set();
      set.add(listener);
      ephemeral.set(topic, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) ephemeral.delete(topic);
      };
    },
    size: () =>
      listeners.size +
      [...ephemeral.values()].reduce((n, set) => n + set.size, 0) +
      [...counters].reduce((n, count) => n + count(), 0),
    countAlso(counter) {
      counters.add(counter);
      return () => counters.delete(counter);
    },
    hasSeen: (eventId) => seen.has(eventId) || eventId <= startedAfter,
    health: () => ({
      listening: connected && !behind,
      lastEventAgeMs: lastEventAt === undefined ? null : Date.now() - lastEventAt,
      epoch,
    }),
    subscriptionBuffer,
    log,
    async start() {
      highest = await latestChangeEventId(database.db);
      startedAfter = highest;
      unlisten = await database.listen([CHANNEL, EPHEMERAL_CHANNEL], { onNotify, onLost, onReconnect });
      connected = true;
    },
    async stop() {
      const stopListening = unlisten;
      unlisten = undefined;
      connected = false;
      clearTimeout(retryTimer);
      await stopListening?.();
      await chain;
      listeners.clear();
      ephemeral.clear();
    },
  };
}
