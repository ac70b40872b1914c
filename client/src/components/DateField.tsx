import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { DateInput, TimeInput, type DateInputProps, type DatePickerTextProps } from 'suomifi-ui-components';
import { calendarDate } from '../i18n/dates';
import { formatLongDate, type Language } from '../i18n/i18n';
import { useI18n } from '../i18n/useI18n';
import {
  dateExample,
  dateFieldValue,
  dateTextToIso,
  isoToDateText,
  isoToTimeText,
  joinDateTime,
  splitDateTime,
  timeTextToIso,
} from './dateText';
import { guardDateSubmit, isUnreadableDate } from './dateSubmitGuard';
import { useFocusFirstInvalid } from './focusFirstInvalid';

/** How DateInput's calendar writes and reads the text (the design system does not export the type by name). */
type DateAdapter = NonNullable<DateInputProps['dateAdapter']>;

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
 * the value written out when the form changes it (a reset, a loaded record) or when the way of writing
 * it changes (another UI language) while the text still means the value.
 */
function useShownText(value: string, toText: (value: string) => string, toValue: (text: string) => string) {
  const [text, setText] = useState(() => toText(value));
  const sent = useRef(value);
  const writer = useRef(toText);
  useEffect(() => {
    const rewrite = toText !== writer.current && toValue(text) === value;
    writer.current = toText;
    if (value !== sent.current || rewrite) {
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

/** Day-first text for the calendar, as the field writes and reads it in the language (see dateText). */
function dateAdapter(lang: Language): DateAdapter {
  return {
    format: (date) => {
      const iso = calendarDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
      return iso ? isoToDateText(iso, lang) : '';
    },
    parse: (text) => {
      const iso = dateTextToIso(text);
      return iso ? new Date(`${iso}T00:00:00`) : new Date(Number.NaN);
    },
  };
}
const adapters: Readonly<Record<Language, DateAdapter>> = { fi: dateAdapter('fi'), sv: dateAdapter('sv'), en: dateAdapter('en') };

/**
 * The calendar's words where the design system's own differ from how the language writes them: Finnish and
 * Swedish month and weekday names in lower case ("joulukuu", "tisdag"); the rest are its defaults for `language`.
 */
const pickerTexts: Readonly<Record<Language, DatePickerTextProps | undefined>> = {
  fi: {
    monthNames: [
      'tammikuu',
      'helmikuu',
      'maaliskuu',
      'huhtikuu',
      'toukokuu',
      'kesäkuu',
      'heinäkuu',
      'elokuu',
      'syyskuu',
      'lokakuu',
      'marraskuu',
      'joulukuu',
    ],
    weekDays: ['maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai', 'sunnuntai'],
  },
  sv: {
    monthNames: [
      'januari',
      'februari',
      'mars',
      'april',
      'maj',
      'juni',
      'juli',
      'augusti',
      'september',
      'oktober',
      'november',
      'december',
    ],
    weekDays: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  },
  en: undefined,
};

/** Hands an element to a ref the caller gave, whichever kind it is. */
function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * A date with the design system's DateInput (and its calendar) in place of <input type="date">: it shows
 * a date as the UI language writes it (31.12.2026, in English 31/12/2026), reads any day-first date and
 * gives the form an ISO date ('' when empty; text that is no date stays as typed). Such text is marked in
 * the field itself, with the format to use, once the user leaves the field, presses Enter in it or sends
 * its form; the form's own message (`error`) shows otherwise. While it holds such text its form does not
 * send (its onSubmit does not run) and focus moves to it, so no form needs a date check of its own.
 * `min` and `max` are ISO dates. Its hint stands under its box in every form (forms.css). Its calendar button is
 * named by the date the field holds now, written out ("Valitse päivämäärä, valittu päivä torstai 1. lokakuuta 2026"),
 * or only "Valitse päivämäärä" while it holds none.
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  ...field
}: FieldProps & { value: string; onChange: (iso: string) => void; min?: string; max?: string }) {
  const { t, lang } = useI18n();
  const toText = useCallback((iso: string) => isoToDateText(iso, lang), [lang]);
  const [text, edit] = useShownText(value, toText, dateFieldValue);
  // Text that is no date is marked from leaving the field (for anything but its form's send button), pressing
  // Enter in it or sending the form, until the next edit.
  const [checked, setChecked] = useState(false);
  const unreadable = isUnreadableDate(text);
  const error = checked && unreadable ? t('form.dateInvalid', { example: dateExample(lang) }) : field.error;
  // While the field holds text that is no date its form sends nothing (guardDateSubmit): the field shows its
  // message and focus moves to the form's first invalid field, this one unless one before it is marked.
  const { formRef, focusInvalid } = useFocusFirstInvalid();
  const stopWatching = useRef<() => void>(undefined);
  const ownInput = useRef<HTMLInputElement | null>(null);
  const inputRef = useCallback(
    (input: HTMLInputElement | null) => {
      stopWatching.current?.();
      stopWatching.current = undefined;
      ownInput.current = input;
      setRef(field.inputRef, input);
      formRef.current = input?.form ?? null;
      if (!input) return;
      stopWatching.current = guardDateSubmit(
        input,
        (refused) => {
          setChecked(true);
          if (refused) focusInvalid();
        },
        () => setChecked(true),
      );
    },
    [field.inputRef],
  );
  // DateInput words its calendar button for a value given at mount with its Finnish texts (it sets the
  // language's texts only after that), and words it again only when the value changes. So it is mounted
  // afresh for each language, empty, and given the text just before the first paint.
  const [readyFor, setReadyFor] = useState<Language>();
  useLayoutEffect(() => setReadyFor(lang), [lang]);
  // DateInput words its calendar button itself only for dates in the calendar's range, and never in the language's
  // grammar ("1 torstai lokakuu 2026"), so a date typed outside the range or cleared left the old words: the button's
  // name is the field's own, for what it holds now.
  const shownIso = dateTextToIso(text);
  const pickerName = shownIso
    ? t('form.datePickerChosen', {
        date: formatLongDate(shownIso, lang, (weekday, date) => t('form.longDate', { weekday, date })),
      })
    : t('form.datePicker');
  useLayoutEffect(() => {
    const button = ownInput.current?.closest('.fi-date-input')?.querySelector('.fi-date-input_picker-button');
    button?.setAttribute('aria-label', pickerName);
  }, [pickerName, lang, readyFor]);
  return (
    <DateInput
      key={lang}
      id={field.id}
      name={field.name}
      labelText={field.label}
      hintText={field.hint ?? t('form.dateHint', { example: dateExample(lang) })}
      optionalText={field.optionalText}
      language={lang}
      datePickerTexts={pickerTexts[lang]}
      dateAdapter={adapters[lang]}
      datePickerEnabled
      value={readyFor === lang ? text : ''}
      onChange={({ value: typed }) => {
        setChecked(false);
        onChange(edit(typed));
      }}
      onBlur={({ relatedTarget: next, currentTarget: input }) => {
        // Not when the user is pressing the form's send button: the message would push the button away from
        // under the pointer before the click (in an inline form), and the send marks the field anyway.
        if (next instanceof HTMLButtonElement && next.type === 'submit' && next.form && next.form === input.form) return;
        // Nor when going to the field's own calendar button, to pick the date half typed.
        if (next instanceof Node && input.closest('.fi-date-input')?.contains(next)) return;
        setChecked(true);
      }}
      minDate={min ? new Date(`${min}T00:00:00`) : undefined}
      maxDate={max ? new Date(`${max}T00:00:00`) : undefined}
      status={error ? 'error' : 'default'}
      statusText={error}
      className={field.className ? `yp-date ${field.className}` : 'yp-date'}
      disabled={field.disabled}
      ref={inputRef}
      data-testid={field.testId}
    />
  );
}

/**
 * A date and a time of day (DateInput + TimeInput) in place of <input type="datetime-local">, with the
 * same value: "2026-12-12T10:00" in the viewer's clock, '' while both parts are empty, and a part missing
 * or not valid as typed ("2026-12-12T", "T10:00", "2026-12-12T25:61"), so the form can tell which part to
 * mark. The date part is `name` with its message `error`, the time part `<name>Time` with its own `timeError`:
 * each part is marked, and says what is wrong, only for itself.
 */
export function DateTimeField({
  value,
  onChange,
  timeError,
  ...field
}: FieldProps & { value: string; onChange: (value: string) => void; timeError?: string | undefined }) {
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
        status={timeError ? 'error' : 'default'}
        statusText={timeError}
        disabled={field.disabled}
      />
    </div>
  );
}
