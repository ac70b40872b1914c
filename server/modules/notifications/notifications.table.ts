import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, ownerKey, ownerRef, timestamptz, timestamptzNow } from '../../db/columns.js';
import { users } from '../auth/auth.table.js';

/** A title as the subject had it when the notification was made: Finnish always, Swedish and English where known. */
export interface NotificationTitle {
  fi: string;
  sv?: string | null;
  en?: string | null;
}

/**
 * Something that asks one person's attention: an action assigned to their party or overdue,
 * an agenda published in a body they sit in, a ratification their party is to decide.
 * Visible only to its recipient. `dedupeKey` makes every trigger idempotent per person.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    recipientUserId: ownerRef('recipient_user_id', () => users.id),
    /** ACTION_ASSIGNED | ACTION_OVERDUE | AGENDA_PUBLISHED | RATIFICATION_AWAITED */
    kind: text('kind').notNull(),
    /** need_action | meeting | agreement */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Where the subject is shown in the web client, e.g. `/needs/<id>`. */
    path: text('path').notNull(),
    title: jsonb('title').$type<NotificationTitle>().notNull(),
    /** An action's due date, or the day a meeting starts. */
    dueDate: date('due_date', { mode: 'string' }),
    /** e.g. `ACTION_OVERDUE:<action id>`: one notification per person and key, ever. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamptzNow('created_at'),
    readAt: timestamptz('read_at'),
    /** null: no e-mail (SMTP_URL unset or no address); PENDING, SENDING, SENT or FAILED otherwise. */
    emailState: text('email_state'),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.recipientUserId, t.dedupeKey),
    index('notifications_recipient_idx').on(t.recipientUserId, t.createdAt.desc(), t.id),
    index('notifications_unread_idx')
      .on(t.recipientUserId)
      .where(sql`${t.readAt} is null`),
    index('notifications_email_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.emailState} = 'PENDING'`),
  ],
);

/** The language a person last used the web client in: their e-mails are written in it. */
export const notificationLanguages = pgTable('notification_languages', {
  userId: ownerKey('user_id', () => users.id),
  /** fi | sv | en */
  locale: text('locale').notNull(),
  updatedAt: timestamptzNow('updated_at'),
});

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
