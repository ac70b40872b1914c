import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { useState } from 'react';
import { useMutation } from 'urql';
import { LocalizedInputs } from '../../components/LabelledInput';
import type { FieldProblems } from '../../components/useFieldErrors';
import type { AgreementType } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { agreementTypeLabel, agreementTypes } from './cooperation.labels';
import { CreateAgreementMutation, UpdateAgreementMutation } from './agreements.documents';
import { optionalText } from './forms.util';
import { PartyChoiceFields, partiesEdit, usePartyChoice } from './PartyChoiceFields';
import { useVersionedForm } from './useVersionedSave';
import { VersionedForm } from './VersionedForm';

/** The fields, named by their path in the mutation input so BAD_USER_INPUT `fields` map onto them. */
type Field = 'titles.fi' | 'titles.sv' | 'titles.en' | 'type' | 'validFrom' | 'validTo' | 'partyIds';

/** What the edit form needs of an agreement. */
export interface EditableAgreement {
  id: string;
  titles: { fi: string; sv?: string | null; en?: string | null };
  type: AgreementType;
  validFrom?: string | null;
  validTo?: string | null;
  version: number;
  parties: readonly { id: string }[];
}

/**
 * The secretariat's form for an agreement: without `agreement` it creates one
 * with every party preselected; with it, it edits that agreement against the
 * version it showed. A refused save (CONFLICT) is said in words and keeps
 * what the user typed; saving again replaces the current version.
 */
export function AgreementForm({ agreement, onCreated }: { agreement?: EditableAgreement; onCreated?: () => void }) {
  const { t } = useI18n();
  const [, create] = useMutation(CreateAgreementMutation);
  const [, update] = useMutation(UpdateAgreementMutation);
  const [titles, setTitles] = useState({
    fi: agreement?.titles.fi ?? '',
    sv: agreement?.titles.sv ?? '',
    en: agreement?.titles.en ?? '',
  });
  const [type, setType] = useState<AgreementType>(agreement?.type ?? 'COOPERATION_PROTOCOL');
  const [validFrom, setValidFrom] = useState(agreement?.validFrom ?? '');
  const [validTo, setValidTo] = useState(agreement?.validTo ?? '');
  const choice = usePartyChoice(agreement?.parties);
  const { chosenIds } = choice;
  const prefix = agreement ? 'agreement-edit' : 'agreement-new';

  const form = useVersionedForm<Field>(agreement, prefix);
  const { save, errors, editing } = form;
  const { check, clear, bind } = errors;

  async function onSave() {
    save.begin();
    const problems: FieldProblems<Field> = {};
    if (titles.fi.trim() === '') problems['titles.fi'] = 'agr.form.fiRequired';
    if (validFrom && validTo && validTo <= validFrom) problems.validTo = 'agr.form.validityOrder';
    if (chosenIds.length === 0) problems.partyIds = 'agr.form.partiesRequired';
    if (!check(problems)) return;
    const common = {
      titles: { fi: titles.fi.trim(), sv: optionalText(titles.sv), en: optionalText(titles.en) },
      type,
      validFrom: optionalText(validFrom),
      validTo: optionalText(validTo),
    };
    await save.submit(
      agreement &&
        partiesEdit(choice, agreement, update, common, {
          pick: (data) => data.updateAgreement,
          said: (saved) => t('agr.form.saved', { version: saved.version }),
        }),
      {
        send: () => create({ input: { ...common, partyIds: chosenIds } }),
        pick: (data) => data.createAgreement,
        said: () => t('agr.form.created', { title: common.titles.fi }),
        then: () => {
          setTitles({ fi: '', sv: '', en: '' });
          onCreated?.();
        },
      },
    );
  }

  const submitLabel = t(editing ? 'agr.form.save' : 'agr.form.create');
  return (
    <VersionedForm
      title={t(editing ? 'agr.form.editTitle' : 'agr.form.newTitle')}
      testId={prefix}
      form={form}
      onSave={onSave}
      submitLabel={submitLabel}
    >
      <LocalizedInputs
        errors={errors}
        path="titles"
        label={(lang) => t(`agr.form.title.${lang}`)}
        value={titles}
        onChange={(lang, text) => setTitles((v) => ({ ...v, [lang]: text }))}
      />
      <SelectField<AgreementType>
        label={t('agr.form.type')}
        value={type}
        options={agreementTypes.map((v) => ({ value: v, label: agreementTypeLabel(t, v) }))}
        {...bind('type', (v: AgreementType | '') => v && setType(v))}
      />
      {/* A new start may put the end in order again: its message goes too. */}
      <DateField
        label={t('agr.form.validFrom')}
        value={validFrom}
        {...bind('validFrom', (v: string) => (setValidFrom(v), clear('validTo')))}
      />
      <DateField label={t('agr.form.validTo')} value={validTo} {...bind('validTo', setValidTo)} />
      <PartyChoiceFields
        choice={choice}
        errors={errors}
        hint={editing ? { id: `${prefix}-parties-hint`, text: t('agr.form.partiesHint') } : undefined}
      />
    </VersionedForm>
  );
}
