import { ActionOutcome } from '../../components/ActionOutcome';
import { Card } from '../../components/Card';
import { SelectField } from '../../components/SelectField';
import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { fieldError, toApiError, withoutField, type ApiError } from '../../graphql/errors';
import type { NeedDetailFieldsFragment, NeedStatus } from '../../graphql/generated/graphql';
import { fieldErrorMessage } from '../../i18n/errorMessage';
import { useI18n } from '../../i18n/useI18n';
import { NeedOptionsQuery, TransitionNeedMutation } from './needs.documents';
import { statusLabel } from './needs.labels';

const TIER_RANK: Record<string, number> = { STRATEGIC: 1, STEERING: 2, COORDINATION: 3, OPERATIONAL: 4 };

/** Who may move the need on (needsPolicy.edit), for those who may not; the recorder learns they may still edit it. */
function WhoMovesOn({ need }: { need: NeedDetailFieldsFragment }) {
  const { t, name, lang } = useI18n();
  const who = [
    t('need.moveOn.secretariat'),
    ...(need.ownerBody ? [t('need.moveOn.body', { body: need.ownerBody.name })] : []),
    need.lead ? t('need.moveOn.lead', { lead: name(need.lead.names) }) : t('need.moveOn.noLead'),
  ];
  // Without a lead, say who names one (the editors but the lead: needsPolicy.edit) and what the reader can do meanwhile.
  const namers = [
    t('need.moveOn.secretariat'),
    ...(need.ownerBody ? [t('need.whoNamesLead.body', { body: need.ownerBody.name })] : []),
  ];
  return (
    <div data-testid="need-move-on">
      <p className="yp-muted">{t('need.moveOn', { who: new Intl.ListFormat(lang, { type: 'conjunction' }).format(who) })}</p>
      {!need.lead && (
        <p className="yp-muted" data-testid="need-who-names-lead">
          {t('need.whoNamesLead', { who: new Intl.ListFormat(lang, { type: 'disjunction' }).format(namers) })}
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
  const { t } = useI18n();
  const noteId = `transition-note-${need.id}`;
  const [note, setNote] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  // The reason a rejection was refused for: set by the check here, or by the server's BAD_USER_INPUT on `note`.
  const [noteRequired, setNoteRequired] = useState(false);
  const [, transition] = useMutation(TransitionNeedMutation);
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
      setNoteRequired(to === 'REJECTED');
      document.getElementById(noteId)?.focus();
    }
  }

  const serverNote = fieldError(error, 'note');
  const noteMessage = noteRequired ? t('need.rejectReasonRequired') : serverNote ? fieldErrorMessage(serverNote, t) : undefined;

  return (
    <Card headingId="transition-heading" title={t('need.transitionTitle')} testId="transitions">
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
              options={higher.map((b) => ({ value: b.id, label: b.name }))}
              onChange={setBody}
            />
          )}
          <div className="yp-actions">
            {need.allowedTransitions.map((to) => (
              <Button
                key={to}
                variant={to === 'REJECTED' || to === 'ESCALATED' ? 'secondary' : 'default'}
                disabled={busy}
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
