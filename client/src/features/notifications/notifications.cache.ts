import type { Cache, UpdateResolver } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { embedded, invalidateQueryList } from '../../graphql/cacheUpdates';

/** The unread count and every list of notifications fetch themselves again. */
function refreshInbox(cache: Cache): void {
  cache.invalidate('Query', 'unreadNotificationCount');
  invalidateQueryList(cache, 'notifications');
}

/** A new notification: the bell's count and the list change (an update of a known one merges by id on its own). */
export const notificationSubscriptionUpdates: Record<string, UpdateResolver> = {
  notificationAdded: (_result, _args, cache) => refreshInbox(cache),
};

/** Marking read changes the count; marking all read changes every row shown. */
export const notificationMutationUpdates: Record<string, UpdateResolver> = {
  markNotificationsRead: (_result, _args, cache) => cache.invalidate('Query', 'unreadNotificationCount'),
  markAllNotificationsRead: (_result, _args, cache) => refreshInbox(cache),
};

/** Pages of `notifications` are merged into one list (per `unreadOnly`). */
export const notificationResolvers = { Query: { notifications: relayPagination() } };

/** Connection and edge types are values of their query. */
export const notificationKeys = embedded('NotificationConnection', 'NotificationEdge');
