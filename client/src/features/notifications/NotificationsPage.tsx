import './notifications.messages';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, Checkbox } from 'suomifi-ui-components';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorPage } from '../../components/PageFallback';
import { PageHeading } from '../../components/PageHeading';
import { PageLoading } from '../../components/PageLoading';
import type { NotificationFieldsFragment } from '../../graphql/generated/graphql';
import { toApiError } from '../../graphql/errors';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationsReadMutation,
  NotificationAddedSubscription,
  NotificationsQuery,
  UnreadNotificationCountQuery,
} from './notifications.documents';
import './notifications.css';

const PAGE = 30;

/** `/notifications`: the signed-in person's notifications, newest first, with links and marking read. */
export function NotificationsPage() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: NotificationsQuery,
    variables: { first: PAGE, after, unreadOnly },
  });
  const [{ data: counted }] = useQuery({ query: UnreadNotificationCountQuery });
  const [allState, markAll] = useMutation(MarkAllNotificationsReadMutation);
  const [done, setDone] = useState(false);
  // The button is disabled once nothing is unread: the keyboard goes to the status line that says all were marked.
  const summary = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (done) summary.current?.focus();
  }, [done]);
  useRefetchOnReconnect(reexecute);
  // "Merkitse luetuksi" goes with the unread mark: the keyboard goes to the notification after it (its button, or
  // its link once read), else the one before, else the page's heading, once the list shows the change.
  const listRef = useRef<HTMLUListElement>(null);
  const headingId = 'notifications-heading';
  const [focusAfterRead, setFocusAfterRead] = useState<{ read: string; candidates: string[] }>();
  // A new notification (or marking all read) makes graphcache drop every loaded page; start again from the newest.
  const [{ data: added }] = useSubscription({ query: NotificationAddedSubscription });
  const newest = added?.notificationAdded.id;
  useEffect(() => {
    if (newest) setAfter(null);
  }, [newest]);

  if (error && !data)
    return <ErrorPage error={toApiError(error)!} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return <PageLoading />;

  const list = data.notifications;
  const unread = counted?.unreadNotificationCount ?? 0;
  const onMarkedRead = (id: string) => {
    const ids = list.edges.map((e) => e.node.id);
    const i = ids.indexOf(id);
    setFocusAfterRead({ read: id, candidates: [ids[i + 1], ids[i - 1]].filter((c): c is string => Boolean(c)) });
  };
  return (
    <div className="yp-notifications">
      <FocusAfterRead
        target={focusAfterRead}
        shown={list.edges}
        listRef={listRef}
        headingId={headingId}
        onDone={() => setFocusAfterRead(undefined)}
      />
      <PageHeading title={t('notifications.title')} id={headingId}>
        {t('notifications.title')}
      </PageHeading>
      <p className="yp-lead">{t('notifications.intro')}</p>
      <div className="yp-notifications__tools">
        <Checkbox
          checked={unreadOnly}
          onClick={({ checkboxState }) => {
            setAfter(null);
            setUnreadOnly(checkboxState);
          }}
        >
          {t('notifications.unreadOnly')}
        </Checkbox>
        <Button
          variant="secondary"
          disabled={unread === 0 || allState.fetching}
          onClick={() => {
            setDone(false);
            void markAll({}).then((r) => {
              setDone(!r.error);
              setAfter(null);
            });
          }}
          data-testid="mark-all-read"
        >
          {t('notifications.markAllRead')}
        </Button>
        <span role="status" className="yp-muted" tabIndex={-1} ref={summary} data-testid="notifications-summary">
          {done ? t('notifications.markedAll') : t('notifications.summary', { total: list.totalCount, unread })}
        </span>
      </div>
      {allState.error && <ErrorAlert error={toApiError(allState.error)!} />}
      {list.edges.length === 0 ? (
        <p className="yp-muted">{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</p>
      ) : (
        <ul className="yp-notifications__list" data-testid="notifications" ref={listRef}>
          {list.edges.map((edge) => (
            <NotificationItem key={edge.node.id} notification={edge.node} onMarkedRead={onMarkedRead} />
          ))}
        </ul>
      )}
      {list.pageInfo.hasNextPage && (
        <p>
          <Button variant="secondary" disabled={fetching} onClick={() => setAfter(list.pageInfo.endCursor ?? null)}>
            {t('notifications.more')}
          </Button>
        </p>
      )}
    </div>
  );
}

/**
 * Moves the keyboard on after a notification was marked read from its button (which then goes), once the list shows
 * it read (or without it, when only unread ones are listed): see NotificationsPage.
 */
function FocusAfterRead({
  target,
  shown,
  listRef,
  headingId,
  onDone,
}: {
  target: { read: string; candidates: string[] } | undefined;
  shown: readonly { node: { id: string; read: boolean } }[];
  listRef: React.RefObject<HTMLUListElement | null>;
  headingId: string;
  onDone: () => void;
}) {
  useEffect(() => {
    if (!target) return;
    if (shown.some((e) => e.node.id === target.read && !e.node.read)) return;
    const item = (id: string) => listRef.current?.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"]`);
    const next = target.candidates.map(item).find(Boolean);
    const place = next?.querySelector<HTMLElement>('[data-mark-read]:not(:disabled)') ?? next?.querySelector<HTMLElement>('a');
    (place ?? document.getElementById(headingId))?.focus();
    onDone();
  }, [target, shown, listRef, headingId, onDone]);
  return null;
}

/** One notification: what happened, a link to it (which marks it read), when, and a button to mark it read. */
function NotificationItem({
  notification: n,
  onMarkedRead,
}: {
  notification: NotificationFieldsFragment;
  /** Its button marked it read (the button then goes: the page moves the keyboard on). */
  onMarkedRead: (id: string) => void;
}) {
  const { t, date, dateTime } = useI18n();
  const [state, markRead] = useMutation(MarkNotificationsReadMutation);
  const kind = t(`notifications.kind.${n.kind}` as MessageKey);
  const read = () => {
    if (!n.read) void markRead({ ids: [n.id] });
  };
  return (
    <li
      className={n.read ? 'yp-notification' : 'yp-notification is-unread'}
      data-testid="notification"
      data-read={n.read}
      data-notification-id={n.id}
    >
      <div className="yp-notification__body">
        <span className="yp-notification__kind">
          {!n.read && <span className="yp-visually-hidden">{t('notifications.unread')}: </span>}
          {kind}
        </span>
        <Link className="yp-link" to={n.path} onClick={read}>
          {n.title}
        </Link>
        <span className="yp-notification__meta">
          {t('notifications.received', { time: dateTime(n.createdAt) })}
          {n.dueDate && (
            <> · {t(n.kind === 'AGENDA_PUBLISHED' ? 'notifications.starts' : 'notifications.due', { date: date(n.dueDate) })}</>
          )}
        </span>
      </div>
      {!n.read && (
        <Button
          variant="secondaryNoBorder"
          disabled={state.fetching}
          aria-label={t('notifications.markReadOf', { title: n.title })}
          data-mark-read
          onClick={() => {
            void markRead({ ids: [n.id] }).then((r) => {
              if (!r.error) onMarkedRead(n.id);
            });
          }}
        >
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}
