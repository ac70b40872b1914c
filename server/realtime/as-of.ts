import type { Db } from '../db/client.js';
import { badInput } from '../errors.js';
import type { ChangeEventRow } from './changes.table.js';
import { listChangeEventsOfEntityTree } from './changes.repo.js';

/** Which entity a past state is rebuilt for, and the scope key its children's events carry its id under. */
export interface EntityTree {
  entityType: string;
  entityId: string;
  scopeKey: string;
}

/**
 * The moment `asOf` names (BAD_USER_INPUT when it is not a date and time) and the events of the entity
 * and its children up to then, oldest first: what a read "as it stood then" is rebuilt from. With
 * `later`, the events after the moment too (their `before` is how a row stood then when it has no
 * earlier event).
 */
export async function eventsAsOf(
  db: Db,
  asOf: Date | string,
  tree: EntityTree,
  opts: { later?: boolean } = {},
): Promise<{ at: Date; events: ChangeEventRow[] }> {
  const at = new Date(asOf);
  if (Number.isNaN(at.getTime())) throw badInput({ asOf: 'Expected a date and time' });
  return { at, events: await listChangeEventsOfEntityTree(db, { ...tree, upTo: opts.later ? null : at }) };
}
