import type { UserActor } from '../auth/actor.js';
import type { ChangeEventRow } from './changes.table.js';

/** A change event as the audit stream shows it: `authorHidden` when `redact` took out who made it. */
export type ShownChangeEvent = ChangeEventRow & { authorHidden?: true };

/**
 * How one entity type's change events may be shown in the audit stream
 * (`changes`): who may read them and what must be hidden from whom. The
 * module that owns the entity type defines it; the secretariat sees every event.
 * `Reads` is the request's batched reads (the modules' DataLoaders), which this layer does not know.
 */
export interface ChangeView<Reads = unknown> {
  /** True when the actor may read every event of this type (lets counts run in SQL). */
  readsAll(actor: UserActor): boolean;
  /**
   * For actors that do not read all: may they read this one? With the request's `reads` when the caller has them, so
   * that a page of events about many records checks them in a few batched reads.
   */
  canRead(actor: UserActor, event: ChangeEventRow, reads?: Reads): boolean | Promise<boolean>;
  /**
   * What `canRead`'s answer depends on, so that events with the same key share one answer within a
   * request. Defaults to the record (entity type and id); a view whose rule reads the event's own
   * scope (e.g. an item's publicity at the time) must include that in the key.
   */
  readKey?(event: ChangeEventRow): string;
  /** Returns the event as this actor may see it (e.g. without the author of a comment). */
  redact?(actor: UserActor, event: ChangeEventRow): ShownChangeEvent;
}

/** A view for records every signed-in user reads. */
export const readableBySignedIn: ChangeView = { readsAll: () => true, canRead: () => true };

/** A view for records only the secretariat reads in the audit stream. */
export const secretariatOnly: ChangeView = { readsAll: () => false, canRead: () => false };

/** Whether a snapshot key holds a user's id: `userId` and `…UserId` (`createdByUserId`, `recordedByUserId`, …). */
export const isUserKey = (key: string): boolean => key === 'userId' || key.endsWith('UserId');

/**
 * The ids an event's `before` and `after` hold, each once in the order met: at every depth, `idsAt` says which ids
 * a key's value gives (undefined: none, look inside the value instead).
 */
export function snapshotIds(
  event: Pick<ChangeEventRow, 'before' | 'after'>,
  idsAt: (key: string, value: unknown) => readonly string[] | undefined,
): string[] {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        const found = idsAt(key, v);
        if (found) found.forEach((id) => ids.add(id));
        else walk(v);
      }
  };
  walk(event.before);
  walk(event.after);
  return [...ids];
}

/**
 * The user ids a shown event's `before` and `after` refer to (under `isUserKey` keys, at any depth, e.g. a
 * need's `fieldProvenance`), each once in the order met. None when `redact` hid the event's author from this
 * reader: who may not know who acted may not know the people the change names either.
 */
export function referencedUserIds(event: Pick<ShownChangeEvent, 'before' | 'after' | 'authorHidden'>): string[] {
  if (event.authorHidden) return [];
  return snapshotIds(event, (key, v) => (typeof v === 'string' && isUserKey(key) ? [v] : undefined));
}
