import { SelectField } from '../../components/SelectField';
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { LabelledInput, LocalizedInputs } from '../../components/LabelledInput';
import { useFieldErrors } from '../../components/useFieldErrors';
import type { BodyFieldsFragment, Cadence, CooperationTier } from '../../graphql/generated/graphql';
import type { Language } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { cadenceLabel, cadences, tierLabel, tiers } from './cooperation.labels';
import { useVersionedSave } from './useVersionedSave';
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

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The mutation input; an emptied optional field is sent as null, which clears it. */
export function toBodyInput(v: BodyFormValues) {
  return {
    names: { fi: v.fi.trim(), sv: optional(v.sv), en: optional(v.en) },
    tier: v.tier,
    level: v.level === '' ? null : Number(v.level),
    cadence: v.cadence === '' ? null : v.cadence,
    mandate: optional(v.mandate),
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
  const save = useVersionedSave(body?.version ?? 0);
  const { error, setError, setStatus } = save;
  const firstInput = useRef<HTMLInputElement>(null);
  const editing = body !== undefined;
  const prefix = editing ? 'body-edit' : 'body-new';

  const errors = useFieldErrors<Field>(uid, error, setError);
  const { setInvalid, clear, messageFor, errorId, errorText } = errors;

  /** Sets a value; the labelled inputs clear their own field's message. */
  function put<K extends keyof BodyFormValues>(key: K, value: BodyFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
  }
  /** Sets a value and clears its field's message (the choices). */
  function set<K extends keyof BodyFormValues>(key: K, field: Field, value: BodyFormValues[K]) {
    put(key, value);
    clear(field);
  }

  async function onSave() {
    save.begin();
    if (values.fi.trim() === '') {
      setInvalid({ 'names.fi': 'coop.form.fiRequired' });
      firstInput.current?.focus();
      return;
    }
    setInvalid({});
    const input = toBodyInput(values);
    if (body) {
      const saved = await save.update(
        (expectedVersion) => update({ id: body.id, expectedVersion, input }),
        (data) => data.updateCooperationBody,
        { shownVersion: body.version, onConflict: onStale },
      );
      if (saved) {
        setValues(bodyFormValues(saved));
        setStatus(t('coop.form.saved', { version: saved.version }));
        onDone(name(saved.names));
      }
      return;
    }
    const created = await save.create(
      () => create({ input }),
      (data) => data.createCooperationBody,
    );
    if (!created) return;
    const createdName = name(created.names);
    setValues(emptyValues);
    setStatus(t('coop.form.created', { name: createdName }));
    onDone(createdName);
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
      save={save}
      editing={body !== undefined}
      onSave={onSave}
      submitLabel={t(editing ? 'coop.form.save' : 'coop.form.create')}
    >
      <LocalizedInputs
        errors={errors}
        path="names"
        label={(lang) => nameLabels[lang]}
        value={values}
        onChange={put}
        firstRef={firstInput}
      />
      <SelectField<CooperationTier>
        id={`${uid}-tier`}
        name="tier"
        label={t('coop.form.tier')}
        value={values.tier}
        options={tiers.map((tier) => ({ value: tier, label: tierLabel(t, tier) }))}
        onChange={(tier) => tier && set('tier', 'tier', tier)}
        error={messageFor('tier')}
      />
      <SelectField
        id={`${uid}-level`}
        name="level"
        label={t('coop.form.level')}
        value={values.level}
        emptyLabel={t('coop.form.noValue')}
        options={[1, 2, 3, 4].map((level) => ({ value: String(level), label: t('coop.level', { level }) }))}
        onChange={(level) => set('level', 'level', level)}
        error={messageFor('level')}
      />
      <SelectField<Cadence>
        id={`${uid}-cadence`}
        name="cadence"
        label={t('coop.form.cadence')}
        value={values.cadence}
        emptyLabel={t('coop.form.noValue')}
        options={cadences.map((c) => ({ value: c, label: cadenceLabel(t, c) }))}
        onChange={(cadence) => set('cadence', 'cadence', cadence)}
        error={messageFor('cadence')}
      />
      <SelectField
        id={`${uid}-parentId`}
        name="parentId"
        label={t('coop.form.parent')}
        value={values.parentId}
        emptyLabel={t('coop.form.noValue')}
        options={parents.map((b) => ({ value: b.id, label: name(b.names) }))}
        onChange={(parentId) => set('parentId', 'parentId', parentId)}
        error={messageFor('parentId')}
      />
      <fieldset className="yp-coop-themes" aria-describedby={messageFor('themeCodes') ? errorId('themeCodes') : undefined}>
        <legend>{t('coop.form.themes')}</legend>
        {(themeData?.themes ?? []).map((th) => (
          <label key={th.id} className="yp-coop-check">
            <input
              type="checkbox"
              name="themeCodes"
              value={th.code}
              checked={values.themeCodes.includes(th.code)}
              onChange={(e) =>
                set(
                  'themeCodes',
                  'themeCodes',
                  e.target.checked ? [...values.themeCodes, th.code] : values.themeCodes.filter((c) => c !== th.code),
                )
              }
            />
            {name(th.names)}
          </label>
        ))}
        {errorText('themeCodes')}
      </fieldset>
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
