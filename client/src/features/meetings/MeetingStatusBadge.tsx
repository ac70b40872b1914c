import type { MeetingStatus } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { statusLabel } from './meetings.labels';

/** A meeting's status as a badge, coloured by the status (yp-badge--<status>). */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return <span className={`yp-badge yp-badge--${status.toLowerCase()}`}>{statusLabel(t, status)}</span>;
}
