import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { eventsOf, required, rowOf, userOf } from '../../graphql/resolve.js';

/** Thin: parse arguments, call the goals service, shape rows for the API. */
export const goalsResolvers: Resolvers = {
  Query: {
    agreementGoals: (_, { agreementId }, ctx) => ctx.services.goals.list(ctx.actor, agreementId),
    agreementGoal: (_, { id }, ctx) => ctx.services.goals.get(ctx.actor, id),
    goalReport: (_, { goalId, year }, ctx) => ctx.services.goals.report(ctx.actor, goalId, year, ctx.loaders),
  },
  Mutation: {
    createAgreementGoal: (_, { agreementId, input }, ctx) => ctx.services.goals.create(ctx.actor, agreementId, input),
    updateAgreementGoal: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.goals.update(ctx.actor, id, expectedVersion, input),
    deleteAgreementGoal: (_, { id, expectedVersion }, ctx) => ctx.services.goals.remove(ctx.actor, id, expectedVersion),
    addGoalMeasure: (_, { goalId, input }, ctx) => ctx.services.goals.addMeasure(ctx.actor, goalId, input),
    updateGoalMeasure: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.goals.updateMeasure(ctx.actor, id, expectedVersion, input),
    removeGoalMeasure: (_, { id, expectedVersion }, ctx) => ctx.services.goals.removeMeasure(ctx.actor, id, expectedVersion),
  },
  Subscription: {
    agreementGoalChanged: eventsOf((_, { agreementId }, ctx) => ctx.services.goals.subscribe(ctx.actor, agreementId)),
  },
  Agreement: {
    goals: (a, _, ctx) => ctx.loaders.goals.goalsByAgreementId.load(a.id),
  },
  AgreementGoal: {
    agreement: (g, _, ctx) => required(ctx.loaders.cooperation.agreementById.load(g.agreementId), `goal ${g.id}: agreement`),
    ownerParty: (g, _, ctx) => rowOf(ctx.loaders.parties.partyById, g.ownerPartyId),
    ownerBody: (g, _, ctx) => rowOf(ctx.loaders.cooperation.bodyById, g.ownerBodyId),
    measures: (g, _, ctx) => ctx.loaders.goals.measuresByGoalId.load(g.id),
    needs: async (g, _, ctx) => {
      const ids = await ctx.loaders.goals.needIdsByGoalId.load(g.id);
      return ctx.services.needs.getVisible(ctx.actor, ids, ctx.loaders);
    },
    actions: async (g, _, ctx) => {
      const links = await ctx.loaders.goals.actionsByGoalId.load(g.id);
      return ctx.services.needs.getVisibleActions(
        ctx.actor,
        links.map((l) => l.actionId),
        ctx.loaders,
      );
    },
    progress: (g, _, ctx) => ctx.services.goals.progress(g, ctx.loaders),
  },
  GoalMeasure: {
    goal: (m, _, ctx) => required(ctx.loaders.goals.goalById.load(m.goalId), `measure ${m.id}: goal`),
    indicator: (m, _, ctx) => required(ctx.loaders.analytics.indicatorById.load(m.indicatorId), `measure ${m.id}: indicator`),
    party: (m, _, ctx) => required(ctx.loaders.parties.partyById.load(m.partyId), `measure ${m.id}: party`),
    storedBaselineValue: (m) => m.baselineValue,
    baselineValue: async (m, _, ctx) => (await ctx.services.goals.measureProgress(m, ctx.loaders)).baseline,
    latest: async (m, _, ctx) => (await ctx.services.goals.measureProgress(m, ctx.loaders)).current,
    progress: async (m, _, ctx) => (await ctx.services.goals.measureProgress(m, ctx.loaders)).share,
    status: async (m, _, ctx) => (await ctx.services.goals.measureProgress(m, ctx.loaders)).status,
  },
  GoalMeasureReport: {
    value: (r) => r.progress.current,
    progress: (r) => r.progress.share,
    status: (r) => r.progress.status,
    expectedProgress: (r) => r.expectedShare,
  },
  AgreementGoalEvent: {
    actor: (e, _, ctx) => userOf(e.actorUserId, ctx),
  },
};
