import type { Resolvers } from '../../graphql/generated/resolvers.js';

/** Thin: the service pages, filters and redacts. */
export const analyticsResolvers: Resolvers = {
  Query: {
    changes: (_, args, ctx) => ctx.services.analytics.changes(ctx.actor, args),
    disclosures: (_, args, ctx) => ctx.services.analytics.disclosures(ctx.actor, args),
  },
  ChangeEvent: {
    id: (e) => String(e.id),
    kind: (e) => e.kind as never,
    actor: (e, _, ctx) => (e.actorUserId ? ctx.loaders.users.userById.load(e.actorUserId).then((u) => u ?? null) : null),
    party: (e, _, ctx) => (e.actorPartyId ? ctx.loaders.parties.partyById.load(e.actorPartyId).then((p) => p ?? null) : null),
  },
  Disclosure: {
    id: (d) => String(d.id),
    user: (d, _, ctx) => ctx.loaders.users.userById.load(d.userId).then((u) => u ?? null),
    apiToken: (d, _, ctx) => ctx.services.auth.apiTokenFor(ctx.actor, d.apiTokenId),
  },
};
