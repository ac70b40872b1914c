import type { EventBus } from './bus.js';
import type { ChangeEventRow } from './changes.table.js';
import { createStream, filterMapStream } from './stream.js';

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
  const stream = createStream<ChangeEventRow>(() => unsubscribe(), { maxBuffered: bus.subscriptionBuffer });
  const unsubscribe = bus.subscribe((event) => {
    if (matches(event)) stream.push(event);
  });
  return filterMapStream(stream, async (event) => {
    try {
      return await deliver(event);
    } catch (err) {
      // A failing event is skipped and logged; throwing would close the subscriber's whole socket (4500).
      bus.log.error({ err, eventId: event.id, entityType: event.entityType }, 'could not deliver an event to a subscriber');
      return undefined;
    }
  });
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
