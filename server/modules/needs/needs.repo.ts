import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { keysetAfter, keysetKey, keysetOrder, type SortKey } from '../../lib/connection.js';
import type { Db } from '../../db/client.js';
import { findOne, listWhereIn, recordRows, upsertReplacing, versionedRows } from '../../lib/rows.js';
import { agendaItems } from '../meetings/meetings.table.js';
import { parties } from '../parties/parties.table.js';
import type { NeedFilter } from './needs.inputs.js';
import {
  needActions,
  needComments,
  needResponsibilities,
  serviceNeeds,
  type ActionRow,
  type ServiceNeedRow,
} from './needs.table.js';

export type NewResponsibility = typeof needResponsibilities.$inferInsert;

/**
 * Which needs a caller may see, as SQL: everything, or those owned by one of
 * `bodyIds` and those that concern `partyId` (municipality, other party, or a
 * responsibility). Must say the same as needsPolicy.read.
 */
export type Visibility = { all: true } | { all: false; bodyIds: readonly string[]; partyId: string | null };

const uuidArray = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;
const textArray = (v: readonly string[]) =>
  sql`array[${sql.join(
    v.map((i) => sql`${i}`),
    sql`, `,
  )}]::text[]`;

export function visibleSql(v: Visibility): SQL | undefined {
  if (v.all) return undefined;
  const parts: SQL[] = [];
  if (v.bodyIds.length) parts.push(inArray(serviceNeeds.ownerBodyId, [...v.bodyIds]));
  if (v.partyId) {
    const p = v.partyId;
    parts.push(sql`${serviceNeeds.municipalityIds} @> ${uuidArray([p])}`);
    parts.push(sql`${serviceNeeds.partyIds} @> ${uuidArray([p])}`);
    parts.push(sql`exists (select 1 from ${needResponsibilities} r where r.need_id = ${serviceNeeds.id} and r.party_id = ${p})`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export function filterSql(f: NeedFilter | null | undefined): SQL[] {
  if (!f) return [];
  const where: SQL[] = [];
  if (f.status?.length) where.push(inArray(serviceNeeds.status, f.status));
  if (f.priority?.length) where.push(inArray(serviceNeeds.priority, f.priority));
  if (f.themeCodes?.length) where.push(sql`${serviceNeeds.themeCodes} && ${textArray(f.themeCodes)}`);
  if (f.targetGroups?.length) where.push(sql`${serviceNeeds.targetGroups} && ${textArray(f.targetGroups)}`);
  if (f.municipalityIds?.length) where.push(sql`${serviceNeeds.municipalityIds} && ${uuidArray(f.municipalityIds)}`);
  if (f.ownerBodyId) where.push(eq(serviceNeeds.ownerBodyId, f.ownerBodyId));
  if (f.responsiblePartyId || f.responsibleRole) {
    const conds: SQL[] = [sql`r.need_id = ${serviceNeeds.id}`];
    if (f.responsiblePartyId) conds.push(sql`r.party_id = ${f.responsiblePartyId}`);
    if (f.responsibleRole) conds.push(sql`r.role = ${f.responsibleRole}`);
    where.push(sql`exists (select 1 from ${needResponsibilities} r where ${sql.join(conds, sql` and `)})`);
  }
  if (f.withoutLead) {
    where.push(
      sql`not exists (select 1 from ${needResponsibilities} r where r.need_id = ${serviceNeeds.id} and r.role = 'LEAD')`,
    );
  }
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${serviceNeeds.title} ilike ${like} or coalesce(${serviceNeeds.summary}, '') ilike ${like})`);
  }
  return where;
}

const PRIORITY_RANK = sql`case ${serviceNeeds.priority} when 'CRITICAL' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2 when 'LOW' then 1 else 0 end`;
const STATUS_RANK = sql`array_position(array['IDENTIFIED','UNDER_ANALYSIS','AGREED','IN_PROGRESS','MONITORING','RESOLVED','ESCALATED','REJECTED']::text[], ${serviceNeeds.status})`;

/**
 * The register's orders as keyset keys, each total (id last) and never null: a page continues strictly
 * after its cursor's row, whatever was inserted or deleted before it. A status outside the list sorts last.
 */
const updated = { expr: serviceNeeds.updatedAt, type: 'timestamptz', desc: true } as const;
const byId = { expr: serviceNeeds.id, type: 'uuid' } as const;
export const NEED_KEYS: Record<string, readonly SortKey[]> = {
  UPDATED_DESC: [updated, byId],
  CREATED_DESC: [{ expr: serviceNeeds.createdAt, type: 'timestamptz', desc: true }, byId],
  TITLE_ASC: [{ expr: sql`lower(${serviceNeeds.title})`, type: 'text' }, byId],
  PRIORITY_DESC: [{ expr: PRIORITY_RANK, type: 'integer', desc: true }, updated, byId],
  STATUS: [{ expr: sql`coalesce(${STATUS_RANK}, 99)`, type: 'integer' }, updated, byId],
};

/** A need with its cursor's key values (`keysetKey`). */
export type KeyedNeed = { row: ServiceNeedRow; key: string };

/** A page of the needs a caller may see, filtered and sorted; `limit` rows strictly after the row whose key values are `after`. */
export function listNeeds(
  db: Db,
  opts: { visibility: Visibility; filter?: NeedFilter | null; sort: string; after?: readonly string[]; limit: number },
): Promise<KeyedNeed[]> {
  const keys = NEED_KEYS[opts.sort] ?? NEED_KEYS.UPDATED_DESC!;
  const where = and(
    visibleSql(opts.visibility),
    ...filterSql(opts.filter),
    opts.after ? keysetAfter(keys, opts.after) : undefined,
  );
  return db
    .select({ row: serviceNeeds, key: keysetKey(keys) })
    .from(serviceNeeds)
    .where(where)
    .orderBy(...keysetOrder(keys))
    .limit(opts.limit);
}

/**
 * The register's page without filters in its default order (what the web client opens with) as
 * prepared statements (the first page, and a page after a cursor), the caller's visibility as
 * parameters (issue 10). Says what visibleSql says.
 */
export function prepareRegisterPage(db: Db) {
  const party = sql`${sql.placeholder('partyId')}::uuid`;
  const keys = NEED_KEYS.UPDATED_DESC!;
  const visible = sql`(${sql.placeholder('all')}::boolean
        or ${serviceNeeds.ownerBodyId} = any(${sql.placeholder('bodyIds')}::uuid[])
        or (${party} is not null and (${serviceNeeds.municipalityIds} @> array[${party}] or ${serviceNeeds.partyIds} @> array[${party}]
            or exists (select 1 from ${needResponsibilities} r where r.need_id = ${serviceNeeds.id} and r.party_id = ${party}))))`;
  const prepare = (name: string, after?: SQL) =>
    db
      .select({ row: serviceNeeds, key: keysetKey(keys) })
      .from(serviceNeeds)
      .where(after ? and(visible, after) : visible)
      .orderBy(...keysetOrder(keys))
      .limit(sql.placeholder('limit'))
      .prepare(name);
  const first = prepare('register_page');
  const next = prepare(
    'register_page_after',
    keysetAfter(
      keys,
      keys.map((_, i) => sql.placeholder(`after${i}`)),
    ),
  );
  /** `limit` needs that the visibility lets through, strictly after the row whose key values are `after`. */
  return (v: Visibility, after: readonly string[] | undefined, limit: number): Promise<KeyedNeed[]> => {
    const params = {
      // Text forms that both drivers pass as they are (ids are UUIDs: nothing to quote).
      all: v.all ? 'true' : 'false',
      bodyIds: v.all ? '{}' : `{${v.bodyIds.join(',')}}`,
      partyId: v.all ? null : v.partyId,
      limit,
    };
    return after
      ? next.execute({ ...params, ...Object.fromEntries(after.map((value, i) => [`after${i}`, value])) })
      : first.execute(params);
  };
}

/** How many needs the caller may see under the filter. */
export async function countNeeds(db: Db, opts: { visibility: Visibility; filter?: NeedFilter | null }): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(serviceNeeds)
    .where(and(visibleSql(opts.visibility), ...filterSql(opts.filter)));
  return Number(row?.n ?? 0);
}

/** Needs: one by id (locked for update inside a write), by ids, inserts and versioned changes (lib/rows.ts). */
export const needRows = versionedRows(serviceNeeds, 'need');

/** The ids of the needs a body owns (what a seat in it lets its holder read), in the caller's transaction. */
export async function needIdsOwnedBy(db: Db, bodyId: string): Promise<string[]> {
  const rows = await db.select({ id: serviceNeeds.id }).from(serviceNeeds).where(eq(serviceNeeds.ownerBodyId, bodyId));
  return rows.map((r) => r.id);
}

/** Marks a need as touched (its responsibilities or actions changed) without changing its version. */
export async function touchNeed(
  tx: Db,
  id: string,
  provenance?: ServiceNeedRow['fieldProvenance'],
): Promise<ServiceNeedRow | undefined> {
  const [row] = await tx
    .update(serviceNeeds)
    .set({ updatedAt: sql`now()`, ...(provenance ? { fieldProvenance: provenance } : {}) })
    .where(eq(serviceNeeds.id, id))
    .returning();
  return row;
}

// ---- responsibilities ----

/** Responsibilities of several needs, lead first (for DataLoader). */
export const listResponsibilities = (db: Db, needIds: readonly string[]) =>
  listWhereIn(
    db,
    needResponsibilities,
    needResponsibilities.needId,
    needIds,
    asc(needResponsibilities.needId),
    asc(sql`case ${needResponsibilities.role} when 'LEAD' then 1 when 'CONTRIBUTOR' then 2 else 3 end`),
    asc(needResponsibilities.createdAt),
  );

/** One party's responsibility for a need, locked for update. */
export const findResponsibilityForUpdate = (tx: Db, needId: string, partyId: string) =>
  findOne(tx, needResponsibilities, and(eq(needResponsibilities.needId, needId), eq(needResponsibilities.partyId, partyId)), {
    forUpdate: true,
  });

/** Sets a party's responsibility (insert, or replace with version + 1). */
export const upsertResponsibility = upsertReplacing(needResponsibilities, 'responsibility', {
  on: [needResponsibilities.needId, needResponsibilities.partyId],
  replace: ['role', 'description', 'updatedByUserId'],
});

/** Inserts responsibilities (seed). */
export async function insertResponsibilities(tx: Db, rows: NewResponsibility[]): Promise<void> {
  if (rows.length) await tx.insert(needResponsibilities).values(rows);
}

// ---- actions ----

/** Actions of several needs, by due date (for DataLoader). */
export const listActions = (db: Db, needIds: readonly string[]) =>
  listWhereIn(
    db,
    needActions,
    needActions.needId,
    needIds,
    asc(needActions.needId),
    sql`${needActions.dueDate} asc nulls last`,
    asc(needActions.createdAt),
  );

/** A party's actions across the needs the caller may see, by due date. */
export function listActionsOfParty(
  db: Db,
  partyId: string,
  visibility: Visibility,
  statuses?: readonly string[] | null,
): Promise<ActionRow[]> {
  return db
    .select({ action: needActions })
    .from(needActions)
    .innerJoin(serviceNeeds, eq(serviceNeeds.id, needActions.needId))
    .where(
      and(
        eq(needActions.ownerPartyId, partyId),
        visibleSql(visibility),
        statuses?.length ? inArray(needActions.status, [...statuses]) : undefined,
      ),
    )
    .orderBy(sql`${needActions.dueDate} asc nulls last`, asc(needActions.createdAt))
    .limit(1000)
    .then((rows) => rows.map((r) => r.action));
}

/** What a write may change (`actionRows.updateIfVersion`). */
export type ActionChanges = Partial<Pick<ActionRow, 'title' | 'description' | 'dueDate' | 'status' | 'ownerPartyId'>>;

/** Actions: one by id (locked for update inside a write), by ids, inserts and versioned changes. */
export const actionRows = versionedRows<typeof needActions, ActionChanges>(needActions, 'action');

// ---- comments ----

/** Comments of several needs, oldest first (for DataLoader). */
export const listComments = (db: Db, needIds: readonly string[]) =>
  listWhereIn(db, needComments, needComments.needId, needIds, asc(needComments.needId), asc(needComments.createdAt));

/** Comments: one by id, and inserts. */
export const commentRows = recordRows(needComments, 'comment');

// ---- validation of references ----

/** The kind of each party among the ids (absent: no such party). */
export async function partyKinds(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: parties.id, kind: parties.kind })
    .from(parties)
    .where(inArray(parties.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.kind]));
}

/** True when the agenda item exists (an action may name the item whose decision created it). */
export async function agendaItemExists(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.id, id)).limit(1);
  return rows.length > 0;
}
