import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeEvents, type ChangeEventRow } from '../../realtime/changes.table.js';
import { disclosures, type DisclosureRow } from './analytics.table.js';

/** Appends one disclosure record. */
export async function insertDisclosure(db: Db, row: typeof disclosures.$inferInsert): Promise<void> {
  await db.insert(disclosures).values(row);
}

export interface DisclosureFilter {
  userId?: string;
  apiTokenId?: string;
}

function disclosureWhere(f: DisclosureFilter, beforeId?: number): SQL | undefined {
  return and(
    f.userId ? eq(disclosures.userId, f.userId) : undefined,
    f.apiTokenId ? eq(disclosures.apiTokenId, f.apiTokenId) : undefined,
    beforeId !== undefined ? lt(disclosures.id, beforeId) : undefined,
  );
}

/** Disclosures newest first, before a cursor id. */
export function listDisclosures(db: Db, f: DisclosureFilter, beforeId: number | undefined, limit: number): Promise<DisclosureRow[]> {
  return db.select().from(disclosures).where(disclosureWhere(f, beforeId)).orderBy(desc(disclosures.id)).limit(limit);
}

export async function countDisclosures(db: Db, f: DisclosureFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(disclosures).where(disclosureWhere(f));
  return Number(row?.n ?? 0);
}

export interface ChangeFilter {
  entityType?: string;
  /** Only these entity types (the ones a caller reads wholesale). */
  entityTypes?: string[];
  entityId?: string;
}

/** A place in the feed: the writing transaction, then the event id. */
export interface FeedPosition {
  txId: string;
  id: number;
}

function changeWhere(f: ChangeFilter, after?: FeedPosition): SQL | undefined {
  return and(
    f.entityType ? eq(changeEvents.entityType, f.entityType) : undefined,
    f.entityTypes ? inArray(changeEvents.entityType, f.entityTypes.length ? f.entityTypes : ['']) : undefined,
    f.entityId ? eq(changeEvents.entityId, f.entityId) : undefined,
    after ? sql`(${changeEvents.txId}, ${changeEvents.id}) > (${after.txId}::xid8, ${after.id})` : undefined,
    // Only transactions older than every one still running: nothing can commit before them any more.
    sql`${changeEvents.txId} < pg_snapshot_xmin(pg_current_snapshot())`,
  );
}

/** Change events in commit-safe order (transaction, then id), after a position. */
export function listChanges(db: Db, f: ChangeFilter, after: FeedPosition | undefined, limit: number): Promise<ChangeEventRow[]> {
  return db
    .select()
    .from(changeEvents)
    .where(changeWhere(f, after))
    .orderBy(asc(changeEvents.txId), asc(changeEvents.id))
    .limit(limit);
}

/** A place in the newest-first reading: the event's time (to the millisecond), then its id. */
export interface TimePosition {
  atMs: number;
  id: number;
}

/** The event's time to the millisecond (what a cursor can hold), for ordering and comparing alike. */
const atMs = sql<number>`floor(extract(epoch from ${changeEvents.at}) * 1000)::bigint`;

/** Change events newest first by their time (then id), before a position: for reading, not for syncing. */
export async function listChangesNewestFirst(db: Db, f: ChangeFilter, before: TimePosition | undefined, limit: number): Promise<ChangeEventRow[]> {
  return db
    .select()
    .from(changeEvents)
    .where(and(changeWhere(f), before ? sql`(${atMs}, ${changeEvents.id}) < (${before.atMs}::bigint, ${before.id})` : undefined))
    .orderBy(desc(atMs), desc(changeEvents.id))
    .limit(limit);
}

/** Snapshot keys that name a record. */
export const TITLE_KEYS = ['title', 'titles', 'name', 'names', 'displayName'];

/** Events of these records (`<type>:<id>`) whose after-snapshot names the record, newest first. */
export function listTitledChanges(db: Db, keys: readonly string[]): Promise<ChangeEventRow[]> {
  const pairs = keys.map((k) => {
    const at = k.indexOf(':');
    return sql`(${k.slice(0, at)}, ${k.slice(at + 1)})`;
  });
  return db
    .select()
    .from(changeEvents)
    .where(
      and(
        sql`(${changeEvents.entityType}, ${changeEvents.entityId}) in (${sql.join(pairs, sql`, `)})`,
        sql`jsonb_exists_any(${changeEvents.after}, array[${sql.join(TITLE_KEYS.map((k) => sql`${k}`), sql`, `)}]::text[])`,
      ),
    )
    .orderBy(desc(changeEvents.id));
}

/** Matching events counted per entity type. */
export async function countChangesByType(db: Db, f: ChangeFilter): Promise<Map<string, number>> {
  const rows = await db
    .select({ type: changeEvents.entityType, n: count() })
    .from(changeEvents)
    .where(changeWhere(f))
    .groupBy(changeEvents.entityType);
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}

export async function countChanges(db: Db, f: ChangeFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(changeEvents).where(changeWhere(f));
  return Number(row?.n ?? 0);
}
