import './goals.messages';
import { useState } from 'react';
import { useMutation } from 'urql';
import { LabelledInput } from '../../components/LabelledInput';
import { SelectField } from '../../components/SelectField';
import type { MeasureFieldsFragment } from '../../graphql/generated/graphql';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { AddMeasureMutation, UpdateMeasureMutation } from './goals.documents';
import { useGoalFormOptions } from './useGoalFormOptions';
import { measureFormText, readTarget, targetMessages, type TargetProblem } from './goals.util';
import { updateOf, useVersionedForm } from '../cooperation/useVersionedSave';
import { VersionedForm } from '../cooperation/VersionedForm';

type Field = 'indicatorId' | 'partyId' | 'baselineYear' | 'baselineValue' | 'targetYear' | 'targetValue' | 'note';

/** What the form says of a field's problem. */
const measureMessages: Record<TargetProblem, MessageKey> = {
  required: 'goals.measure.required',
  year: 'goals.measure.year',
  number: 'goals.measure.number',
  targetBeforeBaseline: 'goals.measure.targetBeforeBaseline',
};

/**
 * The secretariat's form for one measure of a goal: an indicator for an area,
 * from a baseline (year, value or the imported value) to a target (year, value).
 * Without `measure` it adds one; with it, it edits that measure against the version it showed.
 */
export function MeasureForm({
  goalId,
  goalTitle,
  measure,
  onDone,
  onCancel,
}: {
  goalId: string;
  goalTitle: string;
  measure?: MeasureFieldsFragment;
  /** Called with the words of a save, which closes the form (the card says them then). */
  onDone?: (said: string) => void;
  /** Given, the form has a cancel button that calls it. */
  onCancel?: () => void;
}) {
  const { t, lang } = useI18n();
  const { indicators, parties } = useGoalFormOptions();
  const [, add] = useMutation(AddMeasureMutation);
  const [, update] = useMutation(UpdateMeasureMutation);
  // The form starts from what is stored: a baseline taken from the imported values is no value of the form's.
  const [initial] = useState(() => measureFormText(measure, lang));
  const [indicatorId, setIndicator] = useState(initial.indicatorId);
  const [partyId, setParty] = useState(initial.partyId);
  const [baselineYear, setBaselineYear] = useState(initial.baselineYear);
  const [baselineValue, setBaselineValue] = useState(initial.baselineValue);
  const [targetYear, setTargetYear] = useState(initial.targetYear);
  const [targetValue, setTargetValue] = useState(initial.targetValue);
  const [note, setNote] = useState(initial.note);
  const prefix = measure ? `measure-edit-${measure.id}` : `measure-new-${goalId}`;
  const form = useVersionedForm<Field>(measure, prefix);
  const { save, errors } = form;
  const { check, bind } = errors;

  async function onSave() {
    save.begin();
    const read = readTarget({ indicatorId, partyId, baselineYear, baselineValue, targetYear, targetValue });
    if (!check(read.ok ? {} : targetMessages(read.problems, (_, problem) => measureMessages[problem])) || !read.ok) return;
    const input = { ...read.figures, note: note.trim() || null };
    await save.submit(
      measure && {
        ...updateOf(measure, update, input),
        pick: (data) => data.updateGoalMeasure,
        said: (saved) => t('goals.measure.saved', { version: saved.version }),
        then: (_, said) => onDone?.(said),
      },
      {
        send: () => add({ goalId, input }),
        pick: (data) => data.addGoalMeasure,
        said: () => t('goals.measure.created'),
        then: (_, said) => onDone?.(said),
      },
    );
  }

  const text = (
    field: Field,
    label: string,
    value: string,
    set: (v: string) => void,
    opts: { hint?: string; numeric?: 'numeric' | 'decimal' } = {},
  ) => (
    <LabelledInput
      errors={errors}
      field={field}
      label={label}
      value={value}
      onChange={set}
      inputMode={opts.numeric}
      placeholder={opts.hint}
    />
  );

  return (
    <VersionedForm
      title={
        measure
          ? t('goals.measure.editOf', { indicator: measure.indicator.name })
          : t('goals.measure.newTitle', { title: goalTitle })
      }
      level="h4"
      className="yp-card yp-coop-subcard"
      testId={measure ? 'measure-edit' : 'measure-new'}
      form={form}
      onSave={onSave}
      submitLabel={t(measure ? 'goals.measure.save' : 'goals.measure.create')}
      formClassName="yp-form yp-coop-form yp-coop-grid"
      onCancel={onCancel}
    >
      <SelectField
        label={t('goals.measure.indicator')}
        value={indicatorId}
        options={indicators}
        placeholder={t('goals.form.none')}
        {...bind('indicatorId', setIndicator)}
        testId="measure-indicator"
      />
      <SelectField
        label={t('goals.measure.party')}
        value={partyId}
        options={parties}
        placeholder={t('goals.form.none')}
        {...bind('partyId', setParty)}
        testId="measure-party"
      />
      {text('baselineYear', t('goals.measure.baselineYear'), baselineYear, setBaselineYear, { numeric: 'numeric' })}
      {text('baselineValue', t('goals.measure.baselineValue'), baselineValue, setBaselineValue, {
        hint: t('goals.measure.baselineHint'),
        numeric: 'decimal',
      })}
      {text('targetYear', t('goals.measure.targetYear'), targetYear, setTargetYear, { numeric: 'numeric' })}
      {text('targetValue', t('goals.measure.targetValue'), targetValue, setTargetValue, { numeric: 'decimal' })}
      {text('note', t('goals.measure.note'), note, setNote)}
    </VersionedForm>
  );
}
