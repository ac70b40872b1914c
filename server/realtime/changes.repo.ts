import { and, asc, eq, gt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { changeEvents, type ChangeEventRow } from './changes.table.js';

export type NewChangeEvent = typeof changeEvents.$inferInsert;

/** Appends one change event and returns it with its id. */
export async function insertChangeEvent(tx: Db, event: NewChangeEvent): Promise<ChangeEventRow> {
  const [row] = await tx.insert(changeEvents).values(event).returning();
  if (!row) throw new Error('change event insert returned nothing');
  return row;
}

/** One event by id (the bus loads each notified event once). */
export async function findChangeEvent(db: Db, id: number): Promise<ChangeEventRow | undefined> {
  const [row] = await db.select().from(changeEvents).where(eq(changeEvents.id, id));
  return row;
}

/** Events after an id, oldest first (catch-up after the LISTEN connection was lost). */
export async function listChangeEventsAfter(db: Db, afterId: number, limit: number): Promise<ChangeEventRow[]> {
  return db.select().from(changeEvents).where(gt(changeEvents.id, afterId)).orderBy(asc(changeEvents.id)).limit(limit);
}

/** The newest event id, 0 when there is none. */
export async function latestChangeEventId(db: Db): Promise<number> {
  const [row] = await db.select({ max: sql<string | null>`max(${changeEvents.id})` }).from(changeEvents);
  return Number(row?.max ?? 0);
}

/** Publishes an event id on a channel; inside a transaction it is delivered only on COMMIT. */
export async function notify(tx: Db, channel: string, payload: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/**
 * Events of one entity and of everything scoped to it (e.g. a need and its
 * responsibilities, actions and comments: `scope.needId`), oldest first,
 * optionally only those at or before `upTo` (the "as of" moment).
 */
export async function listChangeEventsOfEntityTree(
  db: Db,
  opts: { entityType: string; entityId: string; scopeKey: string; upTo?: Date | null; limit?: number },
): Promise<ChangeEventRow[]> {
  const own = and(eq(changeEvents.entityType, opts.entityType), eq(changeEvents.entityId, opts.entityId));
  // The key is written into the SQL (not a parameter) so the expression indexes on scope->>'needId' etc. apply.
  if (!/^[A-Za-z]+$/.test(opts.scopeKey)) throw new Error(`invalid scope key ${opts.scopeKey}`);
  const scoped = sql`${changeEvents.scope}->>${sql.raw(`'${opts.scopeKey}'`)} = ${opts.entityId}`;
  return db
    .select()
    .from(changeEvents)
    .where(and(or(own, scoped), opts.upTo ? lte(changeEvents.at, opts.upTo) : undefined))
    .orderBy(asc(changeEvents.id))
    .limit(opts.limit ?? 10_000);
}

/** Events of one entity, oldest first, optionally only those at or before `upTo` (an "as of" of a single record). */
export async function listChangeEventsOfEntity(
  db: Db,
  opts: { entityType: string; entityId: string; upTo?: Date | null },
): Promise<ChangeEventRow[]> {
  return db
    .select()
    .from(changeEvents)
    .where(
      and(
        eq(changeEvents.entityType, opts.entityType),
        eq(changeEvents.entityId, opts.entityId),
        opts.upTo ? lte(changeEvents.at, opts.upTo) : undefined,
      ),
    )
    .orderBy(asc(changeEvents.id));
}
