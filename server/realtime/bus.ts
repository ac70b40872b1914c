import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.js';
import type { ChangeEventRow } from './changes.table.js';
import { findChangeEvent, latestChangeEventId, listChangeEventsAfter, notify } from './changes.repo.js';

/** Receives each committed change event once per process. */
export type EventListener = (event: ChangeEventRow) => void;

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
  /** How many listeners are attached (open subscriptions of this process). */
  size(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const CHANNEL = 'hub_events';
const CATCH_UP_BATCH = 500;
const REMEMBERED_IDS = 10_000;

/** The LISTEN/NOTIFY bus: one listening connection per process, each event loaded once. */
export function createNotifyBus(database: Database, log: Logger): EventBus {
  const listeners = new Set<EventListener>();
  // Ids are assigned at insert but delivered in commit order, so remember recent ids rather than a high-water mark alone.
  const seen = new Set<number>();
  let highest = 0;
  let chain: Promise<void> = Promise.resolve();
  let unlisten: (() => Promise<void>) | undefined;

  const dispatch = (event: ChangeEventRow): void => {
    if (seen.has(event.id)) return;
    seen.add(event.id);
    if (seen.size > REMEMBERED_IDS) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    highest = Math.max(highest, event.id);
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

  const onNotify = (payload: string): void => {
    const id = Number(payload);
    if (!Number.isSafeInteger(id)) return;
    enqueue(async () => {
      if (seen.has(id)) return;
      const event = await findChangeEvent(database.db, id);
      if (event) dispatch(event);
    });
  };

  const catchUp = (): void => {
    enqueue(async () => {
      for (;;) {
        const batch = await listChangeEventsAfter(database.db, highest, CATCH_UP_BATCH);
        batch.forEach(dispatch);
        if (batch.length < CATCH_UP_BATCH) break;
      }
      log.info({ highest }, 'event bus caught up after reconnect');
    });
  };

  return {
    async publish(tx, eventId) {
      await notify(tx, CHANNEL, String(eventId));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    size: () => listeners.size,
    async start() {
      highest = await latestChangeEventId(database.db);
      unlisten = await database.listen(CHANNEL, { onNotify, onReconnect: catchUp });
    },
    async stop() {
      await unlisten?.();
      unlisten = undefined;
      await chain;
      listeners.clear();
    },
  };
}
