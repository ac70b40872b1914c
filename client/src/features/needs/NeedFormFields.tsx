import { SelectField } from '../../components/SelectField';
import type { NeedOptionsQuery } from '../../graphql/generated/graphql';
import { byPlaceName, type MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { groupLabel, priorities, priorityLabel, targetGroups } from './needs.labels';
import type { NeedFormField, NeedFormValues } from './needForm';

/** A set of checkboxes for a list field. */
function Checks({
  legend,
  options,
  value,
  onChange,
  error,
  errorId,
  testId,
}: {
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string | undefined;
  /** The id of the message, which the group points at. */
  errorId?: string;
  testId: string;
}) {
  return (
    <fieldset
      className="yp-checks"
      data-testid={testId}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      <div className="yp-checks__list">
        {options.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <span className="yp-field-error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/**
 * The fields of the need form; `messageFor` gives a field's error in words, shown under the field and tied
 * to it (`<idPrefix>-<field>-error`) so a screen reader reads it with the field.
 */
export function NeedFormFields({
  idPrefix,
  values,
  options,
  onEdit,
  messageFor,
}: {
  /** Makes the messages' ids unique on the page: 'need-create', 'need-edit'. */
  idPrefix: string;
  values: NeedFormValues;
  options: NeedOptionsQuery | undefined;
  onEdit: <F extends NeedFormField>(field: F, value: NeedFormValues[F]) => void;
  messageFor: (field: NeedFormField) => string | undefined;
}) {
  const { t, name } = useI18n();
  const errorId = (field: NeedFormField) => `${idPrefix}-${field}-error`;
  /** The field's marks: invalid, and described by its message, while it has one. */
  const marks = (field: NeedFormField) => (messageFor(field) ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {});
  const message = (field: NeedFormField) =>
    messageFor(field) && (
      <span className="yp-field-error" id={errorId(field)}>
        {messageFor(field)}
      </span>
    );
  const sorted = (kind: (k: string) => boolean) =>
    byPlaceName(
      (options?.parties ?? []).filter((p) => kind(p.kind)),
      (p) => name(p.names),
    ).map((p) => ({ value: p.id, label: name(p.names) }));
  const text = (
    field: 'title' | 'legalBasis' | 'estimatedResidents',
    label: MessageKey,
    extra: { inputMode?: 'numeric'; hint?: string } = {},
  ) => (
    <label>
      {t(label)}
      <input
        type="text"
        value={values[field]}
        inputMode={extra.inputMode}
        onChange={(e) => onEdit(field, e.target.value)}
        {...marks(field)}
        data-testid={`field-${field}`}
      />
      {extra.hint && <span className="yp-meta">{extra.hint}</span>}
      {message(field)}
    </label>
  );
  /** A list of ids as checkboxes: its value, its edits and its message, by the field's name. */
  const checks = (
    field: 'themeCodes' | 'municipalityIds' | 'partyIds',
    legend: MessageKey,
    testId: string,
    choices: { value: string; label: string }[],
  ) => (
    <Checks
      legend={t(legend)}
      testId={testId}
      value={values[field]}
      onChange={(v) => onEdit(field, v)}
      options={choices}
      error={messageFor(field)}
      errorId={errorId(field)}
    />
  );
  // Only the bodies the server lets this person choose (needOwnerBodyChoices), and the need's current one, which stays shown.
  const choices = options?.needOwnerBodyChoices ?? [];
  const current = choices.some((b) => b.id === values.ownerBodyId)
    ? undefined
    : options?.cooperationBodies.find((b) => b.id === values.ownerBodyId);
  const ownerBodies = current ? [...choices, current] : choices;
  const limited = options != null && choices.length < options.cooperationBodies.length;
  const ownerBodyHint = !limited ? undefined : choices.length ? t('need.ownerBodyHint') : t('need.ownerBodyNone');
  return (
    <div className="yp-need-form">
      {text('title', 'need.titleLabel')}
      <label>
        {t('need.summary')}
        <textarea
          rows={5}
          value={values.summary}
          onChange={(e) => onEdit('summary', e.target.value)}
          {...marks('summary')}
          data-testid="field-summary"
        />
        {message('summary')}
      </label>
      <div className="yp-need-form__row">
        <SelectField<Exclude<NeedFormValues['priority'], ''>>
          id="need-priority"
          label={t('need.priority')}
          value={values.priority}
          emptyLabel={t('need.notSet')}
          options={priorities.map((p) => ({ value: p, label: priorityLabel(t, p) }))}
          onChange={(priority) => onEdit('priority', priority)}
          testId="field-priority"
        />
        <SelectField
          id="need-ownerBody"
          label={t('need.ownerBody')}
          value={values.ownerBodyId}
          emptyLabel={t('need.notSet')}
          options={ownerBodies.map((b) => ({ value: b.id, label: name(b.names) }))}
          hint={ownerBodyHint}
          onChange={(id) => onEdit('ownerBodyId', id)}
          error={messageFor('ownerBodyId')}
          testId="field-ownerBody"
          className="yp-need-form__wide"
        />
        {text('estimatedResidents', 'need.estimatedResidents', { inputMode: 'numeric' })}
      </div>
      {text('legalBasis', 'need.legalBasis')}
      <Checks
        legend={t('need.targetGroups')}
        testId="field-targetGroups"
        value={values.targetGroups}
        onChange={(v) => onEdit('targetGroups', v as NeedFormValues['targetGroups'])}
        options={targetGroups.map((g) => ({ value: g, label: groupLabel(t, g) }))}
      />
      {checks(
        'themeCodes',
        'need.themes',
        'field-themes',
        (options?.themes ?? []).map((th) => ({ value: th.code, label: name(th.names) })),
      )}
      {checks(
        'municipalityIds',
        'need.municipalities',
        'field-municipalities',
        sorted((k) => k === 'MUNICIPALITY'),
      )}
      {checks(
        'partyIds',
        'need.otherParties',
        'field-otherParties',
        sorted((k) => k !== 'MUNICIPALITY'),
      )}
    </div>
  );
}
