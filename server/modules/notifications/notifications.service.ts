import { z } from 'zod';
import type { Actor, UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { decodeKeyset, pageSize, toKeysetConnection } from '../../lib/connection.js';
import type { Locale } from '../../lib/locale.js';
import { badInput, forbidden } from '../../errors.js';
import { helsinkiDay, today } from '../../lib/dates.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { loadOncePerEvent, subscribeToEvents } from '../../realtime/subscribe.js';
import { EVENTS } from '../../realtime/topics.js';
import type { SystemWriteScope, SystemWriter, WriteScope } from '../../realtime/write.js';
import type { ServiceDeps } from '../deps.js';
import { createMailer } from './notifications.mail.js';
import { notificationsPolicy } from './notifications.policy.js';
import * as repo from './notifications.repo.js';
import type { NewNotification, NotificationRow, NotificationTitle } from './notifications.table.js';
import type { NotificationKind } from './notifications.texts.js';

/** How often the overdue sweep runs (and once at start). */
const SWEEP_EVERY_MS = 60_000;
/** Overdue (action, person) pairs handled per sweep; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

const idsInput = z.array(z.uuid('Not a notification id')).max(500, 'At most 500 at a time');

/** Today on the clock in Finland, as an ISO date. */

/** What a trigger tells about its subject; one notification per recipient is made of it. */
interface Subject {
  kind: NotificationKind;
  subjectType: 'need_action' | 'meeting' | 'agreement';
  subjectId: string;
  path: string;
  title: NotificationTitle;
  dueDate?: string | null;
  dedupeKey: string;
}

/** An action as a notification's subject: shown on its need's page; its title stays in the app (never mailed). */
const actionSubject = (
  kind: 'ACTION_ASSIGNED' | 'ACTION_OVERDUE',
  action: { id: string; needId: string; title: string; dueDate: string | null },
  dedupeKey: string,
): Subject => ({
  kind,
  subjectType: 'need_action',
  subjectId: action.id,
  path: `/needs/${action.needId}`,
  title: { fi: action.title },
  dueDate: action.dueDate,
  dedupeKey,
});

/** Whose inbox an event of ours concerns (`scope.recipientUserIds`). */
const recipientsOf = (event: ChangeEventRow): string[] => {
  const r = event.scope?.recipientUserIds;
  return Array.isArray(r) ? r : [];
};

/**
 * Notifications: made inside the transaction of the write that causes them (so a
 * notification exists exactly when its cause committed), delivered live through
 * the event bus to their recipient only, e-mailed after commit when SMTP_URL is set,
 * and an overdue sweep every minute.
 */
export function createNotificationsService({ db, write, bus, config, log }: ServiceDeps, writeAsSystem?: SystemWriter) {
  let ownUrl = `http://${config.host}:${config.port}`;
  const mailer = createMailer(config.mail, db, log, () => ownUrl);
  const knownLocales = new Map<string, Locale>();

  /** Inserts the new notifications of one subject and records one event naming their recipients. */
  async function deliver(scope: SystemWriteScope, subject: Subject, userIds: readonly string[]): Promise<NotificationRow[]> {
    const { kind, subjectType, subjectId, path, title, dueDate, dedupeKey } = subject;
    const rows: NewNotification[] = [...new Set(userIds)].map((recipientUserId) => ({
      recipientUserId,
      kind,
      subjectType,
      subjectId,
      path,
      title,
      dueDate: dueDate ?? null,
      dedupeKey,
      emailState: mailer.enabled ? 'PENDING' : null,
    }));
    const inserted = await repo.insertNotifications(scope.tx, rows);
    if (inserted.length === 0) return inserted;
    await scope.record({
      ...EVENTS.notificationCreated,
      // Not the subject's id: the subject's own history (`changes(entityId:)`) stays its own.
      entityId: dedupeKey,
      kind: 'CREATED',
      after: { kind, subjectType, ids: inserted.map((n) => n.id) },
      scope: { recipientUserIds: inserted.map((n) => n.recipientUserId) },
    });
    return inserted;
  }

  const loadEventNotifications = loadOncePerEvent(async (event) => {
    const ids = (event.after as { ids?: unknown } | null)?.ids;
    return Array.isArray(ids)
      ? repo.findByIds(
          db,
          ids.filter((id): id is string => typeof id === 'string'),
        )
      : [];
  });

  function inboxOwner(actor: Actor): UserActor {
    const user = requireUser(actor);
    if (!notificationsPolicy.useInbox(user)) throw forbidden('Notifications belong to people signed in, not to API tokens');
    return user;
  }

  /** Remembers the language the person uses (their e-mails are written in it); a write only when it changes. */
  function noteLocale(user: UserActor, locale: Locale | undefined) {
    if (!locale || knownLocales.get(user.userId) === locale) return;
    knownLocales.set(user.userId, locale);
    repo.rememberLanguage(db, user.userId, locale).catch((err: unknown) => log.warn({ err }, 'could not remember the language'));
  }

  /** Creates ACTION_OVERDUE notifications for open actions past their due date (once per action and person). */
  async function sweepOverdue(day = today()): Promise<number> {
    if (!writeAsSystem) return 0;
    return writeAsSystem(async (scope) => {
      if (!(await repo.lockSweep(scope.tx))) return 0;
      const candidates = await repo.overdueCandidates(scope.tx, day, SWEEP_BATCH);
      const byAction = new Map<string, repo.OverdueCandidate[]>();
      for (const c of candidates) byAction.set(c.actionId, [...(byAction.get(c.actionId) ?? []), c]);
      let made = 0;
      for (const [actionId, group] of byAction) {
        const subject = actionSubject('ACTION_OVERDUE', { ...group[0]!, id: actionId }, `ACTION_OVERDUE:${actionId}`);
        made += (
          await deliver(
            scope,
            subject,
            group.map((c) => c.userId),
          )
        ).length;
      }
      return made;
    });
  }

  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> = Promise.resolve();
  let unsubscribe: (() => void) | undefined;
  const sweep = () => {
    sweeping = sweeping.then(() => sweepOverdue()).catch((err: unknown) => log.error({ err }, 'overdue sweep failed'));
  };

  return {
    /** Hooks for other services, called inside their write's transaction. */
    inTx: {
      /** An action was created for a party: its people are told (not the one who created it). */
      async actionAssigned(
        scope: WriteScope,
        action: { id: string; needId: string; title: string; ownerPartyId: string; dueDate: string | null },
      ) {
        const people = await repo.usersOfParties(scope.tx, [action.ownerPartyId], scope.actor.userId);
        const subject = actionSubject('ACTION_ASSIGNED', action, `ACTION_ASSIGNED:${action.id}:${action.ownerPartyId}`);
        await deliver(
          scope,
          subject,
          people.map((p) => p.id),
        );
      },
      /** A meeting's agenda was published: the body's members are told. */
      async agendaPublished(scope: WriteScope, meeting: { id: string; bodyId: string; title: string; startsAt: Date }) {
        const subject: Subject = {
          kind: 'AGENDA_PUBLISHED',
          subjectType: 'meeting',
          subjectId: meeting.id,
          path: `/meetings/${meeting.id}`,
          title: { fi: meeting.title },
          dueDate: helsinkiDay(meeting.startsAt),
          dedupeKey: `AGENDA_PUBLISHED:${meeting.id}`,
        };
        await deliver(scope, subject, await repo.usersInBody(scope.tx, meeting.bodyId, scope.actor.userId));
      },
      /** An agreement awaits these parties' decisions: their people are told (once per agreement). */
      async ratificationAwaited(
        scope: WriteScope,
        agreement: { id: string; titles: NotificationTitle },
        partyIds: readonly string[],
      ) {
        const { fi, sv, en } = agreement.titles;
        const subject: Subject = {
          kind: 'RATIFICATION_AWAITED',
          subjectType: 'agreement',
          subjectId: agreement.id,
          path: `/agreements/${agreement.id}`,
          title: { fi, sv: sv ?? null, en: en ?? null },
          dedupeKey: `RATIFICATION_AWAITED:${agreement.id}`,
        };
        const people = await repo.usersOfParties(scope.tx, partyIds, scope.actor.userId);
        await deliver(
          scope,
          subject,
          people.map((p) => p.id),
        );
      },
    },

    /** The caller's notifications, newest first. */
    async list(
      actor: Actor,
      args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
      locale?: Locale,
    ) {
      const user = inboxOwner(actor);
      noteLocale(user, locale);
      const size = pageSize(args.first);
      const after = decodeKeyset('notification', repo.LIST_KEYS, args.after);
      const unreadOnly = args.unreadOnly === true;
      const [rows, total] = await Promise.all([
        repo.listOfRecipient(db, user.userId, { unreadOnly, after, limit: size + 1 }),
        repo.countOfRecipient(db, user.userId, unreadOnly),
      ]);
      return toKeysetConnection('notification', rows, size, total);
    },

    /** How many of the caller's notifications are unread. */
    async unreadCount(actor: Actor, locale?: Locale): Promise<number> {
      const user = inboxOwner(actor);
      noteLocale(user, locale);
      return repo.countOfRecipient(db, user.userId, true);
    },

    /** Marks some of the caller's notifications read (others' ids are ignored); returns those now read. */
    async markRead(actor: Actor, rawIds: unknown): Promise<NotificationRow[]> {
      const user = inboxOwner(actor);
      const parsed = idsInput.safeParse(rawIds);
      if (!parsed.success) throw badInput({ ids: parsed.error.issues[0]?.message ?? 'Expected notification ids' });
      return this.markReadWhere(user, parsed.data);
    },

    /** Marks every one of the caller's notifications read; returns how many changed. */
    async markAllRead(actor: Actor): Promise<number> {
      return (await this.markReadWhere(inboxOwner(actor), null)).length;
    },

    /** One write: read_at set on the caller's own unread notifications, with one event. */
    async markReadWhere(user: UserActor, ids: readonly string[] | null): Promise<NotificationRow[]> {
      if (ids?.length === 0) return [];
      return write(user, async ({ tx, record }) => {
        const changed = await repo.markRead(tx, user.userId, ids);
        if (changed.length > 0) {
          await record({
            ...EVENTS.notificationRead,
            entityId: `read:${user.userId}`,
            kind: 'UPDATED',
            after: { ids: changed.map((n) => n.id) },
            scope: { recipientUserIds: [user.userId] },
          });
        }
        return changed;
      });
    },

    /** New notifications of the subscriber, live; each re-checked against the recipient rule before it is sent. */
    subscribe(actor: Actor): AsyncIterableIterator<NotificationRow> {
      const user = inboxOwner(actor);
      return subscribeToEvents(
        bus,
        (event) => event.name === EVENTS.notificationCreated.name && recipientsOf(event).includes(user.userId),
        async (event) => (await loadEventNotifications(event)).find((n) => notificationsPolicy.read(user, n)),
      );
    },

    /** Runs the overdue sweep now (the timer runs it every minute); returns how many notifications it made. */
    sweepOverdue,

    /** Starts the overdue sweep and the e-mails (sent after commit, when their event reaches this process). */
    start(url: string) {
      ownUrl = url;
      if (mailer.enabled) {
        unsubscribe = bus.subscribe((event) => {
          if (event.name !== EVENTS.notificationCreated.name) return;
          const ids = (event.after as { ids?: string[] } | null)?.ids ?? [];
          void mailer.send(ids);
        });
        // Whatever was left waiting (e.g. the server stopped between commit and sending).
        void mailer.send(null);
      }
      sweep();
      timer = setInterval(sweep, SWEEP_EVERY_MS);
      timer.unref();
    },

    /** Stops the sweep and waits for e-mails under way. */
    async stop() {
      if (timer) clearInterval(timer);
      unsubscribe?.();
      await sweeping;
      await mailer.close();
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
/** What other services call inside their writes to notify people. */
export type NotificationHooks = NotificationsService['inTx'];
