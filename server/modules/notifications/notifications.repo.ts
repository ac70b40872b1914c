import { and, eq, inArray, isNull, lt, ne, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keysetAfter, keysetKey, keysetOrder, type SortKey } from '../../lib/connection.js';
import { today } from '../../lib/dates.js';
import { findByIds as findRowsByIds } from '../../lib/rows.js';
import { users } from '../auth/auth.table.js';
import { currentMembershipWhere, memberships } from '../cooperation/cooperation.table.js';
import { needActions } from '../needs/needs.table.js';
import { persons } from '../parties/persons.table.js';
import { notificationLanguages, notifications, type NewNotification, type NotificationRow } from './notifications.table.js';

/** The users of some parties (their people in the hub), but not `exceptUserId` (who acted). */
export async function usersOfParties(
  tx: Db,
  partyIds: readonly string[],
  exceptUserId: string | null,
): Promise<{ id: string; partyId: string }[]> {
  if (partyIds.length === 0) return [];
  const rows = await tx
    .select({ id: users.id, partyId: users.partyId })
    .from(users)
    .where(and(inArray(users.partyId, [...partyIds]), exceptUserId ? ne(users.id, exceptUserId) : undefined));
  return rows.filter((r): r is { id: string; partyId: string } => r.partyId !== null);
}

/** Users who sit in a body today (any role, observers too), but not `exceptUserId`. */
export async function usersInBody(tx: Db, bodyId: string, exceptUserId: string | null): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: persons.userId })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(
      and(
        eq(memberships.bodyId, bodyId),
        currentMembershipWhere(today()),
        exceptUserId ? ne(persons.userId, exceptUserId) : sql`${persons.userId} is not null`,
      ),
    );
  return rows.map((r) => r.id).filter((id): id is string => id !== null);
}

/** Inserts what is new; a (recipient, dedupe key) pair that exists is skipped. Returns the inserted rows. */
export async function insertNotifications(tx: Db, rows: NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(notifications).values(rows).onConflictDoNothing().returning();
}

/** A recipient's list, newest first; the id parts notifications of the same moment. */
export const LIST_KEYS: readonly SortKey[] = [
  { expr: notifications.createdAt, type: 'timestamptz', desc: true },
  { expr: notifications.id, type: 'uuid', desc: true },
];

/**
 * A page of one person's notifications, newest first, strictly after the one whose key values
 * (LIST_KEYS, a cursor's) are `after` (one more than `limit` to tell whether more follow).
 */
export async function listOfRecipient(
  db: Db,
  userId: string,
  opts: { unreadOnly: boolean; after?: readonly string[]; limit: number },
): Promise<{ row: NotificationRow; key: string }[]> {
  return db
    .select({ row: notifications, key: keysetKey(LIST_KEYS) })
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientUserId, userId),
        opts.unreadOnly ? isNull(notifications.readAt) : undefined,
        opts.after ? keysetAfter(LIST_KEYS, opts.after) : undefined,
      ),
    )
    .orderBy(...keysetOrder(LIST_KEYS))
    .limit(opts.limit);
}

/** How many notifications one person has (unread only, or all). */
export async function countOfRecipient(db: Db, userId: string, unreadOnly: boolean): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, userId), unreadOnly ? isNull(notifications.readAt) : undefined));
  return Number(row?.n ?? 0);
}

/** Notifications by id (for a subscription event or a DataLoader). */
export const findByIds = (db: Db, ids: readonly string[]) => findRowsByIds(db, notifications, ids);

/** Marks one person's notifications read (`ids`, or all when null); returns those that changed. */
export async function markRead(tx: Db, userId: string, ids: readonly string[] | null): Promise<NotificationRow[]> {
  return tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.recipientUserId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, [...ids]) : undefined,
      ),
    )
    .returning();
}

/** One row per overdue open action and person of its owner party who has not been told yet. */
export interface OverdueCandidate {
  actionId: string;
  needId: string;
  title: string;
  dueDate: string;
  userId: string;
}

/** Open actions due before `today` whose owner party's people have not had an overdue notification for them. */
export async function overdueCandidates(tx: Db, today: string, limit: number): Promise<OverdueCandidate[]> {
  const rows = await tx
    .select({
      actionId: needActions.id,
      needId: needActions.needId,
      title: needActions.title,
      dueDate: needActions.dueDate,
      userId: users.id,
    })
    .from(needActions)
    .innerJoin(users, eq(users.partyId, needActions.ownerPartyId))
    .where(
      and(
        lt(needActions.dueDate, today),
        inArray(needActions.status, ['PLANNED', 'IN_PROGRESS']),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(notifications)
            .where(
              and(
                eq(notifications.recipientUserId, users.id),
                eq(notifications.dedupeKey, sql`'ACTION_OVERDUE:' || ${needActions.id}`),
              ),
            ),
        ),
      ),
    )
    .orderBy(needActions.dueDate, needActions.id)
    .limit(limit);
  return rows.filter((r): r is OverdueCandidate => r.dueDate !== null);
}

/** Takes the sweep's turn: one instance at a time sweeps (released at commit). */
export async function lockSweep(tx: Db): Promise<boolean> {
  const result = await tx.execute(sql`select pg_try_advisory_xact_lock(726849113) as ok`);
  const rows = (result as unknown as { rows: { ok: boolean }[] }).rows;
  return rows[0]?.ok === true;
}

/** Claims e-mails waiting to be sent (PENDING → SENDING) so that exactly one instance sends each. */
export async function claimEmails(db: Db, ids: readonly string[] | null, limit = 200): Promise<NotificationRow[]> {
  const waiting = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.emailState, 'PENDING'), ids ? inArray(notifications.id, [...ids]) : undefined))
    .limit(limit);
  return db
    .update(notifications)
    .set({ emailState: 'SENDING' })
    .where(and(eq(notifications.emailState, 'PENDING'), inArray(notifications.id, waiting)))
    .returning();
}

/** Records how sending went. */
export async function setEmailState(db: Db, id: string, state: 'SENT' | 'FAILED'): Promise<void> {
  await db.update(notifications).set({ emailState: state }).where(eq(notifications.id, id));
}

/** Addresses and known languages of some users. */
export async function mailTargets(
  db: Db,
  userIds: readonly string[],
): Promise<{ id: string; email: string; locale: string | null }[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, locale: notificationLanguages.locale })
    .from(users)
    .leftJoin(notificationLanguages, eq(notificationLanguages.userId, users.id))
    .where(inArray(users.id, [...userIds]));
}

/** Remembers the language a person uses the web client in. */
export async function rememberLanguage(db: Db, userId: string, locale: string): Promise<void> {
  await db
    .insert(notificationLanguages)
    .values({ userId, locale })
    .onConflictDoUpdate({ target: notificationLanguages.userId, set: { locale, updatedAt: sql`now()` } });
}
