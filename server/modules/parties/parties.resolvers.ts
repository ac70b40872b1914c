import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { localized } from '../../lib/locale.js';
import { eventsOf, textsOf, userOf } from '../../graphql/resolve.js';

/** Thin: parse arguments, call the service, shape rows for the API. */
export const partiesResolvers: Resolvers = {
  Query: {
    parties: (_, { kind }, ctx) => ctx.services.parties.list(ctx.actor, kind),
    party: (_, { id }, ctx) => ctx.services.parties.get(ctx.actor, id),
    themes: (_, __, ctx) => ctx.services.parties.listThemes(ctx.actor),
  },
  Mutation: {
    updateParty: (_, { id, expectedVersion, input }, ctx) => ctx.services.parties.update(ctx.actor, id, expectedVersion, input),
    addPopulationFigure: (_, { partyId, input }, ctx) => ctx.services.parties.addPopulationFigure(ctx.actor, partyId, input),
  },
  Subscription: {
    partyChanged: eventsOf((_, { id }, ctx) => ctx.services.parties.subscribe(ctx.actor, id)),
  },
  PartyEvent: {
    actor: (event, _, ctx) => userOf(event.actorUserId, ctx),
  },
  Party: {
    kind: (p) => p.kind as never,
    municipalForm: (p) => (p.municipalForm ?? null) as never,
    name: (p, _, ctx) => localized(p.names, ctx.locale),
    names: (p) => textsOf(p.names),
    population: async (p, _, ctx) => (await ctx.loaders.parties.populationsByPartyId.load(p.id))[0] ?? null,
    populations: (p, _, ctx) => ctx.loaders.parties.populationsByPartyId.load(p.id),
  },
  PopulationFigure: {
    status: (f) => f.status as never,
  },
  Theme: {
    name: (t, _, ctx) => localized(t.names, ctx.locale),
    names: (t) => textsOf(t.names),
  },
};
