import type { ChangeEvent, InputHTMLAttributes, ReactNode, Ref } from 'react';
import { languages, type Language } from '../i18n/i18n';
import type { FieldErrors } from './useFieldErrors';

/** The native attributes a labelled input passes on as they are. */
type InputAttributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'lang' | 'required' | 'inputMode' | 'autoComplete' | 'placeholder'
>;

/**
 * A native text field of a form that uses useFieldErrors: the label around the control, the control named
 * by its field (its path in the mutation input), marked invalid and pointed at its message, which is said
 * under it. Changing it hands the text up and clears the field's message. With `rows` it is a textarea.
 */
export function LabelledInput<Field extends string>({
  errors,
  field,
  label,
  className,
  value,
  onChange,
  rows,
  inputRef,
  ...input
}: InputAttributes & {
  errors: FieldErrors<Field>;
  field: Field;
  label: ReactNode;
  /** The label's class (e.g. yp-coop-wide, a whole row). */
  className?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const change = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    onChange(event.target.value);
    errors.clear(field);
  };
  return (
    <label className={className}>
      {label}
      {rows ? (
        <textarea name={field} rows={rows} value={value} onChange={change} {...errors.aria(field)} />
      ) : (
        <input name={field} ref={inputRef} value={value} onChange={change} {...input} {...errors.aria(field)} />
      )}
      {errors.errorText(field)}
    </label>
  );
}

/**
 * A record's required title (field `title`) across the whole row of its form; the form sends the keyboard
 * to `inputRef` when it opens or finds the title missing.
 */
export function TitleInput(props: {
  errors: FieldErrors<'title'>;
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
}) {
  return <LabelledInput {...props} field="title" className="yp-coop-wide" required />;
}

/**
 * A name or title in the three UI languages, one labelled input each (`<path>.fi` …, in that language):
 * the Finnish one is required.
 */
export function LocalizedInputs<Path extends string>({
  errors,
  path,
  label,
  value,
  onChange,
}: {
  errors: FieldErrors<`${Path}.${Language}`>;
  path: Path;
  label: (lang: Language) => string;
  value: Readonly<Record<Language, string>>;
  onChange: (lang: Language, value: string) => void;
}) {
  return languages.map((lang) => (
    <LabelledInput
      key={lang}
      errors={errors}
      field={`${path}.${lang}`}
      label={label(lang)}
      lang={lang}
      required={lang === 'fi'}
      value={value[lang]}
      onChange={(text) => onChange(lang, text)}
    />
  ));
}
