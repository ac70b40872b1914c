import { LinkParagraph } from '../../components/LinkParagraph';
import { ActionOutcome } from '../../components/ActionOutcome';
import { Card } from '../../components/Card';
import { DateField } from '../../components/DateField';
import { LabelledInput } from '../../components/LabelledInput';
import { SelectField } from '../../components/SelectField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import '../needs/needs.messages';
import { actionProblems, type ActionField } from '../needs/needForm';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import * as Y from 'yjs';
import { fieldError, toApiError, type ApiError } from '../../graphql/errors';
import type { AgendaItemFieldsFragment, DecisionMode } from '../../graphql/generated/graphql';
import { errorMessage, serverFieldMessage } from '../../i18n/errorMessage';
import { wholeNumberProblem, type WholeNumberProblem } from '../../i18n/numberInput';
import { useI18n } from '../../i18n/useI18n';
import { CollaborativeEditor } from './CollaborativeEditor';
import { CreateDecisionActionMutation, MeetingNeedOptionsQuery, RecordDecisionMutation } from './meetings.documents';
import { decisionModes, modeLabel } from './meetings.labels';
import { readOnlyReason } from './readOnlyReasons';
import { useCoEditedDocument } from './useCoEditedDocument';
import { useDecisionForm } from './useDecisionForm';

/** The plain text of a TipTap-shaped Yjs document, paragraph by paragraph. */
export function plainText(doc: Y.Doc): string {
  const out: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      out.push(node.toString().replace(/<[^>]+>/g, ''));
      return;
    }
    node.toArray().forEach((c) => walk(c as Y.XmlElement | Y.XmlText));
    if (node instanceof Y.XmlElement) out.push('\n');
  };
  walk(doc.getXmlFragment('default'));
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The decision of the item: its wording co-edited live, the mode (and vote
 * counts), then recorded by the chair or secretary; afterwards actions owned
 * by parties can be created from it.
 */
export function DecisionPanel({
  item,
  meetingId,
  canLinkNeeds,
  canRecord,
  user,
}: {
  item: AgendaItemFieldsFragment;
  meetingId: string;
  /** The agenda can still be edited, so needs can be linked to the item. */
  canLinkNeeds: boolean;
  canRecord: boolean;
  user: { name: string; color: string };
}) {
  const { t, lang } = useI18n();
  const wording = useCoEditedDocument(item.decisionDocument?.id, user, item.decisionDocument?.canEdit ?? false);
  const [, record] = useMutation(RecordDecisionMutation);
  // Initialised from the recorded decision, so a correction starts from it (not from a unanimous decision).
  const decision = useDecisionForm(item);
  const { mode, votes } = decision;
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  // A count that is no whole number 0–10 000 (the server's rule, meetings.inputs.ts), found before sending.
  const [votesProblem, setVotesProblem] = useState<WholeNumberProblem>();
  // The counts refused (more votes than members present, or a count missing): said beside the counts.
  const votesError = votesProblem
    ? typeof votesProblem === 'string'
      ? t(votesProblem)
      : t(votesProblem.key, votesProblem.values)
    : fieldError(error, 'votes') === undefined
      ? undefined
      : error?.reason
        ? errorMessage(error, t)
        : serverFieldMessage(error, 'votes', t, lang);
  const votesErrorId = `decision-votes-${item.id}-error`;
  // After the meeting the co-edited wording is closed; an item still undecided gets its wording written here, when
  // its decision is recorded (a decision recorded in the meeting keeps its wording).
  const writesAfter = canRecord && !item.decision && !item.decisionDocument?.canEdit;
  const [typed, setTyped] = useState('');
  const wordingId = `decision-wording-after-${item.id}`;
  // What the server records for the mode when nothing is written (its standard phrase, the proposal), or none.
  const source = item.defaultDecisionWordings.find((d) => d.mode === mode)?.source ?? 'NONE';
  const wordingMissing = writesAfter && !typed.trim() && source === 'NONE';
  async function onRecord(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setStatus('');
    const countProblem =
      mode === 'VOTE'
        ? Object.values(votes)
            .map((n) => wholeNumberProblem(n, { min: 0, max: 10_000 }))
            .find(Boolean)
        : undefined;
    setVotesProblem(countProblem);
    if (countProblem) return;
    // What the secretary wrote; nothing: the server records the mode's standard phrase (tabled, returned) or the proposal.
    const text = (writesAfter && typed.trim()) || (wording && plainText(wording.doc)) || '';
    const r = await record({
      itemId: item.id,
      expectedVersion: decision.version,
      // A wording the server chose (for the mode recorded before) is chosen again for the corrected mode; one written is kept.
      decision: text || (item.decision && !item.decisionWordingIsDefault ? item.decision : null),
      mode,
      votes: mode === 'VOTE' ? votes : null,
    });
    if (r.error) {
      const refused = toApiError(r.error);
      setError(refused);
      // Changed meanwhile: the summary shows the decision as it is now; recording again is then a deliberate correction.
      if (refused?.code === 'CONFLICT') decision.rebase(refused.currentVersion);
    } else {
      decision.reset();
      setTyped('');
      setStatus(t('meet.decisionRecorded'));
    }
  }
  return (
    <Card headingId={`decision-${item.id}`} title={t('meet.decision')} level="h3" className="yp-decision">
      {item.decision && (
        <div className="yp-decision__recorded" data-testid="recorded-decision">
          <p>
            <strong>{item.decisionMode ? modeLabel(t, item.decisionMode) : ''}</strong>
            {item.votes &&
              ` (${t('meet.votesText', { for: item.votes.for, against: item.votes.against, abstain: item.votes.abstain })})`}
          </p>
          <p className="yp-decision__text">{item.decision}</p>
          {item.quorum && (
            <p className="yp-meta" data-testid="decision-quorum">
              {t('rec.decisionQuorum', { present: item.quorum.present, members: item.quorum.members })}
            </p>
          )}
        </div>
      )}
      {wording && (item.decisionDocument?.canEdit || !item.decision) && (
        <CollaborativeEditor
          document={wording}
          editable={item.decisionDocument?.canEdit ?? false}
          label={t('meet.decisionWording', { title: item.title })}
          user={user}
          minimal
          readOnlyReason={readOnlyReason(t, 'decisionWording', item.decisionDocument?.editLockReason)}
        />
      )}
      {canRecord && (
        <form className="yp-decision__form" noValidate onSubmit={(e) => void onRecord(e)}>
          {/* noValidate: the counts are checked by the form itself, in the page's language (the browser's own bubble
              speaks the browser's language and names no field for a screen reader). */}
          <SelectField<DecisionMode>
            id={`decision-mode-${item.id}`}
            label={t('meet.mode')}
            value={mode}
            options={decisionModes.map((m) => ({ value: m, label: modeLabel(t, m) }))}
            onChange={(next) => next && decision.setMode(next)}
          />
          {mode === 'VOTE' &&
            (['for', 'against', 'abstain'] as const).map((k) => (
              <label key={k} className="yp-field yp-field--narrow">
                <span>{t(`meet.votes.${k}`)}</span>
                <input
                  type="number"
                  min={0}
                  value={votes[k]}
                  aria-invalid={votesError ? true : undefined}
                  aria-describedby={votesError ? votesErrorId : undefined}
                  onChange={(e) => {
                    setVotesProblem(undefined);
                    decision.setVote(k, Number(e.target.value));
                  }}
                />
              </label>
            ))}
          {writesAfter && (
            <div className="yp-field">
              <label htmlFor={wordingId}>{t('meet.wordingAfter')}</label>
              <textarea
                id={wordingId}
                rows={3}
                value={typed}
                aria-describedby={`${wordingId}-hint`}
                aria-invalid={wordingMissing && error ? true : undefined}
                data-testid="decision-wording-after"
                onChange={(e) => setTyped(e.target.value)}
              />
              <span className="yp-meta" id={`${wordingId}-hint`} data-testid="decision-wording-hint">
                {t('meet.wordingAfterHint')}{' '}
                {wordingMissing
                  ? t('meet.wordingNeeded')
                  : source === 'STANDARD_PHRASE'
                    ? t(`meet.wordingDefault${mode as 'TABLED' | 'RETURNED_FOR_PREPARATION'}`)
                    : t('meet.wordingDefaultProposal')}
              </span>
            </div>
          )}
          {mode === 'VOTE' && votesError && (
            <span className="yp-field-error" id={votesErrorId} role="alert" data-testid="votes-error">
              {votesError}
            </span>
          )}
          <Button type="submit">{item.decision ? t('meet.recordAgain') : t('meet.record')}</Button>
        </form>
      )}
      <ActionOutcome error={votesError ? undefined : error} status={status} />
      <ActionsPanel item={item} meetingId={meetingId} canLinkNeeds={canLinkNeeds} canRecord={canRecord} />
    </Card>
  );
}

type DecisionActionField = 'needId' | ActionField | 'dueDate';
const DECISION_ACTION_FIELDS: readonly DecisionActionField[] = ['needId', 'title', 'ownerPartyId', 'dueDate'];

/** Actions the decision created, and (for those who run the meeting) a form to create one owned by a party. */
function ActionsPanel({
  item,
  meetingId,
  canLinkNeeds,
  canRecord,
}: {
  item: AgendaItemFieldsFragment;
  meetingId: string;
  canLinkNeeds: boolean;
  canRecord: boolean;
}) {
  const canCreate = canRecord && !!item.decisionMode;
  const { t, name, date } = useI18n();
  const [{ data }] = useQuery({ query: MeetingNeedOptionsQuery, pause: !canCreate });
  const [, create] = useMutation(CreateDecisionActionMutation);
  const [form, setForm] = useState({ needId: item.relatedNeeds[0]?.id ?? '', title: '', ownerPartyId: '', dueDate: '' });
  const { error, setError, submit } = useSubmission();
  // As on the need page: the form's own checks and the server's refusals beside the fields, focus on the first.
  const fields = useFieldErrors<DecisionActionField>(`decision-action-${item.id}`, error, setError);
  const [status, setStatus] = useState('');
  // Those who record decisions are told why the form is missing; for others the panel stays out of the way.
  if (item.relatedNeeds.length === 0 && item.actions.length === 0 && !canRecord) return null;
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setStatus('');
    if (!fields.check(actionProblems(form))) return;
    const title = form.title.trim();
    const created = await submit(
      () =>
        create({
          input: { itemId: item.id, needId: form.needId, title, ownerPartyId: form.ownerPartyId, dueDate: form.dueDate || null },
        }),
      (data) => data.createDecisionAction,
    );
    if (!created) return fields.refused();
    setStatus(t('meet.actionCreated', { title }));
    setForm((f) => ({ ...f, title: '', dueDate: '' }));
  }
  return (
    <div className="yp-actions-panel">
      <Heading variant="h4">{t('meet.actions')}</Heading>
      {item.actions.length > 0 ? (
        <ul data-testid="decision-actions">
          {item.actions.map((a) => (
            <li key={a.id}>
              {a.title} – {name(a.ownerParty.names)}
              {a.dueDate ? ` (${date(a.dueDate)})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="yp-meta">{t('meet.noActions')}</p>
      )}
      {canRecord && item.relatedNeeds.length === 0 && (
        <div className="yp-actions-panel__why" data-testid="actions-why">
          <p>{t('meet.actionsNeedNeeds')}</p>
          {canLinkNeeds && (
            <p className="yp-meta">
              {t('meet.actionsHowToLink')}{' '}
              <Link className="yp-link" to={`/meetings/${meetingId}`}>
                {t('meet.actionsLinkToMeeting')}
              </Link>
            </p>
          )}
        </div>
      )}
      {canRecord && item.relatedNeeds.length > 0 && !item.decisionMode && (
        <p className="yp-meta" data-testid="actions-why">
          {t('meet.actionsAfterDecision')}
        </p>
      )}
      {canCreate && item.relatedNeeds.length > 0 && (
        <form
          ref={fields.formRef}
          className="yp-form"
          onSubmit={(e) => void onSubmit(e)}
          aria-label={t('meet.newAction')}
          noValidate
        >
          <SelectField
            {...fields.bind('needId', set('needId'))}
            id={`decision-action-need-${item.id}`}
            label={t('meet.actionNeed')}
            value={form.needId}
            options={item.relatedNeeds.map((n) => ({ value: n.id, label: n.title }))}
          />
          <LabelledInput
            errors={fields}
            field="title"
            id={`decision-action-title-${item.id}`}
            className="yp-field"
            label={<span>{t('meet.actionTitle')}</span>}
            required
            value={form.title}
            onChange={set('title')}
          />
          <div className="yp-field-row">
            <SelectField
              {...fields.bind('ownerPartyId', set('ownerPartyId'))}
              id={`decision-action-owner-${item.id}`}
              label={t('meet.actionOwner')}
              value={form.ownerPartyId}
              emptyLabel="–"
              options={(data?.parties ?? []).map((p) => ({ value: p.id, label: name(p.names) }))}
            />
            <DateField
              {...fields.bind('dueDate', set('dueDate'))}
              id={`decision-action-due-${item.id}`}
              label={t('meet.actionDue')}
              value={form.dueDate}
            />
          </div>
          <ActionOutcome
            error={fields.formError(DECISION_ACTION_FIELDS)}
            status={status}
            action={<Button type="submit">{t('meet.createAction')}</Button>}
          />
          <LinkParagraph className="yp-meta" to="/needs/actions">
            {t('meet.seeRegister')}
          </LinkParagraph>
        </form>
      )}
    </div>
  );
}
