import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { EventBus } from './bus.js';
import type { ChangeEventRow } from './changes.table.js';
import { createStream, filterMapStream, flatMapStream, SubscriberOutOfSyncError } from './stream.js';

/**
 * What a subscription of committed events is made of, for the fan-out (server/realtime/fanout.ts),
 * which runs `deliver` once per group of alike subscribers rather than once per subscriber.
 */
export interface EventSourceParts<T = unknown> {
  matches(event: ChangeEventRow): boolean;
  /**
   * The payloads for the subscriber, in order: none when the event is not for them, mostly one, several when one
   * event is about several records (subscribeToEventsEach); SubscriberOutOfSyncError when it cannot be delivered.
   */
  deliver(event: ChangeEventRow): Promise<readonly T[]>;
}

const EVENT_SOURCE = Symbol('eventSource');

/** The parts of a stream made by subscribeToEvents (undefined for any other stream: presence, a document's sync). */
export function eventSourcePartsOf(value: unknown): EventSourceParts | undefined {
  return typeof value === 'object' && value !== null ? (value as { [EVENT_SOURCE]?: EventSourceParts })[EVENT_SOURCE] : undefined;
}

/**
 * A subscription's event source: committed events that match, each turned into
 * the subscriber's payload by `deliver` (which reloads and re-checks the
 * subscriber's permission; undefined means "not for this subscriber").
 */
export function subscribeToEvents<T>(
  bus: EventBus,
  matches: (event: ChangeEventRow) => boolean,
  deliver: (event: ChangeEventRow) => Promise<T | undefined>,
): AsyncIterableIterator<T> {
  return subscribeToEventsEach(bus, matches, async (event) => {
    const payload = await deliver(event);
    return payload === undefined ? [] : [payload];
  });
}

/**
 * `subscribeToEvents` where one event may give the subscriber several payloads, sent one after another in the
 * order `deliver` lists them (none: the event is not for them).
 */
export function subscribeToEventsEach<T>(
  bus: EventBus,
  matches: (event: ChangeEventRow) => boolean,
  deliver: (event: ChangeEventRow) => Promise<readonly T[]>,
): AsyncIterableIterator<T> {
  const stream = createStream<ChangeEventRow>(() => unsubscribe(), { maxBuffered: bus.subscriptionBuffer });
  const unsubscribe = bus.subscribe((event) => {
    if (matches(event)) stream.push(event);
  });
  const parts: EventSourceParts<T> = { matches, deliver: (event) => deliverOrResync(bus, event, deliver) };
  return Object.assign(flatMapStream(stream, parts.deliver), { [EVENT_SOURCE]: parts });
}

/** Waits before each new try of a delivery that met a database outage: about 15 s in all. */
export const DELIVERY_RETRY_DELAYS_MS = [100, 250, 500, 1_000, 1_000, 2_000, 2_000, 3_000, 5_000];
/** A subscriber who may not see the record: the event is not for them (not a lost event). */
const NOT_FOR_THEM = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

/**
 * Delivers one committed event to one subscriber, never skipping it silently: a database outage
 * is waited out (the reload is tried again); an event that still cannot be delivered ends the
 * subscriber's socket with 4013 (SubscriberOutOfSyncError), and its client resynchronises.
 */
async function deliverOrResync<T>(
  bus: EventBus,
  event: ChangeEventRow,
  deliver: (event: ChangeEventRow) => Promise<readonly T[]>,
): Promise<readonly T[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deliver(event);
    } catch (err) {
      if (err instanceof GraphQLError && NOT_FOR_THEM.has(String(err.extensions?.code))) return [];
      const delay = DELIVERY_RETRY_DELAYS_MS[attempt];
      if (isDatabaseUnavailable(err) && delay !== undefined) {
        if (attempt === 0) bus.log.warn({ err, eventId: event.id }, 'database unavailable while delivering an event; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
      bus.log.error(
        { err, eventId: event.id, entityType: event.entityType },
        'could not deliver an event to a subscriber; closing its socket',
      );
      throw new SubscriberOutOfSyncError(`Event ${event.id} could not be delivered; reconnect to resynchronise`);
    }
  }
}

/**
 * Shares one load per event among all subscribers of a process: a hundred
 * people watching a party cost one read per change, not a hundred.
 */
export function loadOncePerEvent<T>(load: (event: ChangeEventRow) => Promise<T>, remember = 256) {
  const cache = new Map<number, Promise<T>>();
  return (event: ChangeEventRow): Promise<T> => {
    let hit = cache.get(event.id);
    if (!hit) {
      hit = load(event);
      cache.set(event.id, hit);
      hit.catch(() => cache.delete(event.id));
      if (cache.size > remember) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    return hit;
  };
}

/**
 * A subscription's source of ephemeral messages of one topic (presence,
 * cursors), each turned into the subscriber's payload by `deliver`.
 */
export function subscribeToEphemeral<T>(
  bus: EventBus,
  topic: string,
  deliver: (payload: unknown) => Promise<T | undefined>,
): AsyncIterableIterator<T> {
  const stream = createStream<unknown>(() => unsubscribe(), { maxBuffered: bus.subscriptionBuffer });
  const unsubscribe = bus.subscribeEphemeral(topic, (payload) => stream.push(payload));
  return filterMapStream(stream, async (payload) => {
    try {
      return await deliver(payload);
    } catch (err) {
      bus.log.error({ err, topic }, 'could not deliver an ephemeral message to a subscriber');
      return undefined;
    }
  });
}
