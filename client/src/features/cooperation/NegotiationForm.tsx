import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { LabelledInput, TitleInput } from '../../components/LabelledInput';
import type { FieldProblems } from '../../components/useFieldErrors';
import type { NegotiationFieldsFragment, NegotiationKind } from '../../graphql/generated/graphql';
import { yearInFinland } from '../../i18n/dates';
import { useI18n } from '../../i18n/useI18n';
import { negotiationKindLabel, negotiationKinds } from './cooperation.labels';
import { CreateNegotiationMutation, UpdateNegotiationMutation } from './agreements.documents';
import { optionalText } from './forms.util';
import { PartyChoiceFields, partiesEdit, usePartyChoice } from './PartyChoiceFields';
import { useVersionedForm } from './useVersionedSave';
import { VersionedForm } from './VersionedForm';

type Field = 'kind' | 'title' | 'year' | 'municipalityGroup' | 'legalBasis' | 'heldOn' | 'partyIds' | 'outcomeSummary';

/**
 * The secretariat's form for a negotiation the law requires: without
 * `negotiation` it records a new one with every party preselected; with it, it
 * edits that negotiation against the version it showed (the kind stays). A
 * refused save (CONFLICT) is said in words and keeps what the user typed.
 */
export function NegotiationForm({
  negotiation,
  onCreated,
}: {
  negotiation?: NegotiationFieldsFragment;
  /** Called with the new negotiation's title after it is added (the page then closes the form and says so). */
  onCreated?: (title: string) => void;
}) {
  const { t } = useI18n();
  const [, create] = useMutation(CreateNegotiationMutation);
  const [, update] = useMutation(UpdateNegotiationMutation);
  const [kind, setKind] = useState<NegotiationKind>(negotiation?.kind ?? 'HYTE_ANNUAL');
  const [title, setTitle] = useState(negotiation?.title ?? '');
  const [year, setYear] = useState(String(negotiation?.year ?? yearInFinland()));
  const [group, setGroup] = useState(negotiation?.municipalityGroup ?? '');
  const [legalBasis, setLegalBasis] = useState(negotiation?.legalBasis ?? '');
  const [heldOn, setHeldOn] = useState(negotiation?.heldOn ?? '');
  const [summary, setSummary] = useState(negotiation?.outcomeSummary ?? '');
  const choice = usePartyChoice(negotiation?.parties);
  const { chosenIds } = choice;
  const titleInput = useRef<HTMLInputElement>(null);
  const prefix = negotiation ? 'negotiation-edit' : 'negotiation-new';
  const form = useVersionedForm<Field>(negotiation, prefix);
  const { save, errors, editing } = form;
  const { check, bind } = errors;

  // Opening the form for another row moves the keyboard there, so the edit is not lost below the table.
  useEffect(() => {
    if (editing) titleInput.current?.focus();
  }, [editing, negotiation?.id]);

  async function onSave() {
    save.begin();
    const problems: FieldProblems<Field> = {};
    if (title.trim() === '') problems.title = 'neg.form.titleRequired';
    // The server's years (cooperation.inputs.ts): 2000–2100.
    if (!/^\d{4}$/.test(year.trim())) problems.year = 'neg.form.yearInvalid';
    else if (Number(year) < 2000) problems.year = { key: 'error.fieldYearFrom', values: { year: 2000 } };
    else if (Number(year) > 2100) problems.year = { key: 'error.fieldYearUntil', values: { year: 2100 } };
    if (!check(problems)) return;
    const common = {
      title: title.trim(),
      year: Number(year.trim()),
      municipalityGroup: optionalText(group),
      legalBasis: optionalText(legalBasis),
      heldOn: optionalText(heldOn),
      outcomeSummary: optionalText(summary),
    };
    await save.submit(
      negotiation &&
        partiesEdit(choice, negotiation, update, common, {
          pick: (data) => data.updateNegotiation,
          said: (saved) => t('neg.form.saved', { version: saved.version }),
        }),
      {
        send: () => create({ input: { ...common, kind, partyIds: chosenIds } }),
        pick: (data) => data.createNegotiation,
        said: () => t('neg.form.created', { title: common.title }),
        then: () => {
          setTitle('');
          setSummary('');
          onCreated?.(common.title);
        },
      },
    );
  }

  const submitLabel = t(editing ? 'neg.form.save' : 'neg.form.create');
  return (
    <VersionedForm
      title={negotiation ? t('neg.form.editTitle', { title: negotiation.title }) : t('neg.form.newTitle')}
      testId={prefix}
      form={form}
      onSave={onSave}
      submitLabel={submitLabel}
    >
      {negotiation ? (
        <p className="yp-coop-fixed">
          <span className="yp-coop-fixed__label">{t('neg.form.kind')}</span>
          {t('neg.form.kindFixed', { kind: negotiationKindLabel(t, negotiation.kind) })}
        </p>
      ) : (
        <SelectField<NegotiationKind>
          label={t('neg.form.kind')}
          value={kind}
          options={negotiationKinds.map((v) => ({ value: v, label: negotiationKindLabel(t, v) }))}
          {...bind('kind', (v: NegotiationKind | '') => v && setKind(v))}
        />
      )}
      <TitleInput errors={errors} label={t('neg.form.title')} value={title} onChange={setTitle} inputRef={titleInput} />
      <LabelledInput
        errors={errors}
        field="year"
        label={t('neg.form.year')}
        inputMode="numeric"
        value={year}
        required
        onChange={setYear}
      />
      <LabelledInput errors={errors} field="municipalityGroup" label={t('neg.form.group')} value={group} onChange={setGroup} />
      <LabelledInput
        errors={errors}
        field="legalBasis"
        label={t('neg.form.legalBasis')}
        value={legalBasis}
        onChange={setLegalBasis}
      />
      <DateField label={t('neg.form.heldOn')} value={heldOn} {...bind('heldOn', setHeldOn)} />
      <LabelledInput
        errors={errors}
        field="outcomeSummary"
        label={t('neg.form.summary')}
        className="yp-coop-wide"
        rows={3}
        value={summary}
        onChange={setSummary}
      />
      <PartyChoiceFields choice={choice} errors={errors} />
    </VersionedForm>
  );
}
