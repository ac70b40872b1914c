import type { ReactNode } from 'react';
import type { SelectOption } from './SelectField';
import type { FieldErrors } from './useFieldErrors';

/**
 * A list field of a form that uses useFieldErrors, as checkboxes (e.g. a body's themes, an agreement's
 * parties): the legend, `hint` said first, one labelled box per choice named by the field, and the
 * field's message under them; the fieldset points at the hint and the message. Ticking clears the message.
 */
export function CheckboxFieldset<Field extends string>({
  errors,
  field,
  legend,
  hint,
  options,
  isChecked,
  onToggle,
}: {
  errors: FieldErrors<Field>;
  field: Field;
  legend: ReactNode;
  hint?: { id: string; text: string } | undefined;
  options: readonly SelectOption[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const describedBy = [hint?.id ?? '', errors.aria(field)['aria-describedby'] ?? ''].join(' ').trim() || undefined;
  return (
    <fieldset className="yp-check-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p className="yp-muted yp-coop-hint" id={hint.id}>
          {hint.text}
        </p>
      )}
      {options.map((option) => (
        <label key={option.value} className="yp-check">
          <input
            type="checkbox"
            name={field}
            value={option.value}
            checked={isChecked(option.value)}
            onChange={(e) => {
              onToggle(option.value, e.target.checked);
              errors.clear(field);
            }}
          />
          {option.label}
        </label>
      ))}
      {errors.errorText(field)}
    </fieldset>
  );
}
