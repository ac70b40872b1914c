import type { Resolvers } from '../../graphql/generated/resolvers.js';

/** Keeps loaded rows, drops misses and per-key errors of DataLoader.loadMany. */
const isRow = <T>(x: T | Error | undefined | null): x is T => x != null && !(x instanceof Error);

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
    agreementGoalChanged: {
      subscribe: (_, { agreementId }, ctx) => ctx.services.goals.subscribe(ctx.actor, agreementId),
      resolve: (payload: unknown) => payload as never,
    },
  },
  Agreement: {
    goals: (a, _, ctx) => ctx.loaders.goals.goalsByAgreementId.load(a.id),
  },
  AgreementGoal: {
    agreement: async (g, _, ctx) => {
      const a = await ctx.loaders.cooperation.agreementById.load(g.agreementId);
      if (!a) throw new Error(`goal ${g.id}: agreement missing`);
      return a;
    },
    ownerParty: (g, _, ctx) =>
      g.ownerPartyId ? ctx.loaders.parties.partyById.load(g.ownerPartyId).then((p) => p ?? null) : null,
    ownerBody: (g, _, ctx) =>
      g.ownerBodyId ? ctx.loaders.cooperation.bodyById.load(g.ownerBodyId).then((b) => b ?? null) : null,
    measures: (g, _, ctx) => ctx.loaders.goals.measuresByGoalId.load(g.id),
    needs: async (g, _, ctx) => {
      const ids = await ctx.loaders.goals.needIdsByGoalId.load(g.id);
      return (await Promise.all(ids.map((id) => ctx.services.needs.get(ctx.actor, id, null, ctx.loaders)))).filter(isRow);
    },
    actions: async (g, _, ctx) => {
      const links = await ctx.loaders.goals.actionsByGoalId.load(g.id);
      return (await Promise.all(links.map((l) => ctx.services.needs.getAction(ctx.actor, l.actionId, null, ctx.loaders)))).filter(
        isRow,
      );
    },
    progress: (g, _, ctx) => ctx.services.goals.progress(g, ctx.loaders),
  },
  GoalMeasure: {
    goal: async (m, _, ctx) => {
      const g = await ctx.loaders.goals.goalById.load(m.goalId);
      if (!g) throw new Error(`measure ${m.id}: goal missing`);
      return g;
    },
    indicator: async (m, _, ctx) => {
      const i = await ctx.loaders.analytics.indicatorById.load(m.indicatorId);
      if (!i) throw new Error(`measure ${m.id}: indicator missing`);
      return i;
    },
    party: async (m, _, ctx) => {
      const p = await ctx.loaders.parties.partyById.load(m.partyId);
      if (!p) throw new Error(`measure ${m.id}: party missing`);
      return p;
    },
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
    actor: (e, _, ctx) => (e.actorUserId ? ctx.loaders.users.userById.load(e.actorUserId).then((u) => u ?? null) : null),
  },
};
