import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { rowOf } from '../../graphql/resolve.js';

/** Thin (issue 12): people's accounts, invitations, one-time links. The services decide. */
export const peopleResolvers: Resolvers = {
  Query: {
    users: (_, { filter }, ctx) => ctx.services.people.list(ctx.actor, filter),
    accountLink: (_, { token }, ctx) => ctx.services.invitations.view(token),
    signInOptions: (_, __, ctx) => ({ organisationSso: ctx.services.people.ssoConfigured }),
  },
  Mutation: {
    inviteUser: (_, { input }, ctx) => ctx.services.invitations.invite(ctx.actor, input),
    sendPasswordResetLink: (_, { userId }, ctx) => ctx.services.invitations.sendResetLink(ctx.actor, userId, ctx.locale),
    acceptAccountLink: async (_, { token, password }, ctx) => {
      const result = await ctx.services.invitations.accept(token, password);
      ctx.http?.setSessionCookie(result.token, result.expiresAt);
      ctx.actor = result.actor;
      return { token: result.token, user: result.user };
    },
    cancelInvitation: (_, { userId }, ctx) => ctx.services.people.cancelInvitation(ctx.actor, userId),
    deactivateUser: (_, { id }, ctx) => ctx.services.people.deactivate(ctx.actor, id),
    reactivateUser: (_, { id }, ctx) => ctx.services.people.reactivate(ctx.actor, id),
    setUserRoles: (_, { id, expectedVersion, roles }, ctx) => ctx.services.people.setRoles(ctx.actor, id, expectedVersion, roles),
  },
  User: {
    status: (user, _, ctx) => (ctx.services.people.seesAccount(ctx.actor, user) ? (user.status as never) : null),
    person: (user, _, ctx) =>
      ctx.services.people.seesAccount(ctx.actor, user) ? rowOf(ctx.loaders.persons.personByUserId, user.id) : null,
    pendingLink: (user, _, ctx) =>
      ctx.services.people.mayAdminister(ctx.actor) ? rowOf(ctx.loaders.users.liveLinkByUserId, user.id) : null,
  },
  PendingAccountLink: {
    kind: (link) => (link.kind === 'INVITE' ? 'INVITATION' : 'PASSWORD_RESET'),
  },
};
