import { SelectField } from '../../components/SelectField';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CheckboxFieldset } from '../../components/CheckboxFieldset';
import { LabelledInput, LocalizedInputs } from '../../components/LabelledInput';
import type { BodyFieldsFragment, Cadence, CooperationTier } from '../../graphql/generated/graphql';
import type { Language } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { cadenceLabel, cadences, tierLabel, tiers } from './cooperation.labels';
import { optionalText } from './forms.util';
import { updateOf, useVersionedForm } from './useVersionedSave';
import { VersionedForm } from './VersionedForm';
import {
  BodyOptionsQuery,
  CreateCooperationBodyMutation,
  ThemesQuery,
  UpdateCooperationBodyMutation,
} from './cooperation.documents';

/** The form's values as typed ('' = not set). */
export interface BodyFormValues {
  fi: string;
  sv: string;
  en: string;
  tier: CooperationTier;
  level: string;
  cadence: Cadence | '';
  themeCodes: string[];
  parentId: string;
  mandate: string;
}

/** The form's fields, named by their path in the mutation input so BAD_USER_INPUT `fields` map onto them. */
type Field = 'names.fi' | 'names.sv' | 'names.en' | 'tier' | 'level' | 'cadence' | 'themeCodes' | 'parentId' | 'mandate';

const emptyValues: BodyFormValues = {
  fi: '',
  sv: '',
  en: '',
  tier: 'COORDINATION',
  level: '',
  cadence: '',
  themeCodes: [],
  parentId: '',
  mandate: '',
};

/** The form's values for a body as the server has it. */
export function bodyFormValues(body: BodyFieldsFragment): BodyFormValues {
  return {
    fi: body.names.fi,
    sv: body.names.sv ?? '',
    en: body.names.en ?? '',
    tier: body.tier,
    level: body.level == null ? '' : String(body.level),
    cadence: body.cadence ?? '',
    themeCodes: body.themes.map((th) => th.code),
    parentId: body.parent?.id ?? '',
    mandate: body.mandate ?? '',
  };
}

/** The mutation input; an emptied optional field is sent as null, which clears it. */
export function toBodyInput(v: BodyFormValues) {
  return {
    names: { fi: v.fi.trim(), sv: optionalText(v.sv), en: optionalText(v.en) },
    tier: v.tier,
    level: v.level === '' ? null : Number(v.level),
    cadence: v.cadence === '' ? null : v.cadence,
    mandate: optionalText(v.mandate),
    themeCodes: v.themeCodes,
    parentId: v.parentId === '' ? null : v.parentId,
  };
}

/**
 * The secretariat's form for a cooperation body: without `body` it creates
 * one, with `body` it edits that body against the version it shows. A refused
 * save (CONFLICT) is said in words, keeps what the user typed and asks the
 * page to fetch the body again.
 */
export function BodyForm({
  body,
  onDone,
  onStale,
}: {
  body?: BodyFieldsFragment;
  onDone: (name: string) => void;
  onStale?: () => void;
}) {
  const { t, name } = useI18n();
  const uid = useId();
  const [{ data: themeData }] = useQuery({ query: ThemesQuery });
  const [{ data: bodyData }] = useQuery({ query: BodyOptionsQuery });
  const [, create] = useMutation(CreateCooperationBodyMutation);
  const [, update] = useMutation(UpdateCooperationBodyMutation);
  const [values, setValues] = useState<BodyFormValues>(() => (body ? bodyFormValues(body) : emptyValues));
  const prefix = body ? 'body-edit' : 'body-new';

  const form = useVersionedForm<Field>(body, uid);
  const { save, errors, editing } = form;
  const { check, bind } = errors;

  /** Sets a value; the fields clear their own field's message. */
  function put<K extends keyof BodyFormValues>(key: K, value: BodyFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }

  async function onSave() {
    save.begin();
    if (!check(values.fi.trim() === '' ? { 'names.fi': 'coop.form.fiRequired' } : {})) return;
    const input = toBodyInput(values);
    await save.submit(
      body && {
        ...updateOf(body, update, input),
        onConflict: onStale,
        pick: (data) => data.updateCooperationBody,
        said: (saved) => t('coop.form.saved', { version: saved.version }),
        then: (saved) => {
          setValues(bodyFormValues(saved));
          onDone(name(saved.names));
        },
      },
      {
        send: () => create({ input }),
        pick: (data) => data.createCooperationBody,
        said: (created) => t('coop.form.created', { name: name(created.names) }),
        then: (created) => {
          setValues(emptyValues);
          onDone(name(created.names));
        },
      },
    );
  }

  const parents = (bodyData?.cooperationBodies ?? []).filter((b) => b.id !== body?.id);
  const nameLabels: Record<Language, string> = {
    fi: t('coop.form.nameFi'),
    sv: `${t('coop.form.nameSv')} ${t('coop.form.optional')}`,
    en: `${t('coop.form.nameEn')} ${t('coop.form.optional')}`,
  };
  const headingId = `${prefix}-heading`;

  return (
    <VersionedForm
      headingId={headingId}
      title={t(editing ? 'coop.form.editTitle' : 'coop.form.newTitle')}
      testId={prefix}
      form={form}
      onSave={onSave}
      submitLabel={t(editing ? 'coop.form.save' : 'coop.form.create')}
    >
      <LocalizedInputs errors={errors} path="names" label={(lang) => nameLabels[lang]} value={values} onChange={put} />
      <SelectField<CooperationTier>
        label={t('coop.form.tier')}
        value={values.tier}
        options={tiers.map((tier) => ({ value: tier, label: tierLabel(t, tier) }))}
        {...bind('tier', (tier: CooperationTier | '') => tier && put('tier', tier))}
      />
      <SelectField
        label={t('coop.form.level')}
        value={values.level}
        emptyLabel={t('coop.form.noValue')}
        options={[1, 2, 3, 4].map((level) => ({ value: String(level), label: t('coop.level', { level }) }))}
        {...bind('level', (level: string) => put('level', level))}
      />
      <SelectField<Cadence>
        label={t('coop.form.cadence')}
        value={values.cadence}
        emptyLabel={t('coop.form.noValue')}
        options={cadences.map((c) => ({ value: c, label: cadenceLabel(t, c) }))}
        {...bind('cadence', (cadence: Cadence | '') => put('cadence', cadence))}
      />
      <SelectField
        label={t('coop.form.parent')}
        value={values.parentId}
        emptyLabel={t('coop.form.noValue')}
        options={parents.map((b) => ({ value: b.id, label: name(b.names) }))}
        {...bind('parentId', (parentId: string) => put('parentId', parentId))}
      />
      <CheckboxFieldset
        errors={errors}
        field="themeCodes"
        legend={t('coop.form.themes')}
        options={(themeData?.themes ?? []).map((th) => ({ value: th.code, label: name(th.names) }))}
        isChecked={(code) => values.themeCodes.includes(code)}
        onToggle={(code, checked) =>
          put('themeCodes', checked ? [...values.themeCodes, code] : values.themeCodes.filter((c) => c !== code))
        }
      />
      <LabelledInput
        errors={errors}
        field="mandate"
        label={`${t('coop.form.mandate')} ${t('coop.form.optional')}`}
        rows={3}
        value={values.mandate}
        onChange={(mandate) => put('mandate', mandate)}
      />
    </VersionedForm>
  );
}
