import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { rowOf, userOf } from '../../graphql/resolve.js';

/** Thin: the services decide, including who sees contact details. */
export const personsResolvers: Resolvers = {
  Query: {
    persons: (_, { partyId }, ctx) => ctx.services.persons.list(ctx.actor, partyId),
    person: (_, { id }, ctx) => ctx.services.persons.get(ctx.actor, id),
  },
  Mutation: {
    createPerson: (_, { input }, ctx) =>
      ctx.services.persons.create(ctx.actor, input, () => ctx.services.cooperation.runsSomeBody(ctx.actor)),
    updatePerson: (_, { id, expectedVersion, input }, ctx) => ctx.services.persons.update(ctx.actor, id, expectedVersion, input),
  },
  Person: {
    party: (p, _, ctx) => rowOf(ctx.loaders.parties.partyById, p.partyId),
    user: (p, _, ctx) => userOf(p.userId, ctx),
    email: async (p, _, ctx) => ((await ctx.services.cooperation.contactVisible(ctx.actor, p, ctx.loaders)) ? p.email : null),
    phone: async (p, _, ctx) => ((await ctx.services.cooperation.contactVisible(ctx.actor, p, ctx.loaders)) ? p.phone : null),
  },
};
