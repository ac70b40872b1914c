import type { notificationsFi } from './notifications.fi';

/** Notifications: English. */
export const notificationsEn: Record<keyof typeof notificationsFi, string> = {
  'notifications.title': 'Notifications',
  'notifications.bell': 'Notifications',
  'notifications.bellUnread': '{count, plural, one {# unread} other {# unread}}',
  'notifications.live': '{count, plural, one {# unread notification} other {# unread notifications}}',
  'notifications.intro': 'What concerns you and your party, newest first. Only you see your notifications.',
  'notifications.summary': '{total, plural, one {# notification} other {# notifications}}, {unread} unread',
  'notifications.unreadOnly': 'Show unread only',
  'notifications.empty': 'No notifications.',
  'notifications.emptyUnread': 'No unread notifications.',
  'notifications.markRead': 'Mark as read',
  'notifications.markReadOf': 'Mark as read: {title}',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.markedAll': 'All notifications marked as read.',
  'notifications.unread': 'Unread',
  'notifications.more': 'Show more',
  'notifications.received': 'Received {time}',
  'notifications.due': 'Due {date}',
  'notifications.starts': 'Meeting {date}',
  'notifications.kind.ACTION_ASSIGNED': 'An action was assigned to your party',
  'notifications.kind.ACTION_OVERDUE': 'An action of your party is overdue',
  'notifications.kind.AGENDA_PUBLISHED': "A meeting's agenda was published",
  'notifications.kind.RATIFICATION_AWAITED': "An agreement awaits your party's decision",
};
