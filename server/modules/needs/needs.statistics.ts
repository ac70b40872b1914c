import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { badInput } from '../../errors.js';
import type { Db } from '../../db/client.js';
import { today } from '../../lib/dates.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import { parseNeedFilter, type NeedFilter } from './needs.inputs.js';
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

function parseGroupBy(groupBy: readonly unknown[]): stats.NeedDimension[] {
  const dims = [...new Set(groupBy)];
  const bad = dims.find((d) => !stats.NEED_DIMENSIONS.includes(d as stats.NeedDimension));
  if (bad !== undefined) throw badInput({ groupBy: `Unknown dimension: ${String(bad)}` });
  return dims as stats.NeedDimension[];
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
    async (actor: Actor, groupBy: readonly unknown[], rawFilter: unknown, loaders?: Loaders): Promise<M[]> => {
      requireUser(actor);
      const dims = parseGroupBy(groupBy);
      const filter = await parseNeedFilter(db, rawFilter);
      const rows = await aggregate(db, { visibility: await needs.visibilityOf(actor, loaders), filter, groupBy: dims });
      return rows.map((r) => ({ ...groupModel(dims, r), ...extra(r) }) as M);
    };

  return {
    /** Needs counted by any combination of dimensions (computed in the database). */
    byDimensions: grouped<stats.NeedStatisticsRaw, NeedGroupModel>(stats.countNeedsByDimensions, () => ({})),

    /** Days from creation to RESOLVED per group (resolved needs only). */
    resolutionTimes: grouped<stats.ResolutionRaw, ResolutionTimeModel>(stats.resolutionTimes, (r) => ({
      medianDays: r.medianDays,
      averageDays: r.averageDays,
    })),

    /** Action completion and overdue actions per owner party. */
    async actionsByParty(actor: Actor, rawFilter: unknown, loaders?: Loaders): Promise<ActionStatisticsModel[]> {
      requireUser(actor);
      const filter = await parseNeedFilter(db, rawFilter);
      const rows = await stats.actionsByParty(db, {
        visibility: await needs.visibilityOf(actor, loaders),
        filter,
        today: today(),
      });
      return rows.map((r) => {
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
