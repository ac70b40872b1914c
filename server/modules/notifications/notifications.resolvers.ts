import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { localized } from '../../lib/locale.js';
import { eventsOf } from '../../graphql/resolve.js';

/** Thin: parse arguments, call the service, shape rows for the API. */
export const notificationsResolvers: Resolvers = {
  Query: {
    notifications: (_, args, ctx) => ctx.services.notifications.list(ctx.actor, args, ctx.locale),
    unreadNotificationCount: (_, __, ctx) => ctx.services.notifications.unreadCount(ctx.actor, ctx.locale),
  },
  Mutation: {
    markNotificationsRead: (_, { ids }, ctx) => ctx.services.notifications.markRead(ctx.actor, ids),
    markAllNotificationsRead: (_, __, ctx) => ctx.services.notifications.markAllRead(ctx.actor),
  },
  Subscription: {
    notificationAdded: eventsOf((_, __, ctx) => ctx.services.notifications.subscribe(ctx.actor)),
  },
  Notification: {
    kind: (n) => n.kind as never,
    title: (n, _, ctx) => localized(n.title, ctx.locale),
    read: (n) => n.readAt !== null,
  },
};
