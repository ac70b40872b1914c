import { ActionOutcome } from '../../components/ActionOutcome';
import { Card } from '../../components/Card';
import { SelectField } from '../../components/SelectField';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { fieldError, toApiError, withoutField, type ApiError } from '../../graphql/errors';
import type { NeedDetailFieldsFragment, NeedStatus } from '../../graphql/generated/graphql';
import { fieldErrorMessage } from '../../i18n/errorMessage';
import { useI18n } from '../../i18n/useI18n';
import { NeedOptionsQuery, TransitionNeedMutation } from './needs.documents';
import { leadNamers } from './leadNamers';
import { StatusTag } from './NeedBadges';
import { statusLabel } from './needs.labels';

const TIER_RANK: Record<string, number> = { STRATEGIC: 1, STEERING: 2, COORDINATION: 3, OPERATIONAL: 4 };

/** Who may move the need on (needsPolicy.edit), for those who may not; the recorder learns they may still edit it. */
function WhoMovesOn({ need }: { need: NeedDetailFieldsFragment }) {
  const i18n = useI18n();
  const { t, name, lang } = i18n;
  const ownerBody = need.ownerBody && name(need.ownerBody.names);
  const who = [
    t('need.moveOn.secretariat'),
    ...(ownerBody ? [t('need.moveOn.body', { body: ownerBody })] : []),
    need.lead ? t('need.moveOn.lead', { lead: name(need.lead.names) }) : t('need.moveOn.noLead'),
  ];
  // Without a lead, say who names one (needsPolicy.nameLead) and what the reader can do meanwhile.
  return (
    <div data-testid="need-move-on">
      <p className="yp-muted">{t('need.moveOn', { who: new Intl.ListFormat(lang, { type: 'conjunction' }).format(who) })}</p>
      {!need.lead && (
        <p className="yp-muted" data-testid="need-who-names-lead">
          {t('need.whoNamesLead', { who: leadNamers(i18n, ownerBody) })}
          {need.viewerCan.setResponsibility && ` ${t('need.ownPartOnly')}`}
          {need.viewerCan.comment && ` ${t('need.proposeLead')}`}
        </p>
      )}
      {need.viewerCan.edit && <p className="yp-muted">{t('need.recorderMayEdit')}</p>}
    </div>
  );
}

/** The status changes the user may make now, one button each; nothing else is offered. */
export function TransitionPanel({ need, onStale }: { need: NeedDetailFieldsFragment; onStale: () => void }) {
  const { t, name, lang } = useI18n();
  const noteId = `transition-note-${need.id}`;
  const [note, setNote] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  // The reason a rejection was refused for: set by the check here, or by the server's BAD_USER_INPUT on `note`.
  const [noteRequired, setNoteRequired] = useState(false);
  const [, transition] = useMutation(TransitionNeedMutation);
  // Where the keyboard goes once a change is answered: the pressed button is gone when the status moved (the
  // allowed transitions are the new status's), and was disabled meanwhile, so focus would fall to <body>. The
  // current status takes it (the status line below reads the change out); after a refusal, the button if it is
  // still there. Moved after the render that re-enables the buttons.
  const current = useRef<HTMLParagraphElement>(null);
  const buttons = useRef(new Map<NeedStatus, HTMLButtonElement>());
  const focusAfter = useRef<NeedStatus | 'current' | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (target == null || busy) return;
    focusAfter.current = null;
    const button = target === 'current' ? undefined : buttons.current.get(target);
    (button && !button.disabled ? button : current.current)?.focus();
  });
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery, pause: !need.allowedTransitions.includes('ESCALATED') });
  const ownerTier = need.ownerBody ? options?.cooperationBodies.find((b) => b.id === need.ownerBody?.id)?.tier : undefined;
  const higher = (options?.cooperationBodies ?? []).filter(
    (b) => !ownerTier || (TIER_RANK[b.tier] ?? 9) < (TIER_RANK[ownerTier] ?? 9),
  );

  async function go(to: NeedStatus) {
    setError(undefined);
    setStatus('');
    // The server refuses a rejection without a reason; say so beside the field before asking it.
    if (to === 'REJECTED' && note.trim() === '') {
      setNoteRequired(true);
      document.getElementById(noteId)?.focus();
      return;
    }
    setNoteRequired(false);
    setBusy(true);
    const result = await transition({
      id: need.id,
      expectedVersion: need.version,
      to,
      note: note.trim() || null,
      escalateToBodyId: to === 'ESCALATED' ? body || null : null,
    });
    focusAfter.current = result.data ? 'current' : to;
    setBusy(false);
    if (result.data) {
      setNote('');
      setStatus(t('need.transitioned', { status: statusLabel(t, to) }));
      return;
    }
    const apiError = toApiError(result.error);
    if (apiError?.code === 'CONFLICT') onStale();
    setError(apiError);
    if (fieldError(apiError, 'note')) {
      focusAfter.current = null;
      setNoteRequired(to === 'REJECTED');
      document.getElementById(noteId)?.focus();
    }
  }

  const serverNote = fieldError(error, 'note');
  const noteMessage = noteRequired
    ? t('need.rejectReasonRequired')
    : serverNote
      ? fieldErrorMessage(serverNote, t, lang)
      : undefined;

  return (
    <Card headingId="transition-heading" title={t('need.transitionTitle')} testId="transitions">
      <p className="yp-transition-current" tabIndex={-1} ref={current} data-testid="transition-current">
        {t('need.status')}: <StatusTag status={need.status} />
      </p>
      {need.allowedTransitions.length === 0 ? (
        <WhoMovesOn need={need} />
      ) : (
        <>
          <div className="yp-stack-label">
            <label htmlFor={noteId}>{t('need.transitionNote')}</label>
            <textarea
              id={noteId}
              rows={2}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setNoteRequired(false);
                setError((current) => withoutField(current, 'note'));
              }}
              aria-invalid={noteMessage ? true : undefined}
              aria-describedby={noteMessage ? `${noteId}-error` : undefined}
              data-testid="transition-note"
            />
            {noteMessage && (
              <span className="yp-field-error" id={`${noteId}-error`} data-testid="transition-note-error">
                {noteMessage}
              </span>
            )}
          </div>
          {need.allowedTransitions.includes('ESCALATED') && (
            <SelectField
              id="escalate-to"
              className="yp-stack-field"
              label={t('need.escalateTo')}
              value={body}
              emptyLabel={t('need.select')}
              options={higher.map((b) => ({ value: b.id, label: name(b.names) }))}
              onChange={setBody}
            />
          )}
          <div className="yp-actions">
            {need.allowedTransitions.map((to) => (
              <Button
                key={to}
                variant={to === 'REJECTED' || to === 'ESCALATED' ? 'secondary' : 'default'}
                disabled={busy}
                ref={(el) => {
                  if (el) buttons.current.set(to, el);
                  else buttons.current.delete(to);
                }}
                onClick={() => void go(to)}
                data-testid={`to-${to}`}
              >
                {t('need.transitionTo', { status: statusLabel(t, to) })}
              </Button>
            ))}
          </div>
        </>
      )}
      <ActionOutcome error={error} status={status} />
    </Card>
  );
}
