import './meetings.messages';
import './record.messages';
import { LinkParagraph } from '../../components/LinkParagraph';
import { ActionOutcome } from '../../components/ActionOutcome';
import { MultiSelectField } from '../../components/MultiSelectField';
import { SelectField } from '../../components/SelectField';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from 'suomifi-ui-components';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InlineConfirm } from '../../components/InlineConfirm';
import { CardForm } from '../../components/CardForm';
import { PageFallback } from '../../components/PageFallback';
import { PageHeading } from '../../components/PageHeading';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { MeetingQuery as Result, Publicity } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { Card, Section } from '../../components/Card';
import { RelatedNeeds } from './RelatedNeeds';
import { usePageQuery } from '../../components/usePageQuery';
import {
  AddAgendaItemMutation,
  MeetingChangedSubscription,
  MeetingNeedOptionsQuery,
  MeetingQuery,
  RemoveAgendaItemMutation,
  ReorderAgendaMutation,
} from './meetings.documents';
import { RemovePersonalDataMutation } from './record.documents';
import { publicities, publicityLabel, secrecyLabel } from './meetings.labels';
import { MeetingExports } from './MeetingExports';
import { EditItemForm } from './EditItemForm';
import { useFormFocus } from '../cooperation/useFormFocus';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { MinutesCheckersPanel, QuorumLine } from './MinutesRecordPanel';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { MeetingSubtitle } from './MeetingSubtitle';
import { TransitionButtons } from './TransitionButtons';
import { useNewestMeeting } from './useNewestMeeting';
import { sectionTitle } from './sectionMark';
import { sectionsPublished } from './meetings.rules';
import './meetings.css';
import { LabelledInput } from '../../components/LabelledInput';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';

type Meeting = NonNullable<Result['meeting']>;

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

/**
 * A status line that belongs to the meeting's status it was said in: a move of the meeting (e.g. "Julkaise
 * esityslista", said by the transition buttons) is the next action, so an older line ("Asia lisätty: …") goes.
 */
function useStatusLine(meetingStatus: string): [string, (text: string) => void] {
  const [said, setSaid] = useState({ text: '', in: meetingStatus });
  return [said.in === meetingStatus ? said.text : '', (text) => setSaid({ text, in: meetingStatus })];
}

/** The agenda as a list; those who run the meeting reorder, remove and add items while the agenda may change. */
function AgendaBuilder({ meeting: m }: { meeting: Meeting }) {
  const { t } = useI18n();
  const [, reorder] = useMutation(ReorderAgendaMutation);
  const [, remove] = useMutation(RemoveAgendaItemMutation);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useStatusLine(m.status);
  const [editingId, setEditingId] = useState<string>();
  // The keyboard goes into the item's form when 'Muokkaa' opens it and back to that button on cancel or save
  // (useFormFocus); the last opened item's button keeps the ref after the form closes, so the focus has a target.
  // A save closes the form and says so in the agenda's live region (`status`), as the goal forms do.
  const [openerId, setOpenerId] = useState<string>();
  const editOpener = useRef<HTMLButtonElement>(null);
  const editBox = useRef<HTMLDivElement>(null);
  useFormFocus(editingId !== undefined, editBox, editOpener);
  const editable = m.viewerCan.editAgenda;
  // "Poista" first asks (InlineConfirm); after a move or a removal the keyboard follows (useAgendaFocus).
  const [removing, setRemoving] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { listRef, focusAfter } = useAgendaFocus(m.agenda);
  // Published § numbers stay (the server keeps them): a move is the order of handling, an item is not removed.
  const fixed = sectionsPublished(m.status);
  async function move(index: number, delta: number) {
    const ids = m.agenda.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    setError(undefined);
    const r = await reorder({ meetingId: m.id, expectedVersion: m.version, itemIds: ids });
    if (r.error) setError(toApiError(r.error));
    else {
      setStatus(t('meet.reordered', { title: m.agenda[index]!.title, position: index + delta + 1 }));
      focusAfter({ moved: moved!, to: index + delta, button: delta < 0 ? 'up' : 'down' });
    }
  }
  async function removeItem(index: number) {
    const item = m.agenda[index]!;
    setError(undefined);
    setBusy(true);
    try {
      const r = await remove({ id: item.id, expectedVersion: item.version });
      setRemoving(undefined);
      if (r.error) {
        setError(toApiError(r.error));
        focusAfter({ button: 'remove', of: item.id });
      } else {
        setStatus(t('meet.itemRemoved', { title: item.title }));
        focusAfter({ removed: item.id, next: (m.agenda[index + 1] ?? m.agenda[index - 1])?.id });
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section headingId="agenda" title={t('meet.agenda')} className="yp-mt-m">
      {m.agenda.length === 0 && (
        <p>{m.status === 'PLANNED' && !m.viewerCan.manage ? t('meet.agendaDraft') : t('meet.agendaEmpty')}</p>
      )}
      {editable && fixed && m.agenda.length > 0 && (
        <p className="yp-meta" data-testid="sections-fixed">
          {t('meet.sectionsFixed')}
        </p>
      )}
      <ol className="yp-agenda-builder" ref={listRef}>
        {m.agenda.map((item, i) => (
          <li key={item.id} className="yp-card" data-item-id={item.id}>
            <div className="yp-agenda-builder__head">
              <strong tabIndex={-1} data-item-title>
                {sectionTitle(item)}
              </strong>
              {item.publicity !== 'PUBLIC' && <span className="yp-badge yp-badge--secret">{secrecyLabel(t, item)}</span>}
            </div>
            {item.proposal && <p className="yp-agenda-builder__proposal">{item.proposal}</p>}
            {item.presenter && <p className="yp-meta">{t('meet.presenter', { name: item.presenter.name })}</p>}
            <RelatedNeeds needs={item.relatedNeeds} />
            {editable && (
              <div className="yp-actions">
                <Button
                  variant="secondaryNoBorder"
                  disabled={i === 0}
                  data-move="up"
                  onClick={() => void move(i, -1)}
                  aria-label={t('meet.moveUp', { title: item.title })}
                >
                  ↑ {t('meet.up')}
                </Button>
                <Button
                  variant="secondaryNoBorder"
                  disabled={i === m.agenda.length - 1}
                  data-move="down"
                  onClick={() => void move(i, 1)}
                  aria-label={t('meet.moveDown', { title: item.title })}
                >
                  ↓ {t('meet.down')}
                </Button>
                {!item.restricted && (
                  <Button
                    variant="secondaryNoBorder"
                    ref={openerId === item.id ? editOpener : undefined}
                    onClick={() => {
                      setOpenerId(item.id);
                      // Opening (or closing) a form starts another action: the words of the last save are not about it.
                      setStatus('');
                      setEditingId(editingId === item.id ? undefined : item.id);
                    }}
                    aria-label={t('meet.editItem', { title: item.title })}
                    aria-expanded={editingId === item.id}
                    aria-controls={editingId === item.id ? `edit-item-box-${item.id}` : undefined}
                    data-testid="edit-item-open"
                  >
                    {t('meet.edit.open')}
                  </Button>
                )}
                {!item.decisionMode && !fixed && (
                  <Button
                    variant="secondaryNoBorder"
                    data-move="remove"
                    onClick={() => {
                      setError(undefined);
                      setStatus('');
                      setRemoving(removing === item.id ? undefined : item.id);
                    }}
                    aria-label={t('meet.removeItem', { title: item.title })}
                    aria-expanded={removing === item.id}
                    aria-controls={removing === item.id ? `remove-item-confirm-${item.id}` : undefined}
                  >
                    {t('meet.remove')}
                  </Button>
                )}
              </div>
            )}
            {editable && removing === item.id && (
              <InlineConfirm
                id={`remove-item-confirm-${item.id}`}
                testId="remove-item-confirm"
                question={t('meet.removeConfirm', { title: item.title })}
                confirmLabel={t('meet.remove')}
                cancelLabel={t('meet.confirm.cancel')}
                busy={busy}
                onConfirm={() => void removeItem(i)}
                onCancel={() => {
                  setRemoving(undefined);
                  focusAfter({ button: 'remove', of: item.id });
                }}
              />
            )}
            {!item.restricted && (
              <AttachmentsPanel target={{ type: 'AGENDA_ITEM', id: item.id, meetingId: m.id }} headingLevel="h3" />
            )}
            {editable && editingId === item.id && (
              <div ref={editBox} id={`edit-item-box-${item.id}`}>
                <EditItemForm
                  meeting={m}
                  item={item}
                  onDone={() => setEditingId(undefined)}
                  onSaved={(said) => {
                    setStatus(said);
                    setEditingId(undefined);
                  }}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
      <ActionOutcome error={error} status={status} testId="agenda-status" />
      {editable && <AddItemForm meeting={m} />}
    </Section>
  );
}

type AgendaFocus =
  /** An item moved to index `to`: its pressed button, or its other one once the pressed one is disabled. */
  | { moved: string; to: number; button: 'up' | 'down' }
  /** An item was removed: the title of `next` (the one that took its place, or the one above), else the heading. */
  | { removed: string; next: string | undefined }
  /** Back to an item's own button (a cancelled or refused removal). */
  | { button: 'remove'; of: string };

/**
 * Where the keyboard goes after an act on the agenda, once the agenda shows its result: a move disables the pressed
 * button at the end of the list and a removal takes the pressed button away, and the focus must not fall to <body>.
 */
function useAgendaFocus(agenda: readonly { id: string }[]) {
  const listRef = useRef<HTMLOListElement>(null);
  const [target, setTarget] = useState<AgendaFocus>();
  useEffect(() => {
    if (!target) return;
    const list = listRef.current;
    const itemEl = (id: string | undefined) =>
      id ? list?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`) : null;
    const enabled = (el: HTMLElement | null | undefined, move: string) =>
      el?.querySelector<HTMLButtonElement>(`[data-move="${move}"]:not(:disabled)`);
    const title = (el: HTMLElement | null | undefined) => el?.querySelector<HTMLElement>('[data-item-title]');
    let next: HTMLElement | null | undefined;
    if ('moved' in target) {
      if (agenda.findIndex((i) => i.id === target.moved) !== target.to) return;
      const el = itemEl(target.moved);
      next = enabled(el, target.button) ?? enabled(el, target.button === 'up' ? 'down' : 'up') ?? title(el);
    } else if ('removed' in target) {
      if (agenda.some((i) => i.id === target.removed)) return;
      next = title(itemEl(target.next));
      if (!next) {
        next = document.getElementById('agenda');
        next?.setAttribute('tabindex', '-1');
      }
    } else next = enabled(itemEl(target.of), 'remove');
    next?.focus();
    setTarget(undefined);
  }, [target, agenda]);
  return { listRef, focusAfter: setTarget };
}

type NewItemField = 'title' | 'proposal' | 'presenterId' | 'caseNumber' | 'publicity' | 'legalBasis' | 'relatedNeedIds';
const NEW_ITEM_FIELDS: readonly NewItemField[] = [
  'title',
  'proposal',
  'presenterId',
  'caseNumber',
  'publicity',
  'legalBasis',
  'relatedNeedIds',
];

function AddItemForm({ meeting: m }: { meeting: Meeting }) {
  const { t } = useI18n();
  const [, add] = useMutation(AddAgendaItemMutation);
  const [{ data: options }] = useQuery({ query: MeetingNeedOptionsQuery });
  const empty = {
    title: '',
    proposal: '',
    presenterId: '',
    caseNumber: '',
    publicity: 'PUBLIC' as Publicity,
    legalBasis: '',
    needIds: [] as string[],
  };
  const [form, setForm] = useState(empty);
  const { error, setError, submit } = useSubmission();
  // As on the need page: the form's own check and the server's refusals beside the fields, focus on the first.
  const fields = useFieldErrors<NewItemField>('new-item', error, setError);
  const [status, setStatus] = useStatusLine(m.status);
  const set = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    for (const key of Object.keys(patch)) fields.clear(key === 'needIds' ? 'relatedNeedIds' : (key as NewItemField));
  };
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setStatus('');
    if (!fields.check(form.title.trim() ? {} : { title: 'error.fieldRequired' })) return;
    const added = await submit(
      () =>
        add({
          input: {
            meetingId: m.id,
            title: form.title,
            proposal: form.proposal || null,
            presenterId: form.presenterId || null,
            caseNumber: form.caseNumber || null,
            publicity: form.publicity,
            legalBasis: form.legalBasis || null,
            relatedNeedIds: form.needIds,
          },
        }),
      (data) => data.addAgendaItem,
    );
    if (!added) return fields.refused();
    setStatus(t('meet.itemAdded', { title: form.title }));
    setForm(empty);
  }
  const textField = (field: NewItemField) => ({ errors: fields, field, className: 'yp-field' });
  // The fields the form shows now (legal basis only for items not public): a refusal of another is said as a whole.
  const shown = NEW_ITEM_FIELDS.filter((f) => f !== 'legalBasis' || form.publicity !== 'PUBLIC');
  return (
    <CardForm formRef={fields.formRef} onSubmit={onSubmit} headingId="add-item" title={t('meet.addItem')} level="h3">
      <LabelledInput
        {...textField('title')}
        id="new-item-title"
        label={<span>{t('meet.itemTitle')}</span>}
        required
        value={form.title}
        onChange={(title) => set({ title })}
      />
      <LabelledInput
        {...textField('proposal')}
        label={<span>{t('meet.proposal')}</span>}
        rows={3}
        value={form.proposal}
        onChange={(proposal) => set({ proposal })}
      />
      <div className="yp-field-row">
        <SelectField
          id="new-item-presenter"
          label={t('meet.presenterLabel')}
          value={form.presenterId}
          emptyLabel="–"
          options={m.participants.map((p) => ({ value: p.person.id, label: p.person.name }))}
          onChange={(presenterId) => set({ presenterId })}
          error={fields.messageFor('presenterId')}
        />
        <LabelledInput
          {...textField('caseNumber')}
          label={<span>{t('meet.caseNumber')}</span>}
          value={form.caseNumber}
          onChange={(caseNumber) => set({ caseNumber })}
        />
      </div>
      <div className="yp-field-row">
        <SelectField<Publicity>
          id="new-item-publicity"
          label={t('meet.publicityLabel')}
          value={form.publicity}
          options={publicities.map((p) => ({ value: p, label: publicityLabel(t, p) }))}
          onChange={(publicity) => publicity && set({ publicity })}
          error={fields.messageFor('publicity')}
        />
        {form.publicity !== 'PUBLIC' && (
          <LabelledInput
            {...textField('legalBasis')}
            label={<span>{t('meet.legalBasis')}</span>}
            placeholder="JulkL 24.1 § 25 k"
            value={form.legalBasis}
            onChange={(legalBasis) => set({ legalBasis })}
          />
        )}
      </div>
      <MultiSelectField
        id="new-item-needs"
        label={t('meet.relatedNeeds')}
        value={form.needIds}
        options={(options?.serviceNeeds.edges ?? []).map(({ node }) => ({ value: node.id, label: node.title }))}
        onChange={(needIds) => set({ needIds })}
        error={fields.messageFor('relatedNeedIds')}
      />
      <ActionOutcome
        error={fields.formError(shown)}
        status={status}
        action={<Button type="submit">{t('meet.addItemSubmit')}</Button>}
      />
    </CardForm>
  );
}
