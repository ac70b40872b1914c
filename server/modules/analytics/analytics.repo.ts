import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeEvents, type ChangeEventRow } from '../../realtime/changes.table.js';
import { disclosures, type DisclosureRow } from './analytics.table.js';

export type NewDisclosure = typeof disclosures.$inferInsert;

/** Appends disclosure records (one statement for a group of requests). */
export async function insertDisclosures(db: Db, rows: NewDisclosure[]): Promise<void> {
  await db.insert(disclosures).values(rows);
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
export function listDisclosures(
  db: Db,
  f: DisclosureFilter,
  beforeId: number | undefined,
  limit: number,
): Promise<DisclosureRow[]> {
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
  /** A person's changes (an acting user) or the server's own (none). */
  author?: 'PERSON' | 'SYSTEM';
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
    f.author === 'PERSON' ? isNotNull(changeEvents.actorUserId) : undefined,
    f.author === 'SYSTEM' ? isNull(changeEvents.actorUserId) : undefined,
    after ? sql`(${changeEvents.txId}, ${changeEvents.id}) > (${after.txId}::xid8, ${after.id})` : undefined,
    // Only transactions older than every one still running: nothing can commit before them any more.
    sql`${changeEvents.txId} < pg_snapshot_xmin(pg_current_snapshot())`,
  );
}

/** An event's columns; without its snapshots (`before`, `after` read as null) when a page does not show them. */
function eventColumns(snapshots: boolean) {
  const all = getTableColumns(changeEvents);
  return snapshots ? all : { ...all, before: sql<unknown>`null`.as('before'), after: sql<unknown>`null`.as('after') };
}

/** Which columns a page reads: `snapshots: false` leaves out `before` and `after` (the bulk of a row). */
export interface ReadColumns {
  snapshots: boolean;
}

/** A page of events that matches `where`, in `order`, at most `limit`, with the columns asked for. */
const pageOfEvents = (db: Db, columns: ReadColumns, where: SQL | undefined, order: SQL[], limit: number) =>
  db
    .select(eventColumns(columns.snapshots))
    .from(changeEvents)
    .where(where)
    .orderBy(...order)
    .limit(limit);

/**
 * The unfiltered feed page (what a full sync reads, page after page) as prepared statements, with and
 * without snapshots: the statement is built once per database, planned once per connection (issue 10).
 */
export function prepareFeedPages(db: Db) {
  const build = (snapshots: boolean) =>
    db
      .select(eventColumns(snapshots))
      .from(changeEvents)
      .where(
        and(
          sql`(${changeEvents.txId}, ${changeEvents.id}) > (${sql.placeholder('txId')}::xid8, ${sql.placeholder('id')}::bigint)`,
          sql`${changeEvents.txId} < pg_snapshot_xmin(pg_current_snapshot())`,
        ),
      )
      .orderBy(asc(changeEvents.txId), asc(changeEvents.id))
      .limit(sql.placeholder('limit'))
      .prepare(snapshots ? 'changes_feed_page' : 'changes_feed_page_lean');
  const full = build(true);
  const lean = build(false);
  /** Events after a position (from the start without one), oldest first, at most `limit`. */
  return (after: FeedPosition | undefined, limit: number, columns: ReadColumns): Promise<ChangeEventRow[]> =>
    // No transaction has id 0, so (0, 0) is before every event.
    (columns.snapshots ? full : lean).execute({ txId: after?.txId ?? '0', id: after?.id ?? 0, limit }) as Promise<
      ChangeEventRow[]
    >;
}

/** Change events in commit-safe order (transaction, then id), after a position. */
export function listChanges(
  db: Db,
  f: ChangeFilter,
  after: FeedPosition | undefined,
  limit: number,
  columns: ReadColumns = { snapshots: true },
): Promise<ChangeEventRow[]> {
  return pageOfEvents(db, columns, changeWhere(f, after), [asc(changeEvents.txId), asc(changeEvents.id)], limit);
}

/** A place in the newest-first reading: the event's time (to the millisecond), then its id. */
export interface TimePosition {
  atMs: number;
  id: number;
}

/** The event's time to the millisecond (what a cursor can hold), for ordering and comparing alike. */
const atMs = sql<number>`floor(extract(epoch from ${changeEvents.at}) * 1000)::bigint`;

/** Change events newest first by their time (then id), before a position: for reading, not for syncing. */
export async function listChangesNewestFirst(
  db: Db,
  f: ChangeFilter,
  before: TimePosition | undefined,
  limit: number,
  columns: ReadColumns = { snapshots: true },
): Promise<ChangeEventRow[]> {
  const where = and(
    changeWhere(f),
    before ? sql`(${atMs}, ${changeEvents.id}) < (${before.atMs}::bigint, ${before.id})` : undefined,
  );
  return pageOfEvents(db, columns, where, [desc(atMs), desc(changeEvents.id)], limit);
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
        sql`jsonb_exists_any(${changeEvents.after}, array[${sql.join(
          TITLE_KEYS.map((k) => sql`${k}`),
          sql`, `,
        )}]::text[])`,
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
