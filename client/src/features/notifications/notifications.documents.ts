import { graphql } from '../../graphql/generated';

/** The signed-in person's unread count (the header's bell). */
export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** What the page shows of a notification (also what the live subscription brings). */
export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    title
    path
    dueDate
    createdAt
    readAt
    read
  }
`);

/** A page of the person's notifications, newest first (graphcache merges the pages: relayPagination). */
export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      id
      read
      readAt
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

/** New notifications of the signed-in person, live. */
export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationFields
    }
  }
`);
