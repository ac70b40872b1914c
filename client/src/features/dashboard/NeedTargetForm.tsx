import './dashboard.messages';
// Its fields are the meetings' .yp-field (label above the input); a need page opened from its address has no meeting styles loaded.
import '../meetings/meetings.css';
import { SelectField } from '../../components/SelectField';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { FormFooter } from '../../components/FormFooter';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSubmission } from '../../components/useSubmission';
import type { NeedIndicatorTargetsQuery } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import type { Language, MessageKey } from '../../i18n/i18n';
import { decimalInput } from '../../i18n/numberInput';
import { readTarget, targetMessages, type TargetProblem, type TargetText } from '../goals/goals.util';
import { SetNeedIndicatorTargetMutation, TargetIndicatorOptionsQuery } from './dashboard.documents';

type Target = NonNullable<NeedIndicatorTargetsQuery['serviceNeed']>['indicatorTargets'][number];

/** A party the need concerns: whose values measure it. */
export interface TargetParty {
  id: string;
  names: { fi: string; sv?: string | null; en?: string | null };
}

interface Values extends TargetText {
  note: string;
}

type Field = keyof Values;

/** A stored target as the form shows it for editing, its figures written as the language writes decimals. */
const fromTarget = (target: Target, lang: Language): Omit<Values, 'indicatorId'> => ({
  partyId: target.party.id,
  baselineYear: String(target.baselineYear),
  baselineValue: target.baselineValue == null ? '' : decimalInput(target.baselineValue, lang),
  targetYear: String(target.targetYear),
  targetValue: decimalInput(target.targetValue, lang),
  note: target.note ?? '',
});

/** What the form says of a field's problem. */
function targetMessage(field: Field, problem: TargetProblem): MessageKey {
  if (field === 'indicatorId') return 'needInd.form.indicatorRequired';
  if (field === 'partyId') return 'needInd.form.partyRequired';
  if (problem === 'year') return 'needInd.form.yearInvalid';
  if (problem === 'targetBeforeBaseline') return 'needInd.form.targetBeforeBaseline';
  return 'needInd.form.numberInvalid';
}

/**
 * Sets a need's baseline and target for one indicator (setNeedIndicatorTarget):
 * a new indicator adds a row, one already set replaces its row.
 */
export function NeedTargetForm({
  needId,
  targets,
  parties,
  onSaved,
}: {
  needId: string;
  targets: readonly Target[];
  parties: readonly TargetParty[];
  onSaved: () => void;
}) {
  const { t, name, lang } = useI18n();
  const [{ data: options }] = useQuery({ query: TargetIndicatorOptionsQuery });
  const [, setTarget] = useMutation(SetNeedIndicatorTargetMutation);
  const empty: Values = {
    indicatorId: '',
    partyId: parties[0]?.id ?? '',
    baselineYear: '',
    baselineValue: '',
    targetYear: '',
    targetValue: '',
    note: '',
  };
  const [values, setValues] = useState(empty);
  const { error, setError, busy, submit } = useSubmission();
  const { setInvalid, check, formRef, clear, messageFor } = useFieldErrors<Field>('need-target', error, setError);
  const [status, setStatus] = useState('');
  const indicators = options?.indicators ?? [];
  // The target's party may be one the need no longer names: keep it choosable.
  const partyOptions = [...parties];
  for (const target of targets) if (!partyOptions.some((p) => p.id === target.party.id)) partyOptions.push(target.party);

  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clear(field);
  };

  function chooseIndicator(indicatorId: string) {
    const existing = targets.find((target) => target.indicator.id === indicatorId);
    // An indicator already set: start from its values, so a save changes only what the user changes.
    setValues((v) => ({ ...v, indicatorId, ...(existing ? fromTarget(existing, lang) : {}) }));
    setInvalid({});
    setError(undefined);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    setError(undefined);
    const read = readTarget(values);
    if (!check(read.ok ? {} : targetMessages(read.problems, targetMessage)) || !read.ok) return;
    const saved = await submit(
      () => setTarget({ input: { needId, ...read.figures, note: values.note.trim() === '' ? null : values.note.trim() } }),
      (data) => data.setNeedIndicatorTarget,
    );
    if (!saved) return;
    const indicator = indicators.find((i) => i.id === values.indicatorId);
    setStatus(t('needInd.form.saved', { indicator: indicator?.name ?? '' }));
    onSaved();
  }

  const control = (
    field: Field,
    label: string,
    input: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode,
  ) => {
    const msg = messageFor(field);
    const id = `need-target-${field}`;
    return (
      <div className="yp-field">
        <label htmlFor={id}>{label}</label>
        {input({ id, ...(msg ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {}) })}
        {msg && (
          <span className="yp-field__error" id={`${id}-error`}>
            {msg}
          </span>
        )}
      </div>
    );
  };

  const textInput = (field: Field, label: string, inputMode: 'numeric' | 'decimal' | 'text') =>
    control(field, label, (props) => (
      <input {...props} inputMode={inputMode} value={values[field]} onChange={(e) => set(field, e.target.value)} />
    ));

  return (
    <form
      ref={formRef}
      className="yp-form yp-mt-m"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="need-target-heading"
      data-testid="need-target-form"
    >
      <Heading variant="h3" id="need-target-heading">
        {t('needInd.form.title')}
      </Heading>
      <p className="yp-muted">{t('needInd.form.intro')}</p>
      <div className="yp-field-row">
        <SelectField
          id="need-target-indicatorId"
          label={t('needInd.form.indicator')}
          value={values.indicatorId}
          emptyLabel="–"
          options={indicators.map((i) => ({
            value: i.id,
            label: `${i.name} (${i.source} ${i.code}${i.unit ? `, ${i.unit}` : ''})`,
          }))}
          onChange={chooseIndicator}
          error={messageFor('indicatorId')}
        />
        <SelectField
          id="need-target-partyId"
          label={t('needInd.form.party')}
          value={values.partyId}
          emptyLabel="–"
          options={partyOptions.map((p) => ({ value: p.id, label: name(p.names) }))}
          onChange={(partyId) => set('partyId', partyId)}
          error={messageFor('partyId')}
        />
      </div>
      <div className="yp-field-row">
        {textInput('baselineYear', t('needInd.form.baselineYear'), 'numeric')}
        {textInput('baselineValue', t('needInd.form.baselineValue'), 'decimal')}
      </div>
      <div className="yp-field-row">
        {textInput('targetYear', t('needInd.form.targetYear'), 'numeric')}
        {textInput('targetValue', t('needInd.form.targetValue'), 'decimal')}
      </div>
      {textInput('note', t('needInd.form.note'), 'text')}
      <FormFooter
        error={error}
        busy={busy}
        busyText={t('edit.saving')}
        label={t('needInd.form.save')}
        submitTestId="need-target-save"
        status={status}
        statusTestId="need-target-status"
      />
    </form>
  );
}
