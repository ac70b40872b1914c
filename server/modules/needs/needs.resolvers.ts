import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { publicResidents } from './needs.privacy.js';
import { changedFields } from './needs.history.js';
import { countActions, isActionOverdue } from './needs.lifecycle.js';
import { suppressInSnapshot } from './needs.privacy.js';
import { eventsOf, isRow, required, rowOf, userOf } from '../../graphql/resolve.js';

/** Thin: parse arguments, call the needs service, shape rows for the API. */
export const needsResolvers: Resolvers = {
  Query: {
    serviceNeeds: (_, args, ctx) => ctx.services.needs.list(ctx.actor, args, ctx.loaders),
    serviceNeed: (_, { id, asOf }, ctx) => ctx.services.needs.get(ctx.actor, id, asOf, ctx.loaders),
    partyActions: (_, { partyId, status }, ctx) => ctx.services.needs.partyActions(ctx.actor, partyId, status, ctx.loaders),
    needOwnerBodyChoices: (_, __, ctx) => ctx.services.needs.ownerBodyChoices(ctx.actor, ctx.loaders),
  },
  ViewerPermissions: {
    recordServiceNeed: (actor, _, ctx) => ctx.services.needs.mayRecordNeeds(actor),
  },
  ServiceNeedConnection: {
    totalCount: (c) => c.totalCount(),
  },
  Mutation: {
    createServiceNeed: (_, { input }, ctx) => ctx.services.needs.create(ctx.actor, input),
    updateServiceNeed: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.needs.update(ctx.actor, id, expectedVersion, input),
    transitionServiceNeed: (_, { id, expectedVersion, to, note, escalateToBodyId }, ctx) =>
      ctx.services.needs.transition(ctx.actor, id, expectedVersion, { to, note, escalateToBodyId }),
    setResponsibility: (_, args, ctx) => ctx.services.needs.setResponsibility(ctx.actor, args),
    createAction: (_, { input }, ctx) => ctx.services.needs.createAction(ctx.actor, input),
    updateAction: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.needs.updateAction(ctx.actor, id, expectedVersion, input),
    addNeedComment: (_, args, ctx) => ctx.services.needs.addComment(ctx.actor, args),
  },
  Subscription: {
    serviceNeedChanged: eventsOf((_, { id }, ctx) => ctx.services.needs.subscribe(ctx.actor, id, ctx.loaders)),
    serviceNeedWithdrawn: eventsOf((_, { id }, ctx) =>
      ctx.services.needs.subscribeWithdrawals(ctx.actor, id, ctx.loaders, ctx.resumed),
    ),
  },
  ServiceNeed: {
    status: (n) => n.status as never,
    priority: (n) => (n.priority ?? null) as never,
    targetGroups: (n) => n.targetGroups as never,
    themes: async (n, _, ctx) => (await ctx.loaders.parties.themeByCode.loadMany(n.themeCodes)).filter(isRow),
    municipalities: async (n, _, ctx) => (await ctx.loaders.parties.partyById.loadMany(n.municipalityIds)).filter(isRow),
    otherParties: async (n, _, ctx) => (await ctx.loaders.parties.partyById.loadMany(n.partyIds)).filter(isRow),
    responsibilities: (n, _, ctx) => n.asOf?.responsibilities ?? ctx.loaders.needs.responsibilitiesByNeedId.load(n.id),
    hasGap: async (n, _, ctx) =>
      !(n.asOf?.responsibilities ?? (await ctx.loaders.needs.responsibilitiesByNeedId.load(n.id))).some((r) => r.role === 'LEAD'),
    lead: async (n, _, ctx) => {
      const lead = (n.asOf?.responsibilities ?? (await ctx.loaders.needs.responsibilitiesByNeedId.load(n.id))).find(
        (r) => r.role === 'LEAD',
      );
      return lead ? ((await ctx.loaders.parties.partyById.load(lead.partyId)) ?? null) : null;
    },
    actionCounts: async (n, _, ctx) => countActions(n.asOf?.actions ?? (await ctx.loaders.needs.actionsByNeedId.load(n.id))),
    actions: (n, _, ctx) => n.asOf?.actions ?? ctx.loaders.needs.actionsByNeedId.load(n.id),
    comments: (n, _, ctx) => ctx.services.needs.comments(ctx.actor, n, ctx.loaders),
    estimatedResidents: (n) => publicResidents(n.estimatedResidents),
    indicators: (n) => n.indicators,
    ownerBody: (n, _, ctx) => rowOf(ctx.loaders.cooperation.bodyById, n.ownerBodyId),
    provenance: (n, _, ctx) => ctx.services.needs.provenance(n),
    history: (n, _, ctx) => ctx.services.needs.history(ctx.actor, n),
    allowedTransitions: (n, _, ctx) => ctx.services.needs.allowedTransitions(ctx.actor, n, ctx.loaders) as never,
    viewerCan: (n, _, ctx) => ctx.services.needs.permissions(ctx.actor, n, ctx.loaders),
    asOf: (n) => n.asOf?.at ?? null,
  },
  Responsibility: {
    party: (r, _, ctx) =>
      required(ctx.loaders.parties.partyById.load(r.partyId), `responsibility ${r.needId}:${r.partyId}: party`),
    role: (r) => r.role as never,
  },
  Action: {
    need: (a, _, ctx) => required(ctx.loaders.needs.needById.load(a.needId), `action ${a.id}: need`),
    ownerParty: (a, _, ctx) => required(ctx.loaders.parties.partyById.load(a.ownerPartyId), `action ${a.id}: party`),
    status: (a) => a.status as never,
    overdue: (a) => isActionOverdue(a),
    viewerCanUpdate: (a, _, ctx) => ctx.services.needs.canUpdateAction(ctx.actor, a),
  },
  NeedComment: {
    author: (c, _, ctx) => (c.authorHidden ? null : userOf(c.authorUserId, ctx)),
    party: (c, _, ctx) => (c.authorHidden ? null : rowOf(ctx.loaders.parties.partyById, c.authorPartyId)),
  },
  NeedHistoryEntry: {
    id: (h) => String(h.event.id),
    at: (h) => h.event.at,
    name: (h) => h.event.name,
    kind: (h) => h.event.kind as never,
    actor: (h, _, ctx) => (h.hideActor ? null : userOf(h.event.actorUserId, ctx)),
    party: (h, _, ctx) => (h.hideActor ? null : rowOf(ctx.loaders.parties.partyById, h.event.actorPartyId)),
    changedFields: (h) => changedFields(h.event.before, h.event.after),
    before: (h) => suppressInSnapshot(h.event.before),
    after: (h) => suppressInSnapshot(h.event.after),
  },
  FieldProvenance: {
    party: (p, _, ctx) => rowOf(ctx.loaders.parties.partyById, p.partyId),
    user: (p, _, ctx) => userOf(p.userId, ctx),
  },
  ServiceNeedEvent: {
    // From the event's type (historyEntry), so the author stays hidden even were the comment row not found.
    actor: (e, _, ctx) => (e.historyEntry.hideActor ? null : userOf(e.actorUserId, ctx)),
  },
};
