import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { rowOf } from '../../graphql/resolve.js';

/** Thin: the service decides; the context sets and clears the cookie. */
export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => ctx.services.auth.me(ctx.actor),
    // Each domain resolves its own fields of ViewerPermissions from the caller (needs: recordServiceNeed).
    viewerCan: (_, __, ctx) => ctx.actor,
    myApiTokens: (_, __, ctx) => ctx.services.auth.listMyApiTokens(ctx.actor),
    mySessions: (_, __, ctx) => ctx.services.accounts.mySessions(ctx.actor),
  },
  Mutation: {
    login: async (_, { email, password }, ctx) => {
      const result = await ctx.services.auth.login(email, password, ctx.clientAddress);
      ctx.http?.setSessionCookie(result.token, result.expiresAt);
      // The rest of this operation runs as the user who just signed in.
      ctx.actor = result.actor;
      return { token: result.token, user: result.user };
    },
    logout: async (_, __, ctx) => {
      const done = await ctx.services.auth.logout(ctx.actor);
      ctx.http?.clearSessionCookie();
      return done;
    },
    createApiToken: (_, { name, scopes }, ctx) => ctx.services.auth.createApiToken(ctx.actor, name, scopes),
    revokeApiToken: (_, { id }, ctx) => ctx.services.auth.revokeApiToken(ctx.actor, id),
    changePassword: (_, { currentPassword, newPassword }, ctx) =>
      ctx.services.accounts.changePassword(ctx.actor, currentPassword, newPassword),
    endSession: (_, { id }, ctx) => ctx.services.accounts.endSession(ctx.actor, id),
    endOtherSessions: (_, __, ctx) => ctx.services.accounts.endOtherSessions(ctx.actor),
  },
  User: {
    email: (user, _, ctx) => ctx.services.auth.emailFor(ctx.actor, user),
    party: (user, _, ctx) => rowOf(ctx.loaders.parties.partyById, user.partyId),
    roles: (user) => user.roles as never,
  },
  ApiToken: {
    scopes: (t) => t.scopes as never,
  },
};
