import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ActionOutcome } from '../../components/ActionOutcome';
import { Card } from '../../components/Card';
import { InlineConfirm } from '../../components/InlineConfirm';
import { useFieldErrors } from '../../components/useFieldErrors';
import type { Answer } from '../../components/useSubmission';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { MeetingFieldsFragment } from '../../graphql/generated/graphql';
import './record.css';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CheckMinutesMutation, ElectMinutesCheckersMutation, ReopenMinutesForCorrectionMutation } from './record.documents';

/** Quorum now, from attendance: more than half of the body's members present. */
export function QuorumLine({ meeting: m }: { meeting: Pick<MeetingFieldsFragment, 'quorum' | 'status'> }) {
  const { t } = useI18n();
  if (m.status === 'PLANNED') return null;
  const q = m.quorum;
  return (
    <p className={`yp-quorum${q.reached ? '' : ' yp-quorum--missing'}`} data-testid="quorum" data-reached={q.reached}>
      <strong>{t('rec.quorum')}:</strong>{' '}
      {t(q.reached ? 'rec.quorumReached' : 'rec.quorumMissing', { present: q.present, members: q.members, required: q.required })}
    </p>
  );
}

/**
 * The minutes checkers (pöytäkirjantarkastajat): who they are and when each
 * checked; those who run the meeting elect two persons present, and each
 * elected checker marks the minutes checked for themselves. After either the
 * keyboard goes to the list of checkers, which shows what changed (the pressed
 * button was disabled while sending, or is gone), and the status line says it.
 * Once a checker has checked, the minutes' content is locked (the server refuses every change) and the panel says
 * so; those who run the meeting may reopen the minutes for a correction, after an inline confirmation: every check
 * is cleared and the checkers, following the meeting, see it at once.
 */
export function MinutesCheckersPanel({
  meeting: m,
}: {
  meeting: MeetingFieldsFragment & { participants: readonly { role: string; person: { id: string } }[] };
}) {
  const { t, dateTime } = useI18n();
  const viewerId = useCurrentUser().user?.id;
  const headingId = useId();
  const [, elect] = useMutation(ElectMinutesCheckersMutation);
  const [, check] = useMutation(CheckMinutesMutation);
  const [, reopen] = useMutation(ReopenMinutesForCorrectionMutation);
  const [confirmingReopen, setConfirmingReopen] = useState(false);
  const reopenHintId = useId();
  const reopenConfirmId = useId();
  const reopenRef = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [focusList, setFocusList] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!focusList || !list.current) return;
    list.current.focus();
    setFocusList(false);
  }, [focusList, m.minutesCheckers]);
  const fields = useFieldErrors<'personIds'>('elect-checkers', error, setError);
  if (['PLANNED', 'AGENDA_PUBLISHED'].includes(m.status)) return null;
  // The checkers are elected among the voting members present, as the server says of each (`fillsSeat`; it refuses
  // others: NOT_A_VOTING_MEMBER); one who cannot sign in to check (`canCheckMinutes` false: NO_ACCOUNT) is listed,
  // not selectable, with the reason in words.
  const present = m.attendance.filter((a) => a.fillsSeat);
  // An elected checker who cannot sign in (an account deactivated since): the way on, in words.
  const stranded = m.minutesCheckers.filter((c) => !c.checkedAt && !c.hasAccount).map((c) => c.person.name);
  const selectable = new Set(present.filter((a) => a.canCheckMinutes).map((a) => a.person.id));
  // Only those still selectable are ticked (and sent): a stranded checker, or one ticked here who has lost their
  // account since, would otherwise ride along unseen in the choice.
  const picked = (chosen.length ? chosen : m.minutesCheckers.map((c) => c.person.id)).filter((id) => selectable.has(id));

  /**
   * Sends one of the panel's acts on the meeting (at the version shown): refused, the refusal is said and it
   * returns false; done, the status line says `done` and the keyboard goes to the list of checkers.
   */
  async function act(
    send: (meeting: { meetingId: string; expectedVersion: number }) => Promise<Answer<unknown>>,
    done: MessageKey,
  ) {
    setError(undefined);
    setBusy(true);
    const r = await send({ meetingId: m.id, expectedVersion: m.version });
    setBusy(false);
    if (r.error) {
      setError(toApiError(r.error));
      return false;
    }
    setStatus(t(done));
    setFocusList(true);
    return true;
  }
  async function onElect(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setStatus('');
    // Exactly two: the button stays enabled, so a keyboard or screen-reader user learns why nothing was sent.
    if (!fields.check(picked.length === 2 ? {} : { personIds: 'rec.electTwoRequired' })) return;
    if (!(await act((meeting) => elect({ ...meeting, personIds: picked }), 'rec.elected'))) return fields.refused();
    setChosen([]);
  }
  async function onReopen() {
    const done = await act(reopen, 'rec.reopened');
    setConfirmingReopen(false);
    if (!done) focusReopenButton();
  }
  function focusReopenButton() {
    reopenRef.current?.querySelector<HTMLElement>('[data-testid="reopen-minutes"]')?.focus();
  }
  function cancelReopen() {
    setConfirmingReopen(false);
    focusReopenButton();
  }
  const checkedCount = m.minutesCheckers.filter((c) => c.checkedAt).length;
  const toggle = (id: string, on: boolean) => {
    setChosen(on ? [...picked.filter((p) => p !== id), id].slice(-2) : picked.filter((p) => p !== id));
    fields.clear('personIds');
  };

  return (
    <Card headingId={headingId} title={t('rec.checkers')} className="yp-card yp-checkers" testId="minutes-checkers">
      <p className="yp-meta">{t('rec.checkersIntro')}</p>
      {m.minutesCheckers.length === 0 ? (
        <p>{t('rec.noCheckers')}</p>
      ) : (
        <ul className="yp-checkers__list" ref={list} tabIndex={-1} aria-labelledby={headingId} data-testid="checkers-list">
          {m.minutesCheckers.map((c) => (
            <li
              key={c.person.id}
              data-checked={!!c.checkedAt}
              data-self={(!!viewerId && c.person.user?.id === viewerId) || undefined}
            >
              <strong>{c.person.name}</strong>
              {/* The viewer's own row, in words: a checker sees which name is theirs. */}
              {!!viewerId && c.person.user?.id === viewerId && <span className="yp-self"> {t('meet.you')}</span>}:{' '}
              {c.checkedAt ? t('rec.checkedAt', { date: dateTime(c.checkedAt) }) : t('rec.notChecked')}
              {!c.checkedAt && !c.hasAccount && <> ({t('rec.checkerNoAccount')})</>}
            </li>
          ))}
        </ul>
      )}
      {stranded.length > 0 && (m.viewerCan.reopenMinutes || m.viewerCan.electCheckers) && (
        <p className="yp-meta" data-testid="checker-no-account">
          {t(m.viewerCan.electCheckers ? 'rec.checkerNoAccountElect' : 'rec.checkerNoAccountReopen', {
            names: stranded.join(', '),
          })}
        </p>
      )}
      {m.status === 'MINUTES_DRAFT' && checkedCount > 0 && (
        <p className="yp-meta yp-checkers__locked" data-testid="minutes-locked">
          {t('rec.lockedByCheck')}
        </p>
      )}
      {m.viewerCan.reopenMinutes && (
        <div className="yp-checkers__reopen" ref={reopenRef}>
          <p id={reopenHintId} className="yp-meta">
            {t('rec.reopenHint')}
          </p>
          <Button
            variant="secondary"
            disabled={busy}
            aria-describedby={reopenHintId}
            aria-expanded={confirmingReopen}
            aria-controls={confirmingReopen ? reopenConfirmId : undefined}
            onClick={() => {
              setError(undefined);
              setConfirmingReopen(true);
            }}
            data-testid="reopen-minutes"
          >
            {t('rec.reopen')}
          </Button>
          {confirmingReopen && (
            <InlineConfirm
              id={reopenConfirmId}
              testId="reopen-confirm"
              question={t('rec.reopenConfirm', { count: checkedCount })}
              confirmLabel={t('rec.reopen')}
              cancelLabel={t('meet.confirm.cancel')}
              busy={busy}
              onConfirm={() => void onReopen()}
              onCancel={cancelReopen}
              confirmProps={{ 'data-confirm-reopen': 'true' }}
            />
          )}
        </div>
      )}
      {m.viewerCan.checkMinutes && (
        <Button onClick={() => void act(check, 'rec.checked')} disabled={busy} data-testid="check-minutes">
          {t('rec.check')}
        </Button>
      )}
      {m.viewerCan.checkMinutesLockReason === 'NOT_A_VOTING_MEMBER' && (
        <p className="yp-meta" data-testid="check-minutes-why">
          {t('rec.checkNotVoting')}
        </p>
      )}
      {m.viewerCan.checkMinutesLockReason === 'UNDECIDED_ITEMS' && (
        <p className="yp-meta" data-testid="check-minutes-why">
          {t('rec.checkUndecided', {
            items: m.agenda
              .filter((i) => !i.decisionMode)
              .map((i) => (i.section != null ? `${i.section} § ${i.title}` : i.title))
              .join('; '),
          })}
        </p>
      )}
      {m.viewerCan.electCheckers && (
        <form ref={fields.formRef} onSubmit={(e) => void onElect(e)} className="yp-form" noValidate>
          <fieldset className="yp-checkers__choose" aria-describedby={fields.aria('personIds')['aria-describedby']}>
            <legend>{t('rec.electLegend')}</legend>
            {fields.errorText('personIds')}
            {present.length === 0 && <p>{t('rec.nobodyPresent')}</p>}
            {present.map((a) => (
              <label key={a.person.id} className="yp-check">
                <input
                  type="checkbox"
                  checked={picked.includes(a.person.id)}
                  disabled={!a.canCheckMinutes}
                  onChange={(e) => toggle(a.person.id, e.target.checked)}
                />{' '}
                {/* The reason is in the label, so in the box's name: said once (not again as its description). One
                    span with the name, so that on a narrow screen it wraps under the name, not in a column beside it. */}
                <span>
                  {a.person.name}
                  {!a.canCheckMinutes && <span className="yp-meta"> ({t('rec.noAccount')})</span>}
                </span>
              </label>
            ))}
          </fieldset>
          <p className="yp-meta">{t('rec.electHint')}</p>
          <Button type="submit" variant="secondary" disabled={busy} data-testid="elect-checkers">
            {t('rec.electSubmit')}
          </Button>
        </form>
      )}
      <ActionOutcome error={error} status={status} />
    </Card>
  );
}
