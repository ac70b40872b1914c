import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { MeetingStatus } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { TransitionMeetingMutation } from './meetings.documents';
import { transitionLabel } from './meetings.labels';

/** One button per status the caller may move the meeting to now (the server lists them). */
export function TransitionButtons({
  meeting,
}: {
  meeting: { id: string; version: number; allowedTransitions: readonly MeetingStatus[] };
}) {
  const { t } = useI18n();
  const [{ fetching }, transition] = useMutation(TransitionMeetingMutation);
  const [error, setError] = useState<ApiError>();
  if (meeting.allowedTransitions.length === 0) return null;
  return (
    <>
      {meeting.allowedTransitions.map((to) => (
        <Button
          key={to}
          variant={to === 'MINUTES_DRAFT' && meeting.allowedTransitions.length > 1 ? 'secondary' : 'default'}
          disabled={fetching}
          data-transition={to}
          onClick={async () => {
            setError(undefined);
            const r = await transition({ id: meeting.id, expectedVersion: meeting.version, to });
            if (r.error) setError(toApiError(r.error));
          }}
        >
          {transitionLabel(t, to)}
        </Button>
      ))}
      {error && <ErrorAlert error={error} />}
    </>
  );
}
