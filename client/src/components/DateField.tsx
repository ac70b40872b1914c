import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { DateInput, TimeInput } from 'suomifi-ui-components';
import { useI18n } from '../i18n/useI18n';
import { dateFieldValue, isoToDateText, isoToTimeText, joinDateTime, splitDateTime, timeTextToIso } from './dateText';

/** Shared props of the date and date-time fields. */
interface FieldProps {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: string;
  /** The field's message (e.g. useFieldErrors' messageFor); marks it invalid. */
  error?: string;
  testId?: string;
  className?: string;
  optionalText?: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * The text a field shows for a form's value: what the user typed while it still means that value,
 * the value written out when the form changes it (a reset, a loaded record).
 */
function useShownText(value: string, toText: (value: string) => string, toValue: (text: string) => string) {
  const [text, setText] = useState(() => toText(value));
  const sent = useRef(value);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(toText(value));
    }
  }, [value, toText]);
  const edit = (next: string) => {
    setText(next);
    sent.current = toValue(next);
    return sent.current;
  };
  return [text, edit] as const;
}

/**
 * A date with the design system's DateInput (and its calendar) in place of <input type="date">: it shows
 * and reads d.M.yyyy and gives the form an ISO date ('' when empty; text that is no date stays as typed,
 * for the form's own check to refuse). `min` and `max` are ISO dates.
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  ...field
}: FieldProps & { value: string; onChange: (iso: string) => void; min?: string; max?: string }) {
  const { t, lang } = useI18n();
  const [text, edit] = useShownText(value, isoToDateText, dateFieldValue);
  return (
    <DateInput
      id={field.id}
      name={field.name}
      labelText={field.label}
      hintText={field.hint ?? t('form.dateHint')}
      optionalText={field.optionalText}
      language={lang}
      datePickerEnabled
      value={text}
      onChange={({ value: typed }) => onChange(edit(typed))}
      minDate={min ? new Date(`${min}T00:00:00`) : undefined}
      maxDate={max ? new Date(`${max}T00:00:00`) : undefined}
      status={field.error ? 'error' : 'default'}
      statusText={field.error}
      className={field.className ? `yp-date ${field.className}` : 'yp-date'}
      disabled={field.disabled}
      ref={field.inputRef}
      data-testid={field.testId}
    />
  );
}

/**
 * A date and a time of day (DateInput + TimeInput) in place of <input type="datetime-local">, with the
 * same value: "2026-12-12T10:00" in the viewer's clock, '' until both parts are given. The date part
 * is `name`, the time part `<name>Time`.
 */
export function DateTimeField({ value, onChange, ...field }: FieldProps & { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  const [parts, setParts] = useState(() => splitDateTime(value));
  const joined = joinDateTime(...parts);
  // The form changed the value itself (a reset, a copy): show that. Only the form's value is a dependency.
  useEffect(() => {
    if (value !== joined && (value || joined)) setParts(splitDateTime(value));
  }, [value]);
  const timeValue = (text: string) => timeTextToIso(text) ?? text.trim();
  const [timeText, editTime] = useShownText(parts[1], isoToTimeText, timeValue);
  const change = (next: [string, string]) => {
    setParts(next);
    onChange(joinDateTime(...next));
  };
  return (
    <div className={field.className ? `yp-datetime ${field.className}` : 'yp-datetime'}>
      <DateField {...field} className={undefined} value={parts[0]} onChange={(iso) => change([iso, parts[1]])} />
      <TimeInput
        id={`${field.id}-time`}
        name={field.name ? `${field.name}Time` : undefined}
        labelText={t('form.time')}
        hintText={t('form.timeHint')}
        value={timeText}
        onChange={(typed) => change([parts[0], editTime(typed)])}
        status={field.error ? 'error' : 'default'}
        disabled={field.disabled}
      />
    </div>
  );
}
