import { replacedLinks, unchanged } from '../lib/changed.js';
import { lockAtVersion, updateLocked, type FindById, type UpdateIfVersion } from '../lib/lock.js';
import { rowUpdated, rowUpserted, withoutTimestamps, type ChangeInput, type EventRef, type WriteScope } from './write.js';

/** A versioned row as change events keep it: by id and version, its timestamps left out (`withoutTimestamps`). */
type Row = { id: string; version: number; createdAt: Date; updatedAt: Date };

/** Link lists an update replaces, as `replacedLinks` takes them: the lists sent, and how each reads as stored. */
export type LinkLists<K extends string> = Parameters<typeof replacedLinks<K>>;

/** What `updateAtVersion` changes of one versioned row, and how; `K` names its link lists, `T` what `then` answers. */
export interface VersionedUpdate<R extends Row, C extends object, K extends string, T> {
  /**
   * The record's rows (`versionedRows`): the row is locked at the version the caller based the change on
   * (`lockAtVersion`; `what` names it in NOT_FOUND), then updated (`updateLocked`).
   */
  rows: { find: FindById<R>; updateIfVersion: UpdateIfVersion<R, C> };
  id: string;
  expectedVersion: number;
  what: string;
  /** Who may change the row, asked of the row found before its version is checked (`lockAtVersion`). */
  admit?: (before: R) => unknown;
  /** The columns to set: as sent, or worked out from the row as stored. */
  changes: C | ((before: R) => C);
  /** Link lists the update replaces: both states of the event carry those sent; `then` replaces them. */
  links?: LinkLists<K>;
  /** The checks of a real change (BAD_USER_INPUT, …): after the no-op answer, before the update. */
  check?: (before: R, changes: C) => unknown;
  /** What the write does once the row is updated, before the event is recorded (links, notices, a parent's version). */
  then?: (after: R, before: R) => Promise<T>;
  /** The event to record: one, or the one that fits the change. */
  event: EventRef | ((before: R, after: R) => EventRef);
  /** The row's state as the event keeps it; by default all its columns but the timestamps. */
  snapshot?: (row: R) => object;
  /** The event's scope, from the updated row and what `then` answered. */
  scope?: (after: R, done: T) => ChangeInput['scope'];
}

/**
 * The versioned update of one row inside a write: lock it at the expected version (NOT_FOUND, FORBIDDEN, CONFLICT); when every
 * field sent, and every link list sent as a set, holds what is stored, answer the row as it is (no new version, no
 * event: `unchanged`); else check, update (`updateLocked`), carry on (`then`) and record the row's UPDATED event with
 * its states before and after. Answers the row as stored.
 */
export async function updateAtVersion<R extends Row, C extends object, K extends string, T>(
  { tx, record }: Pick<WriteScope, 'tx' | 'record'>,
  u: VersionedUpdate<R, C, K, T>,
): Promise<R> {
  const before = await lockAtVersion(tx, u.rows.find, u.id, u.expectedVersion, u.what, u.admit);
  const changes = typeof u.changes === 'function' ? u.changes(before) : u.changes;
  // Read before they are replaced: both states carry a replaced list, so only a real change shows.
  const links = u.links ? await replacedLinks(...u.links) : { before: {}, after: {} };
  if (unchanged(before, changes) && unchanged(links.before, links.after)) return before;
  await u.check?.(before, changes);
  const after = await updateLocked(tx, u.rows.updateIfVersion, before, changes);
  const done = (await u.then?.(after, before)) as T;
  const snapshot = u.snapshot ?? withoutTimestamps;
  await record(
    rowUpdated(
      typeof u.event === 'function' ? u.event(before, after) : u.event,
      after,
      { ...snapshot(before), ...links.before },
      { ...snapshot(after), ...links.after },
      u.scope?.(after, done),
    ),
  );
  return after;
}

/**
 * The recorded upsert of a record keyed by other columns than its id (a person's attendance at a meeting, a need's
 * target for an indicator): reads the record as stored (`find`), writes it (`upsert`) and records `event` with both
 * states, the entity named by the key's parts joined with ':' (`rowUpserted`). When a stored record already holds
 * every one of `values` (what the upsert sets, but for who set it), answers it as it is: no new version, no event.
 * Answers the record as stored.
 */
export async function upsertAtKey<R extends { version: number }>(
  record: WriteScope['record'],
  event: EventRef,
  key: readonly string[],
  scope: ChangeInput['scope'],
  rows: { find: () => Promise<R | undefined>; upsert: () => Promise<R>; values: object },
): Promise<R> {
  const before = await rows.find();
  if (before && unchanged(before, rows.values)) return before;
  const after = await rows.upsert();
  await record(rowUpserted(event, key.join(':'), after.version, { before, after }, scope));
  return after;
}
