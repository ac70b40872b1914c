import type { GraphQLContext } from '../../graphql/context.js';
import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { localized } from '../../lib/locale.js';
import { selectsAny } from '../../graphql/selection.js';
import { publicResidents } from '../needs/needs.privacy.js';
import { referencedUserIds } from '../../realtime/change-view.js';
import { enumLabel } from './analytics.labels.js';
import { referencedAgendaItemIds, referencedNeedIds } from './analytics.titles.js';
import { isRow, required, rowOf, userOf } from '../../graphql/resolve.js';

const partyOf = (id: string, ctx: GraphQLContext) => required(ctx.loaders.parties.partyById.load(id), `party ${id}`);

/** Thin: the services page, filter, aggregate and redact; here rows are shaped for the API. */
export const analyticsResolvers: Resolvers = {
  Query: {
    // The snapshots are most of a row: read only when the page shows them or names from them (a sync often does not).
    changes: (_, args, ctx, info) =>
      ctx.services.analytics.changes(
        ctx.actor,
        args,
        {
          snapshots: selectsAny(
            info,
            ['edges', 'node'],
            [
              'before',
              'after',
              'referencedUsers',
              'referencedNeeds',
              'referencedAgendaItems',
              'referencedRecords',
              'entityTitle',
              'belongsTo',
            ],
          ),
        },
        ctx.loaders,
      ),
    disclosures: (_, args, ctx) => ctx.services.analytics.disclosures(ctx.actor, args),
    needStatistics: (_, { groupBy, filter }, ctx) =>
      ctx.services.needStatistics.byDimensions(ctx.actor, groupBy, filter, ctx.loaders),
    resolutionTimes: (_, { groupBy, filter }, ctx) =>
      ctx.services.needStatistics.resolutionTimes(ctx.actor, groupBy, filter, ctx.loaders),
    actionStatistics: (_, { filter }, ctx) => ctx.services.needStatistics.actionsByParty(ctx.actor, filter, ctx.loaders),
    ratificationStatistics: (_, __, ctx) => ctx.services.agreements.ratificationStatistics(ctx.actor),
    attendanceStatistics: (_, args, ctx) => ctx.services.meetings.attendanceStatistics(ctx.actor, args, ctx.loaders),
    action: (_, { id, asOf }, ctx) => ctx.services.needs.getAction(ctx.actor, id, asOf, ctx.loaders),
    indicators: (_, { source }, ctx) => ctx.services.indicators.list(ctx.actor, source),
    indicatorValues: (_, args, ctx) => ctx.services.indicators.values(ctx.actor, args),
  },
  Mutation: {
    importIndicatorValues: (_, args, ctx) => ctx.services.indicators.importCsv(ctx.actor, args),
    setNeedIndicatorTarget: (_, { input }, ctx) => ctx.services.indicators.setTarget(ctx.actor, input),
  },
  ChangeEventConnection: {
    totalCount: (c) => c.totalCount(),
  },
  ChangeEvent: {
    id: (e) => String(e.id),
    kind: (e) => e.kind as never,
    actor: (e, _, ctx) => userOf(e.actorUserId, ctx),
    bySystem: (e) => !e.actorUserId && !e.authorHidden,
    party: (e, _, ctx) => rowOf(ctx.loaders.parties.partyById, e.actorPartyId),
    entityTitle: (e, _, ctx) => ctx.services.analytics.entityTitle(ctx.actor, e, ctx.loaders, ctx.locale),
    referencedUsers: async (e, _, ctx) => (await ctx.loaders.users.userById.loadMany(referencedUserIds(e))).filter(isRow),
    // Each under the reader's rights: a need they may not see is left out (its id stays an id).
    referencedNeeds: (e, _, ctx) => ctx.services.needs.getVisible(ctx.actor, referencedNeedIds(e), ctx.loaders),
    // As the reader sees them on the meeting's agenda: an item of a meeting they may not read is left out.
    referencedAgendaItems: (e, _, ctx) => ctx.services.meetings.readableItems(ctx.actor, referencedAgendaItemIds(e), ctx.loaders),
    // Goals and indicators as the reader may read them; an action under its need's rules (else left out).
    referencedRecords: (e, _, ctx) => ctx.services.analytics.referencedRecords(ctx.actor, e, ctx.loaders),
    belongsTo: (e, _, ctx) => ctx.services.analytics.belongsTo(ctx.actor, e, ctx.loaders, ctx.locale),
  },
  Disclosure: {
    id: (d) => String(d.id),
    user: (d, _, ctx) => userOf(d.userId, ctx),
    apiToken: (d, _, ctx) => ctx.services.auth.apiTokenFor(ctx.actor, d.apiTokenId),
  },
  DimensionValue: {
    dimension: (d) => d.dimension as never,
    label: async (d, _, ctx) => {
      if (d.value === 'UNSET') return enumLabel(d.value, ctx.locale);
      if (d.dimension === 'MUNICIPALITY') {
        const p = await ctx.loaders.parties.partyById.load(d.value);
        return p ? localized(p.names, ctx.locale) : d.value;
      }
      if (d.dimension === 'THEME') {
        const t = await ctx.loaders.parties.themeByCode.load(d.value);
        return t ? localized(t.names, ctx.locale) : d.value;
      }
      return enumLabel(d.value, ctx.locale);
    },
    municipalityCode: async (d, _, ctx) =>
      d.dimension === 'MUNICIPALITY' && d.value !== 'UNSET'
        ? ((await ctx.loaders.parties.partyById.load(d.value))?.code ?? null)
        : null,
  },
  ActionStatisticsRow: {
    party: (r, _, ctx) => partyOf(r.partyId, ctx),
  },
  AttendanceStatisticsRow: {
    body: (r, _, ctx) => required(ctx.loaders.cooperation.bodyById.load(r.bodyId), `body ${r.bodyId}`),
    party: (r, _, ctx) => rowOf(ctx.loaders.parties.partyById, r.partyId),
  },
  ServiceNeed: {
    indicatorTargets: (n, _, ctx) => (n.asOf ? [] : ctx.loaders.analytics.targetsByNeedId.load(n.id)),
  },
  Indicator: {
    values: async (i, { partyIds, fromYear, toYear }, ctx) =>
      (await ctx.loaders.analytics.valuesByIndicatorId.load(i.id)).filter(
        (v) =>
          (!partyIds?.length || partyIds.includes(v.partyId)) &&
          (fromYear == null || v.year >= fromYear) &&
          (toYear == null || v.year <= toYear),
      ),
  },
  IndicatorValue: {
    indicator: (v, _, ctx) => required(ctx.loaders.analytics.indicatorById.load(v.indicatorId), `indicator ${v.indicatorId}`),
    party: (v, _, ctx) => partyOf(v.partyId, ctx),
    // The count behind a rate is a count of residents: under 5 it is suppressed.
    absoluteValue: (v) => publicResidents(v.absoluteValue),
  },
  NeedIndicatorTarget: {
    indicator: (t, _, ctx) => required(ctx.loaders.analytics.indicatorById.load(t.indicatorId), `indicator ${t.indicatorId}`),
    party: (t, _, ctx) => partyOf(t.partyId, ctx),
    baselineValue: (t, _, ctx) => ctx.services.indicators.baselineValue(t, ctx.loaders),
    latest: (t, _, ctx) => rowOf(ctx.loaders.analytics.latestValue, `${t.indicatorId}:${t.partyId}`),
  },
};
