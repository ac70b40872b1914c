import './meetings.messages';
import './record.messages';
import { LinkParagraph } from '../../components/LinkParagraph';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from 'suomifi-ui-components';
import { useMutation, useSubscription } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageFallback } from '../../components/PageFallback';
import { PageHeading } from '../../components/PageHeading';
import { toApiError, type ApiError } from '../../graphql/errors';
import { todayInFinland } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { usePageQuery } from '../../components/usePageQuery';
import { MeetingChangedSubscription, MeetingQuery } from './meetings.documents';
import { RemovePersonalDataMutation } from './record.documents';
import { MeetingExports } from './MeetingExports';
import { MinutesCheckersPanel, QuorumLine } from './MinutesRecordPanel';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { MeetingSubtitle } from './MeetingSubtitle';
import { TransitionButtons } from './TransitionButtons';
import { useNewestMeeting } from './useNewestMeeting';
import { AgendaBuilder } from './AgendaBuilder';
import './meetings.css';

/** A meeting before and after: details, the agenda builder (reorder, add, publish), links to the room and the minutes. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, dateTime, date, name } = useI18n();
  const [{ data, error }, refetch] = usePageQuery({ query: MeetingQuery, variables: { id } });
  useSubscription({ query: MeetingChangedSubscription, variables: { meetingId: id } });
  const noteVersion = useNewestMeeting(data?.meeting, refetch);
  const [, removeData] = useMutation(RemovePersonalDataMutation);
  const [actionError, setActionError] = useState<ApiError>();
  if (!data?.meeting) return <PageFallback error={error} onRetry={refetch} notFound={Boolean(data)} />;
  const m = data.meeting;
  // From the removal date on the public minutes leave the names out, removed or not (the server's `personalDataGone`).
  const due = m.personalDataRemovalDue;
  const hiddenSince = due && due <= todayInFinland() ? due : null;
  const live = ['AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT', 'MINUTES_CHECKED'].includes(m.status);
  return (
    <div className="yp-meeting">
      <LinkParagraph className="yp-back" to="/meetings">
        {t('meet.back')}
      </LinkParagraph>
      <PageHeading title={m.title}>{m.title}</PageHeading>
      <MeetingSubtitle
        className="yp-lead"
        parts={[name(m.body.names), dateTime(m.startsAt), m.location, <MeetingStatusBadge key="status" status={m.status} />]}
      />
      <div className="yp-actions">
        {live && (
          <Link className="yp-button-link" to={`/meetings/${m.id}/room`}>
            {t('meet.openRoom')}
          </Link>
        )}
        {m.status === 'PUBLISHED' && (
          <Link className="yp-button-link" to={`/minutes/${m.id}`}>
            {t('meet.openMinutes')}
          </Link>
        )}
        <TransitionButtons meeting={m} onResult={noteVersion} />
      </div>
      <QuorumLine meeting={m} />
      <MinutesCheckersPanel meeting={m} />
      {m.status === 'PUBLISHED' && (
        <Card headingId="personal-data" title={t('meet.personalData')} className="yp-card yp-mt-m">
          <p>
            {m.personalDataRemovedAt
              ? t('meet.personalDataRemoved', { date: dateTime(m.personalDataRemovedAt) })
              : hiddenSince
                ? t('meet.personalDataHidden', { date: date(hiddenSince) })
                : t('meet.personalDataDue', { date: m.personalDataRemovalDue ? date(m.personalDataRemovalDue) : '–' })}
          </p>
          {m.viewerCan.removePersonalData && (
            <Button
              variant="secondary"
              onClick={async () => {
                setActionError(undefined);
                const r = await removeData({ meetingId: m.id, expectedVersion: m.version });
                if (r.error) setActionError(toApiError(r.error));
              }}
            >
              {t('meet.removePersonalData')}
            </Button>
          )}
          {actionError && <ErrorAlert error={actionError} />}
        </Card>
      )}
      <AgendaBuilder meeting={m} />
      {m.status !== 'PLANNED' && m.status !== 'AGENDA_PUBLISHED' && (
        <Card headingId="meeting-exports" title={t('exports.meetingTitle')} className="yp-card yp-mt-m">
          <MeetingExports meetingId={m.id} />
        </Card>
      )}
    </div>
  );
}
