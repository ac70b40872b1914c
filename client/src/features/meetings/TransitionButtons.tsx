import { useId, useState } from 'react';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { MeetingStatus } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { TransitionMeetingMutation } from './meetings.documents';
import { transitionLabel } from './meetings.labels';
import { isBackward, transitionBlocker, transitionRefusal } from './meetings.rules';

/**
 * One button per status the caller may move the meeting to now (the server
 * lists them). A move the client already knows would be refused (publishing
 * an empty agenda) is disabled with the reason in words beside it.
 */
export function TransitionButtons({
  meeting,
  onResult,
}: {
  meeting: {
    id: string;
    version: number;
    status: MeetingStatus;
    agenda: readonly unknown[];
    allowedTransitions: readonly MeetingStatus[];
  };
  /** Called with the meeting's version after a transition answers (the new one, or the current one of a CONFLICT). */
  onResult?: (id: string, version: number) => void;
}) {
  const { t } = useI18n();
  const hintId = useId();
  const [, transition] = useMutation(TransitionMeetingMutation);
  // Our own flag, not urql's `fetching`: cleared when this request answers, whatever else the cache does meanwhile.
  const [pending, setPending] = useState<MeetingStatus>();
  const [error, setError] = useState<ApiError>();
  // Checking the minutes is each elected checker's own act, in the checkers' panel, not a status button.
  const moves = meeting.allowedTransitions.filter((to) => to !== 'MINUTES_CHECKED');
  if (moves.length === 0) return null;
  const blocked = moves.some((to) => transitionBlocker(to, meeting));
  const refusal = transitionRefusal(error);
  async function go(to: MeetingStatus) {
    setError(undefined);
    setPending(to);
    try {
      const r = await transition({ id: meeting.id, expectedVersion: meeting.version, to });
      if (r.data?.transitionMeeting) onResult?.(r.data.transitionMeeting.id, r.data.transitionMeeting.version);
      if (r.error) {
        const e = toApiError(r.error);
        setError(e);
        if (e?.currentVersion !== undefined) onResult?.(meeting.id, e.currentVersion);
      }
    } finally {
      setPending(undefined);
    }
  }
  return (
    <div className="yp-transitions" role="group" aria-label={t('meet.transitionsLabel')}>
      <div className="yp-transitions__buttons">
        {moves.map((to) => {
          const blocker = transitionBlocker(to, meeting);
          const back = isBackward(meeting.status, to);
          return (
            <Button
              key={to}
              variant={back || (to === 'MINUTES_DRAFT' && moves.length > 1) ? 'secondary' : 'default'}
              disabled={pending !== undefined || blocker !== undefined}
              aria-describedby={blocker ? hintId : undefined}
              data-transition={to}
              onClick={() => void go(to)}
            >
              {transitionLabel(t, to, meeting.status)}
            </Button>
          );
        })}
      </div>
      {blocked && (
        <p id={hintId} className="yp-transitions__hint" data-testid="transition-hint">
          {t('meet.publishEmptyHint')}
        </p>
      )}
      {refusal ? (
        <InlineAlert status="error" role="alert" labelText={t('error.title')} data-error-code={error?.code}>
          {t('meet.publishEmptyRefused')}
        </InlineAlert>
      ) : (
        error && <ErrorAlert error={error} />
      )}
    </div>
  );
}
