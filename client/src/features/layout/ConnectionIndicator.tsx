import { useConnectionState } from '../../graphql/useConnectionState';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';

const labels = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
} as const satisfies Record<string, MessageKey>;

/**
 * Whether live updates are arriving. The polite live region is always in the
 * DOM (a region added together with its text is often not announced).
 */
export function ConnectionIndicator() {
  const { status } = useConnectionState();
  const { t } = useI18n();
  return (
    <div className="yp-connection" data-connection={status} hidden={status === 'idle'}>
      <span className="yp-connection__dot" aria-hidden="true" />
      <span role="status" aria-live="polite" aria-atomic="true">
        {status !== 'idle' && (
          <>
            <span className="yp-visually-hidden">{t('connection.label')}: </span>
            {t(labels[status])}
          </>
        )}
      </span>
    </div>
  );
}
