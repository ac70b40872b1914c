import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeEvents } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import type { NeedFilter } from './needs.inputs.js';
import { filterSql, visibleSql, type Visibility } from './needs.repo.js';
import { SUPPRESSION_THRESHOLD } from './needs.privacy.js';
import { needActions, serviceNeeds } from './needs.table.js';

/** A dimension of `needStatistics` (contract `NeedDimension`). */
export const NEED_DIMENSIONS = ['STATUS', 'THEME', 'MUNICIPALITY', 'TARGET_GROUP', 'PRIORITY'] as const;
export type NeedDimension = (typeof NEED_DIMENSIONS)[number];

/** The value of a need without a priority, theme, municipality or target group. */
export const UNSET = 'UNSET';

/** One value per need, or (for the array columns) one row per element, `UNSET` for an empty array. */
const DIMENSION_SQL: Record<NeedDimension, SQL> = {
  STATUS: sql`select ${serviceNeeds.status}`,
  PRIORITY: sql`select coalesce(${serviceNeeds.priority}, ${UNSET})`,
  THEME: sql`select unnest(case when cardinality(${serviceNeeds.themeCodes}) = 0 then array[${UNSET}]::text[] else ${serviceNeeds.themeCodes} end)`,
  TARGET_GROUP: sql`select unnest(case when cardinality(${serviceNeeds.targetGroups}) = 0 then array[${UNSET}]::text[] else ${serviceNeeds.targetGroups} end)`,
  MUNICIPALITY: sql`select unnest(case when cardinality(${serviceNeeds.municipalityIds}) = 0 then array[${UNSET}]::text[] else ${serviceNeeds.municipalityIds}::text[] end)`,
};

/** drizzle's `execute` answers `{ rows }` on both drivers. */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const where = (visibility: Visibility, filter?: NeedFilter | null) =>
  and(visibleSql(visibility), ...filterSql(filter)) ?? sql`true`;
/** The lateral joins, key columns and grouping for the dimensions, in order. */
function dimensionJoins(groupBy: readonly NeedDimension[]) {
  const joins = groupBy.map((d, i) => sql` cross join lateral (${DIMENSION_SQL[d]}) as ${sql.raw(`d${i}`)}(v)`);
  const keys = groupBy.map((_, i) => sql.raw(`d${i}.v`));
  const keyList = keys.length
    ? sql`${sql.join(
        groupBy.map((_, i) => sql.raw(`d${i}.v as k${i}`)),
        sql`, `,
      )}, `
    : sql``;
  // The groups' order is the contract's (by each dimension's own order, needs.statistics.ts), not the keys' text.
  const grouping = keys.length ? sql` group by ${sql.join(keys, sql`, `)}` : sql``;
  return { joins: sql.join(joins, sql``), keyList, grouping };
}
/** The stored estimate when it may count towards a sum (never one under the threshold). */
const publicEstimate = sql`case when ${serviceNeeds.estimatedResidents} >= ${SUPPRESSION_THRESHOLD} then ${serviceNeeds.estimatedResidents} end`;

export interface NeedStatisticsRaw {
  keys: string[];
  count: number;
  /** Sum of the estimates of 5 or more; the caller suppresses a sum under 5. */
  residents: number | null;
}

/** What a statistics query counts: the needs the caller may see under the filter, grouped by the dimensions. */
export interface NeedStatisticsQuery {
  visibility: Visibility;
  filter?: NeedFilter | null;
  groupBy: readonly NeedDimension[];
}

/** A group's keys (`k0`, `k1`, ...), count (`n`) and residents from a row of a statistics query. */
const groupOf = (r: Record<string, unknown>, groupBy: readonly NeedDimension[]): NeedStatisticsRaw => ({
  keys: groupBy.map((_, i) => String(r[`k${i}`])),
  count: Number(r.n),
  residents: r.residents == null ? null : Number(r.residents),
});

/** Needs counted by any combination of dimensions, in SQL, over the needs the caller may see. */
export async function countNeedsByDimensions(db: Db, opts: NeedStatisticsQuery): Promise<NeedStatisticsRaw[]> {
  const { joins, keyList, grouping } = dimensionJoins(opts.groupBy);
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select ${keyList}count(*)::int as n, sum(${publicEstimate})::bigint as residents
        from ${serviceNeeds}${joins}
        where ${where(opts.visibility, opts.filter)}${grouping}`,
  );
  return rows.map((r) => groupOf(r, opts.groupBy)).filter((r) => r.count > 0);
}

export interface ResolutionRaw extends NeedStatisticsRaw {
  medianDays: number | null;
  averageDays: number | null;
}

/** Days from creation to the first move to RESOLVED (from the change events), per group. */
export async function resolutionTimes(db: Db, opts: NeedStatisticsQuery): Promise<ResolutionRaw[]> {
  const { joins, keyList, grouping } = dimensionJoins(opts.groupBy);
  // The predicate matches change_events_resolved_idx (a partial index).
  const resolved = sql`select ${changeEvents.entityId} as need_id, min(${changeEvents.at}) as at from ${changeEvents}
    where ${changeEvents.name} = ${sql.raw(`'${EVENTS.needTransitioned.name}'`)} and (${changeEvents.after}->>'status') = 'RESOLVED'
    group by ${changeEvents.entityId}`;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with resolved as (${resolved})
        select ${keyList}count(*)::int as n, sum(${publicEstimate})::bigint as residents,
          percentile_cont(0.5) within group (order by t.days) as median, avg(t.days) as average
        from ${serviceNeeds}
          join resolved on resolved.need_id = ${serviceNeeds.id}::text
          cross join lateral (select extract(epoch from (resolved.at - ${serviceNeeds.createdAt})) / 86400.0 as days) as t${joins}
        where ${where(opts.visibility, opts.filter)}${grouping}`,
  );
  /** Days to one decimal, null for a group without any. */
  const days = (v: unknown) => (v == null ? null : Math.round(Number(v) * 10) / 10);
  return rows.map((r) => ({ ...groupOf(r, opts.groupBy), medianDays: days(r.median), averageDays: days(r.average) }));
}

/** One party's actions counted by status, and those overdue (what the statistics model carries on as well). */
export interface ActionCounts {
  partyId: string;
  total: number;
  planned: number;
  inProgress: number;
  done: number;
  cancelled: number;
  overdue: number;
}

/** A party's action counts with the needs they belong to and those needs' residents (a sum under 5 is suppressed later). */
export interface ActionStatisticsRaw extends ActionCounts {
  needs: number;
  residents: number | null;
}

/** Actions per owner party over the needs the caller may see; `today` decides what is overdue. */
export async function actionsByParty(
  db: Db,
  opts: { visibility: Visibility; filter?: NeedFilter | null; today: string },
): Promise<ActionStatisticsRaw[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`with a as (
          select ${needActions.ownerPartyId} as party_id, ${needActions.needId} as need_id, ${needActions.status} as status,
            ${needActions.dueDate} as due_date, ${publicEstimate} as residents
          from ${needActions} join ${serviceNeeds} on ${serviceNeeds.id} = ${needActions.needId}
          where ${where(opts.visibility, opts.filter)}
        ),
        per_need as (select distinct party_id, need_id, residents from a)
        select c.*, r.residents, r.needs from (
          select party_id, count(*)::int as total,
            count(*) filter (where status = 'PLANNED')::int as planned,
            count(*) filter (where status = 'IN_PROGRESS')::int as in_progress,
            count(*) filter (where status = 'DONE')::int as done,
            count(*) filter (where status = 'CANCELLED')::int as cancelled,
            count(*) filter (where due_date < ${opts.today}::date and status not in ('DONE', 'CANCELLED'))::int as overdue
          from a group by party_id
        ) c join (select party_id, count(*)::int as needs, sum(residents)::bigint as residents from per_need group by party_id) r using (party_id)`,
  );
  return rows.map((r) => ({
    partyId: String(r.party_id),
    total: Number(r.total),
    planned: Number(r.planned),
    inProgress: Number(r.in_progress),
    done: Number(r.done),
    cancelled: Number(r.cancelled),
    overdue: Number(r.overdue),
    needs: Number(r.needs),
    residents: r.residents == null ? null : Number(r.residents),
  }));
}
