import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { badInput } from '../../errors.js';
import type { Db } from '../../db/client.js';
import { today } from '../../lib/dates.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import { partyOrder } from '../parties/parties.service.js';
import type { PartyRow } from '../parties/parties.table.js';
import { parseNeedFilter, PRIORITIES, TARGET_GROUPS, type NeedFilter } from './needs.inputs.js';
import { NEED_STATUSES } from './needs.lifecycle.js';
import { publicResidents } from './needs.privacy.js';
import * as repo from './needs.repo.js';
import type { NeedsService } from './needs.service.js';
import * as stats from './needs.statistics.repo.js';
import type { ActionRow, ResponsibilityRow, ServiceNeedRow } from './needs.table.js';

export { NEED_DIMENSIONS, UNSET, type NeedDimension } from './needs.statistics.repo.js';

/** One group of an aggregate over needs: the values of its dimensions, in `groupBy` order. */
export interface NeedGroupModel {
  keys: { dimension: stats.NeedDimension; value: string }[];
  count: number;
  /** Already suppressed: null when no estimate counts or the sum is under 5. */
  estimatedResidents: number | null;
}

/** A group of resolution times. */
export interface ResolutionTimeModel extends NeedGroupModel {
  medianDays: number | null;
  averageDays: number | null;
}

/** One party's actions in numbers. */
export interface ActionStatisticsModel extends stats.ActionCounts {
  completionRate: number | null;
  needs: number;
  estimatedResidents: number | null;
}

/** A need with what the export's columns show. */
export interface NeedExportRow {
  need: ServiceNeedRow;
  responsibilities: ResponsibilityRow[];
  actions: ActionRow[];
}

const EXPORT_BATCH = 500;

/** The dimensions to group by: each a known one, each once (a repeated one would only repeat its key). */
function parseGroupBy(groupBy: readonly unknown[]): stats.NeedDimension[] {
  const bad = groupBy.find((d) => !stats.NEED_DIMENSIONS.includes(d as stats.NeedDimension));
  if (bad !== undefined) throw badInput({ groupBy: `Unknown dimension: ${String(bad)}` });
  const twice = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (twice !== undefined) throw badInput({ groupBy: `Each dimension once: ${String(twice)} is given more than once` });
  return [...groupBy] as stats.NeedDimension[];
}

type Compare<T> = (a: T, b: T) => number;
const byText: Compare<string> = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Values in the order the contract declares its enum. */
const declared =
  (values: readonly string[]): Compare<string> =>
  (a, b) =>
    values.indexOf(a) - values.indexOf(b);
/** Parties in `partyOrder`; an id that is no party (none should be) after them, by id. */
const byParty =
  (parties: ReadonlyMap<string, PartyRow>): Compare<string> =>
  (a, b) => {
    const [pa, pb] = [parties.get(a), parties.get(b)];
    return pa && pb ? partyOrder(pa, pb) : Number(!pa) - Number(!pb) || byText(a, b);
  };
/** A dimension's order with `UNSET` (no value) last. */
const unsetLast =
  (compare: Compare<string>): Compare<string> =>
  (a, b) =>
    a === stats.UNSET || b === stats.UNSET ? Number(a === stats.UNSET) - Number(b === stats.UNSET) : compare(a, b);

/** The parties among `ids`, by id (through the request's loaders, which label the same keys). */
async function partiesOf(ids: Iterable<string>, loaders: Loaders): Promise<Map<string, PartyRow>> {
  const wanted = [...new Set(ids)].filter((id) => id !== stats.UNSET);
  const rows = await loaders.parties.partyById.loadMany(wanted);
  const found = new Map<string, PartyRow>();
  for (const row of rows) {
    if (row instanceof Error) throw row;
    if (row) found.set(row.id, row);
  }
  return found;
}

/**
 * The order of a dimension's values (the contract's `NeedDimension` says it): STATUS, PRIORITY and TARGET_GROUP as
 * their enums declare them (STATUS in lifecycle order), THEME by code, MUNICIPALITY in `partyOrder` (by official
 * code); `UNSET` last.
 */
async function dimensionOrder(dim: stats.NeedDimension, values: string[], loaders: Loaders): Promise<Compare<string>> {
  switch (dim) {
    case 'STATUS':
      return unsetLast(declared(NEED_STATUSES));
    case 'PRIORITY':
      return unsetLast(declared(PRIORITIES));
    case 'TARGET_GROUP':
      return unsetLast(declared(TARGET_GROUPS));
    case 'THEME':
      return unsetLast(byText);
    case 'MUNICIPALITY':
      return unsetLast(byParty(await partiesOf(values, loaders)));
  }
}

/** Groups ordered by their first dimension's value, then the next dimension's, and so on. */
async function inGroupOrder<R extends stats.NeedStatisticsRaw>(
  groupBy: stats.NeedDimension[],
  rows: R[],
  loaders: Loaders,
): Promise<R[]> {
  const orders = await Promise.all(
    groupBy.map((dim, i) =>
      dimensionOrder(
        dim,
        rows.map((r) => r.keys[i] ?? ''),
        loaders,
      ),
    ),
  );
  const compare: Compare<R> = (a, b) => {
    for (const [i, order] of orders.entries()) {
      const c = order(a.keys[i] ?? '', b.keys[i] ?? '');
      if (c !== 0) return c;
    }
    return 0;
  };
  return [...rows].sort(compare);
}

/**
 * Aggregates and exports over shared service needs. Every figure counts only
 * the needs the caller may read in the register (NeedsService.visibilityOf),
 * and every estimate of residents goes through needs.privacy.ts.
 */
export function createNeedsStatistics({ db }: ServiceDeps, needs: NeedsService) {
  /** A group as the API shows it: its keys named by dimension, its count and its estimate of residents suppressed. */
  const groupModel = (groupBy: stats.NeedDimension[], r: stats.NeedStatisticsRaw): NeedGroupModel => ({
    keys: groupBy.map((dimension, i) => ({ dimension, value: r.keys[i] ?? '' })),
    count: r.count,
    estimatedResidents: publicResidents(r.residents),
  });
  /**
   * A grouped aggregate as the API serves it: the caller's visibility, the parsed filter and the dimensions to
   * group by make the query; each row `aggregate` answers is the group's model, with what `extra` adds.
   */
  const grouped =
    <R extends stats.NeedStatisticsRaw, M extends NeedGroupModel>(
      aggregate: (db: Db, query: stats.NeedStatisticsQuery) => Promise<R[]>,
      extra: (r: R) => Omit<M, keyof NeedGroupModel>,
    ) =>
    async (actor: Actor, groupBy: readonly unknown[], rawFilter: unknown, loaders: Loaders): Promise<M[]> => {
      requireUser(actor);
      const dims = parseGroupBy(groupBy);
      const filter = await parseNeedFilter(db, rawFilter);
      const rows = await aggregate(db, { visibility: await needs.visibilityOf(actor, loaders), filter, groupBy: dims });
      return (await inGroupOrder(dims, rows, loaders)).map((r) => ({ ...groupModel(dims, r), ...extra(r) }) as M);
    };

  return {
    /** Needs counted by any combination of dimensions (computed in the database). */
    byDimensions: grouped<stats.NeedStatisticsRaw, NeedGroupModel>(stats.countNeedsByDimensions, () => ({})),

    /** Days from creation to RESOLVED per group (resolved needs only). */
    resolutionTimes: grouped<stats.ResolutionRaw, ResolutionTimeModel>(stats.resolutionTimes, (r) => ({
      medianDays: r.medianDays,
      averageDays: r.averageDays,
    })),

    /** Action completion and overdue actions per owner party, the parties in `partyOrder` (by official code). */
    async actionsByParty(actor: Actor, rawFilter: unknown, loaders: Loaders): Promise<ActionStatisticsModel[]> {
      requireUser(actor);
      const filter = await parseNeedFilter(db, rawFilter);
      const rows = await stats.actionsByParty(db, {
        visibility: await needs.visibilityOf(actor, loaders),
        filter,
        today: today(),
      });
      const order = byParty(
        await partiesOf(
          rows.map((r) => r.partyId),
          loaders,
        ),
      );
      return [...rows]
        .sort((a, b) => order(a.partyId, b.partyId))
        .map((r) => {
          const open = r.total - r.cancelled;
          return {
            ...r,
            completionRate: open > 0 ? Math.round((r.done / open) * 1000) / 1000 : null,
            estimatedResidents: publicResidents(r.residents),
          };
        });
    },

    /**
     * The register under a filter, in its default order, in batches (for the
     * CSV and Excel exports): a fixed number of queries per batch. The filter
     * comes parsed (`needFilterInput`, by the export, whose refusal names its
     * query parameters), so a bad one is refused before anything is sent.
     */
    async exportBatches(actor: Actor, filter: NeedFilter): Promise<AsyncGenerator<NeedExportRow[]>> {
      requireUser(actor);
      const visibility = await needs.visibilityOf(actor);
      return (async function* () {
        // Keyset batches: a need inserted or deleted meanwhile moves none of the others.
        let after: string[] | undefined;
        for (;;) {
          const keyed = await repo.listNeeds(db, { visibility, filter, sort: 'UPDATED_DESC', after, limit: EXPORT_BATCH });
          if (keyed.length === 0) return;
          after = JSON.parse(keyed[keyed.length - 1]!.key) as string[];
          const rows = keyed.map((k) => k.row);
          const ids = rows.map((r) => r.id);
          const [resp, actions] = await Promise.all([repo.listResponsibilities(db, ids), repo.listActions(db, ids)]);
          yield rows.map((need) => ({
            need,
            responsibilities: resp.filter((r) => r.needId === need.id),
            actions: actions.filter((a) => a.needId === need.id),
          }));
          if (rows.length < EXPORT_BATCH) return;
        }
      })();
    },
  };
}

export type NeedsStatistics = ReturnType<typeof createNeedsStatistics>;
