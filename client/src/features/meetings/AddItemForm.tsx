import { ActionOutcome } from '../../components/ActionOutcome';
import { CardForm } from '../../components/CardForm';
import { LabelledInput } from '../../components/LabelledInput';
import { MultiSelectField } from '../../components/MultiSelectField';
import { SelectField } from '../../components/SelectField';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import { useState, type FormEvent } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import type { MeetingQuery, Publicity } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { AddAgendaItemMutation, MeetingNeedOptionsQuery } from './meetings.documents';
import { publicities, publicityLabel } from './meetings.labels';
import { useStatusLine } from './useStatusLine';

type Meeting = NonNullable<MeetingQuery['meeting']>;

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

/** Adds an item at the end of the agenda; the form checks the title and shows the refusals beside the fields. */
export function AddItemForm({ meeting: m }: { meeting: Meeting }) {
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
