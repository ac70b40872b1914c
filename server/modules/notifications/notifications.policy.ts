import { isSession, type Actor } from '../../auth/actor.js';
import type { NotificationRow } from './notifications.table.js';

/** Who may do what with notifications: each person has an inbox of their own, and nobody else looks in. */
export const notificationsPolicy = {
  /** A person signed in to the web client. API tokens (analytics tools) have no inbox: notifications are personal. */
  useInbox: (actor: Actor): boolean => isSession(actor),
  /** Only the recipient reads a notification (the secretariat included: no one else's inbox). */
  read: (actor: Actor, row: Pick<NotificationRow, 'recipientUserId'>): boolean =>
    notificationsPolicy.useInbox(actor) && actor.kind === 'user' && row.recipientUserId === actor.userId,
};
