import { useEffect, useId, useRef, useState } from 'react';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InlineConfirm } from '../../components/InlineConfirm';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { DecisionMode, MeetingStatus } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { TransitionMeetingMutation } from './meetings.documents';
import { statusLabel, transitionLabel } from './meetings.labels';
import { isBackward, needsConfirmation, transitionBlocker, transitionRefusal, undecidedCount } from './meetings.rules';

/**
 * One button per status the caller may move the meeting to now (the server
 * lists them). A move the client already knows would be refused (publishing
 * an empty agenda) is disabled with the reason in words beside it. A move that
 * cannot be undone (publishing the agenda, which notifies the members; ending the
 * meeting; publishing the minutes) first asks inline
 * (InlineConfirm): the question takes the focus, says what stays undecided, and
 * Peruuta (or Escape) returns the focus to the button. Once a move is made the
 * pressed button is gone with the old status: the focus goes to the next move (or
 * this group when there is none) and a polite live region says the new status.
 */
export function TransitionButtons({
  meeting,
  onResult,
}: {
  meeting: {
    id: string;
    version: number;
    status: MeetingStatus;
    agenda: readonly { decisionMode?: DecisionMode | null }[];
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
  // The move waiting for the caller's confirmation, and where the focus goes next: back to a move's button, or
  // (`left`: the status the meeting moved from) to the first move of the new status once the meeting shows it.
  const [confirming, setConfirming] = useState<MeetingStatus>();
  const [focusNext, setFocusNext] = useState<{ left: MeetingStatus } | MeetingStatus>();
  const [announced, setAnnounced] = useState('');
  const groupRef = useRef<HTMLDivElement>(null);
  const confirmId = useId();
  useEffect(() => {
    if (!focusNext) return;
    const group = groupRef.current;
    if (typeof focusNext === 'string') group?.querySelector<HTMLElement>(`[data-transition="${focusNext}"]`)?.focus();
    else if (meeting.status === focusNext.left) return;
    else (group?.querySelector<HTMLElement>('[data-transition]:not(:disabled)') ?? group)?.focus();
    setFocusNext(undefined);
  }, [focusNext, meeting.status]);
  // Checking the minutes is each elected checker's own act, in the checkers' panel, not a status button.
  const moves = meeting.allowedTransitions.filter((to) => to !== 'MINUTES_CHECKED');
  if (moves.length === 0 && !announced) return null;
  const blocked = moves.some((to) => transitionBlocker(to, meeting));
  const refusal = transitionRefusal(error);
  function cancel(to: MeetingStatus) {
    setConfirming(undefined);
    setFocusNext(to);
  }
  async function go(to: MeetingStatus) {
    setError(undefined);
    setAnnounced('');
    setPending(to);
    try {
      const r = await transition({ id: meeting.id, expectedVersion: meeting.version, to });
      setConfirming(undefined);
      // The pressed button went with the old status: the focus goes to the next move, or this group.
      setFocusNext(r.error ? to : { left: meeting.status });
      if (!r.error) setAnnounced(t('meet.statusNow', { status: statusLabel(t, to) }));
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
    <div className="yp-transitions" role="group" aria-label={t('meet.transitionsLabel')} ref={groupRef} tabIndex={-1}>
      <div className="yp-transitions__buttons">
        {moves.map((to) => {
          const blocker = transitionBlocker(to, meeting);
          const back = isBackward(meeting.status, to);
          const asks = needsConfirmation(meeting.status, to);
          return (
            <Button
              key={to}
              variant={back || (to === 'MINUTES_DRAFT' && moves.length > 1) ? 'secondary' : 'default'}
              disabled={pending !== undefined || blocker !== undefined}
              aria-describedby={blocker ? hintId : undefined}
              aria-expanded={asks ? confirming === to : undefined}
              aria-controls={asks && confirming === to ? confirmId : undefined}
              data-transition={to}
              onClick={() => {
                if (!asks) return void go(to);
                setError(undefined);
                setConfirming(to);
              }}
            >
              {transitionLabel(t, to, meeting.status)}
            </Button>
          );
        })}
      </div>
      {confirming && (
        <InlineConfirm
          id={confirmId}
          testId="transition-confirm"
          question={t(`meet.confirm.${confirming === 'HELD' || confirming === 'AGENDA_PUBLISHED' ? confirming : 'PUBLISHED'}`, {
            count: undecidedCount(meeting.agenda),
          })}
          confirmLabel={transitionLabel(t, confirming, meeting.status)}
          cancelLabel={t('meet.confirm.cancel')}
          busy={pending !== undefined}
          onConfirm={() => void go(confirming)}
          onCancel={() => cancel(confirming)}
          confirmProps={{ 'data-confirm-transition': confirming }}
        />
      )}
      {blocked && (
        <p id={hintId} className="yp-transitions__hint" data-testid="transition-hint">
          {t('meet.publishEmptyHint')}
        </p>
      )}
      <p className="yp-visually-hidden" aria-live="polite" data-testid="transition-announcement">
        {announced}
      </p>
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
