/**
 * Reads that services make the same way for any record a policy lets its readers see: one record by
 * an id the caller sent, and the live changes of records, re-checked for each event.
 */
import type { Actor } from '../auth/actor.js';
import { authorize } from '../auth/guard.js';
import type { Db } from '../db/client.js';
import type { EventBus } from '../realtime/bus.js';
import type { ChangeEventRow } from '../realtime/changes.table.js';
import { subscribeToEvents } from '../realtime/subscribe.js';
import { isUuid } from '../validation.js';

/**
 * A service's read of one record by an id the caller sent, for those the `read` policy admits (others are
 * refused: UNAUTHENTICATED or FORBIDDEN): the row, or null; an id that is not a UUID names no row (and makes no query).
 */
export function readableById<R>(
  db: Db,
  read: (actor: Actor) => boolean,
  find: (db: Db, id: string) => Promise<R | undefined>,
): (actor: Actor, id: string) => Promise<R | null> {
  return async (actor, id) => {
    authorize(actor, read);
    return isUuid(id) ? ((await find(db, id)) ?? null) : null;
  };
}

/**
 * Committed changes for those the `read` policy admits: others are refused at once, and the policy is
 * asked again for each event. Each event goes out as what `load` finds for it (nothing found: not sent),
 * with the event's kind and the user who made the change.
 */
export function subscribeReaders<T extends { kind: string; actorUserId: string | null }>(
  bus: EventBus,
  actor: Actor,
  read: (actor: Actor) => boolean,
  matches: (event: ChangeEventRow) => boolean,
  load: (event: ChangeEventRow) => Promise<Omit<T, 'kind' | 'actorUserId'> | undefined>,
): AsyncIterableIterator<T> {
  authorize(actor, read);
  return subscribeToEvents(bus, matches, async (event) => {
    if (!read(actor)) return undefined;
    const loaded = await load(event);
    if (!loaded) return undefined;
    return { kind: event.kind, ...loaded, actorUserId: event.actorUserId } as T;
  });
}
