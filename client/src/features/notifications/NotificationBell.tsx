import './notifications.messages';
import { NavLink } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { useRefetchOnReconnect } from '../../graphql/useRefetchOnReconnect';
import { useI18n } from '../../i18n/useI18n';
import { NotificationAddedSubscription, UnreadNotificationCountQuery } from './notifications.documents';
import './notifications.css';

/**
 * The header's link to /notifications with the unread count. Its accessible name carries the count
 * ("Ilmoitukset, 3 lukematonta"); a polite live region tells screen reader users when it changes.
 * It also holds the live subscription: graphcache refreshes the count and lists on each new one.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [{ data }, reexecute] = useQuery({ query: UnreadNotificationCountQuery });
  useSubscription({ query: NotificationAddedSubscription });
  useRefetchOnReconnect(reexecute);
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <>
      <NavLink
        to="/notifications"
        className="yp-bell"
        aria-label={
          count > 0 ? `${t('notifications.bell')}, ${t('notifications.bellUnread', { count })}` : t('notifications.bell')
        }
        data-testid="notification-bell"
      >
        <span className="yp-bell__icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22" focusable="false">
            <path
              fill="currentColor"
              d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
            />
          </svg>
          {count > 0 && <span className="yp-bell__count">{count > 99 ? '99+' : count}</span>}
        </span>
        <span className="yp-bell__text">{t('notifications.bell')}</span>
      </NavLink>
      <span className="yp-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="notification-live">
        {data ? t('notifications.live', { count }) : ''}
      </span>
    </>
  );
}
