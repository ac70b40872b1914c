import { MultiSelectField } from '../../components/MultiSelectField';
import { SelectField } from '../../components/SelectField';
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Heading, InlineAlert } from 'suomifi-ui-components';
import { useClient, useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, withoutField, type ApiError } from '../../graphql/errors';
import type { AgendaItemFieldsFragment, MeetingQuery, Publicity, UpdateAgendaItemInput } from '../../graphql/generated/graphql';
import { serverFieldMessage } from '../../i18n/errorMessage';
import { useI18n } from '../../i18n/useI18n';
import { MeetingNeedOptionsQuery, MeetingQuery as MeetingDocument, UpdateAgendaItemMutation } from './meetings.documents';
import { publicities, publicityLabel } from './meetings.labels';

type Meeting = NonNullable<MeetingQuery['meeting']>;

/** The form's values, as typed (empty string = not set). */
interface ItemValues {
  title: string;
  proposal: string;
  presenterId: string;
  preparerId: string;
  caseNumber: string;
  publicity: Publicity;
  legalBasis: string;
  relatedNeedIds: string[];
}

type Field = keyof ItemValues;

const valuesOf = (item: AgendaItemFieldsFragment): ItemValues => ({
  title: item.title,
  proposal: item.proposal ?? '',
  presenterId: item.presenter?.id ?? '',
  preparerId: item.preparer?.id ?? '',
  caseNumber: item.caseNumber ?? '',
  publicity: item.publicity,
  legalBasis: item.legalBasis ?? '',
  relatedNeedIds: item.relatedNeeds.map((n) => n.id),
});

const same = (a: ItemValues[Field], b: ItemValues[Field]) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().join() === [...b].sort().join()
    : String(a).trim() === String(b).trim();

/** Only the fields the user changed relative to the version they started from; an emptied field is sent as null. */
function changedInput(base: ItemValues, values: ItemValues): UpdateAgendaItemInput {
  const input: UpdateAgendaItemInput = {};
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  if (!same(base.title, values.title)) input.title = values.title.trim();
  if (!same(base.proposal, values.proposal)) input.proposal = text(values.proposal);
  if (!same(base.presenterId, values.presenterId)) input.presenterId = text(values.presenterId);
  if (!same(base.preparerId, values.preparerId)) input.preparerId = text(values.preparerId);
  if (!same(base.caseNumber, values.caseNumber)) input.caseNumber = text(values.caseNumber);
  if (!same(base.publicity, values.publicity)) input.publicity = values.publicity;
  if (!same(base.legalBasis, values.legalBasis)) input.legalBasis = text(values.legalBasis);
  if (!same(base.relatedNeedIds, values.relatedNeedIds)) input.relatedNeedIds = values.relatedNeedIds;
  return input;
}

/**
 * Edits one agenda item against the version the form was opened on. When
 * someone else saved first the server answers CONFLICT: the form says so in
 * words and lets the user either save their values over the newer version or
 * take the newer version into the form. A save that goes through hands its
 * words to `onSaved` (the page says them in its live region and closes the form).
 */
export function EditItemForm({
  meeting: m,
  item,
  onDone,
  onSaved,
}: {
  meeting: Meeting;
  item: AgendaItemFieldsFragment;
  /** Closes the form without saving. */
  onDone: () => void;
  /** The item was saved: what to announce ("Asia ”…” tallennettu (versio 3)."); the form is done. */
  onSaved: (said: string) => void;
}) {
  const { t, lang } = useI18n();
  const [, update] = useMutation(UpdateAgendaItemMutation);
  const client = useClient();
  const [{ data: options }] = useQuery({ query: MeetingNeedOptionsQuery });
  const [base, setBase] = useState(() => ({ version: item.version, values: valuesOf(item) }));
  const [values, setValues] = useState(base.values);
  const [error, setError] = useState<ApiError>();
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const [conflict, setConflict] = useState<{ attempted: number; current: number }>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const prefix = `edit-item-${item.id}`;
  const dirty = Object.keys(changedInput(base.values, values)).length > 0;

  // A newer version arrived live (someone else saved): a form without edits follows it; one with edits keeps them,
  // and its save names the version the user started from, so the server answers CONFLICT.
  useEffect(() => {
    if (dirty || conflict || item.version <= base.version) return;
    setBase({ version: item.version, values: valuesOf(item) });
    setValues(valuesOf(item));
    // Follows the item's version only: the other values are read as they are then.
  }, [item.version]);

  const set = (field: Field, value: ItemValues[Field]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setLocalErrors(({ [field]: _, ...rest }) => rest);
    setError((e) => withoutField(e, field));
  };

  /** Sends the user's own changes (relative to the version they started from) against expectedVersion. */
  async function save(expectedVersion: number) {
    setStatus('');
    setError(undefined);
    const problems: Partial<Record<Field, string>> = {};
    if (values.title.trim() === '') problems.title = t('meet.edit.titleRequired');
    if (values.publicity !== 'PUBLIC' && values.legalBasis.trim() === '') problems.legalBasis = t('meet.edit.legalBasisRequired');
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const input = changedInput(base.values, values);
    if (Object.keys(input).length === 0) {
      setStatus(t('meet.edit.noChanges'));
      return;
    }
    setBusy(true);
    const r = await update({ id: item.id, expectedVersion, input });
    setBusy(false);
    const saved = r.data?.updateAgendaItem;
    if (saved) {
      onSaved(t('meet.edit.saved', { title: saved.title, version: saved.version }));
      return;
    }
    const apiError = toApiError(r.error);
    if (apiError?.code === 'CONFLICT') {
      setConflict({ attempted: expectedVersion, current: apiError.currentVersion ?? item.version });
      // The live event may not have arrived yet: read the meeting again so the form knows the newer version.
      void client.query(MeetingDocument, { id: m.id }, { requestPolicy: 'network-only' }).toPromise();
      return;
    }
    setError(apiError);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save(base.version);
  }

  const takeTheirs = () => {
    const latest = { version: item.version, values: valuesOf(item) };
    setBase(latest);
    setValues(latest.values);
    setConflict(undefined);
    setError(undefined);
    setLocalErrors({});
  };

  const message = (field: Field): string | undefined => {
    const local = localErrors[field];
    if (local) return local;
    return serverFieldMessage(error, field, t, lang);
  };

  // The current presenter or preparer may no longer be a member: keep them choosable.
  const people = new Map(m.participants.map((p) => [p.person.id, p.person.name]));
  for (const person of [item.presenter, item.preparer]) if (person) people.set(person.id, person.name);
  const needs = new Map((options?.serviceNeeds.edges ?? []).map(({ node }) => [node.id, node.title]));
  for (const need of item.relatedNeeds) if (!needs.has(need.id)) needs.set(need.id, need.title);

  const textField = (field: 'title' | 'caseNumber' | 'legalBasis', label: string, extra: { placeholder?: string } = {}) => {
    const msg = message(field);
    return (
      <div className="yp-field">
        <label htmlFor={`${prefix}-${field}`}>{label}</label>
        <input
          id={`${prefix}-${field}`}
          name={field}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
          aria-invalid={msg ? true : undefined}
          aria-describedby={msg ? `${prefix}-${field}-error` : undefined}
          {...extra}
        />
        {msg && (
          <span className="yp-field__error" id={`${prefix}-${field}-error`}>
            {msg}
          </span>
        )}
      </div>
    );
  };

  const personSelect = (field: 'presenterId' | 'preparerId', label: string) => (
    <SelectField
      id={`${prefix}-${field}`}
      label={label}
      value={values[field]}
      emptyLabel="–"
      options={[...people].map(([id, name]) => ({ value: id, label: name }))}
      onChange={(id) => set(field, id)}
      error={message(field)}
    />
  );

  return (
    <form
      className="yp-form yp-card yp-mt-m"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${prefix}-heading`}
      data-testid="edit-item-form"
    >
      <Heading variant="h3" id={`${prefix}-heading`}>
        {t('meet.edit.heading', { title: item.title })}
      </Heading>
      <p className="yp-muted">{t('meet.edit.intro', { version: base.version })}</p>
      {conflict && (
        <InlineAlert status="error" labelText={t('meet.edit.conflictTitle')} data-testid="edit-item-conflict">
          <p>{t('meet.edit.conflictBody', { base: conflict.attempted, version: Math.max(conflict.current, item.version) })}</p>
          <div className="yp-actions">
            <Button disabled={busy} onClick={() => void save(item.version)}>
              {t('meet.edit.applyMine')}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={takeTheirs}>
              {t('meet.edit.takeTheirs')}
            </Button>
          </div>
        </InlineAlert>
      )}
      {textField('title', t('meet.itemTitle'))}
      <div className="yp-field-row">
        {personSelect('presenterId', t('meet.presenterLabel'))}
        {personSelect('preparerId', t('meet.edit.preparer'))}
        {textField('caseNumber', t('meet.caseNumber'))}
      </div>
      <div className="yp-field">
        <label htmlFor={`${prefix}-proposal`}>{t('meet.proposal')}</label>
        <textarea id={`${prefix}-proposal`} rows={4} value={values.proposal} onChange={(e) => set('proposal', e.target.value)} />
        {message('proposal') && <span className="yp-field__error">{message('proposal')}</span>}
      </div>
      <div className="yp-field-row">
        <SelectField<Publicity>
          id={`${prefix}-publicity`}
          label={t('meet.publicityLabel')}
          value={values.publicity}
          options={publicities.map((p) => ({ value: p, label: publicityLabel(t, p) }))}
          onChange={(publicity) => publicity && set('publicity', publicity)}
        />
        {(values.publicity !== 'PUBLIC' || values.legalBasis !== '') &&
          textField('legalBasis', t('meet.legalBasis'), { placeholder: 'JulkL 24.1 § 25 k' })}
      </div>
      <MultiSelectField
        id={`${prefix}-needs`}
        label={t('meet.relatedNeeds')}
        value={values.relatedNeedIds}
        options={[...needs].map(([id, title]) => ({ value: id, label: title }))}
        onChange={(ids) => set('relatedNeedIds', ids)}
        error={message('relatedNeedIds')}
      />
      {error && <ErrorAlert error={error} />}
      <div className="yp-actions">
        <Button type="submit" disabled={busy || !!conflict} data-testid="edit-item-save">
          {t('meet.edit.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('meet.edit.close')}
        </Button>
      </div>
      <p role="status" className="yp-status" data-testid="edit-item-status">
        {status}
      </p>
    </form>
  );
}
