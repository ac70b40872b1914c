import { and, asc, count, desc, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
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
  /** Only events at least this old (ms), so that a resumed sync never skips a late commit. */
  settleMs: number;
}

function changeWhere(f: ChangeFilter, afterId?: number): SQL | undefined {
  return and(
    f.entityType ? eq(changeEvents.entityType, f.entityType) : undefined,
    f.entityTypes ? inArray(changeEvents.entityType, f.entityTypes.length ? f.entityTypes : ['']) : undefined,
    f.entityId ? eq(changeEvents.entityId, f.entityId) : undefined,
    afterId !== undefined ? gt(changeEvents.id, afterId) : undefined,
    f.settleMs > 0 ? lt(changeEvents.at, sql`now() - make_interval(secs => ${f.settleMs / 1000})`) : undefined,
  );
}

/** Change events oldest first, after a cursor id. */
export function listChanges(db: Db, f: ChangeFilter, afterId: number | undefined, limit: number): Promise<ChangeEventRow[]> {
  return db.select().from(changeEvents).where(changeWhere(f, afterId)).orderBy(asc(changeEvents.id)).limit(limit);
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
