import { useState, type Dispatch, type SetStateAction } from 'react';
import { fieldError, withoutField, type ApiError } from '../graphql/errors';
import { serverFieldMessage } from '../i18n/errorMessage';
import type { MessageKey, MessageParams } from '../i18n/i18n';
import { useI18n } from '../i18n/useI18n';
import { useFocusFirstInvalid } from './focusFirstInvalid';

/** A message of a form's own check: its key, or its key and the values it names ("at most {max} characters"). */
export type FieldProblem = MessageKey | { key: MessageKey; values: MessageParams };

/** A form's own validation result: field → the message to show beside it. */
export type FieldProblems<Field extends string> = Partial<Record<Field, FieldProblem>>;

/**
 * A form's own words for the server's refusal of a field: given the server's (English) message, the text to show,
 * or undefined for the general wording (errorMessage's fieldErrorMessage).
 */
export type ServerMessages<Field extends string> = Partial<Record<Field, (message: string) => string | undefined>>;

/**
 * The error beside each field of a form, from the form's own checks or else
 * from the server's BAD_USER_INPUT `fields`. Fields are named by their path in
 * the mutation input ("names.fi"), so the server's messages map onto them.
 * The form keeps `error` (it also shows the whole error); changing a field
 * clears that field's message from both sources. A submit that fails the
 * form's checks (`check`) moves focus to the first invalid field, so the user
 * and their screen reader land on what to fix (WCAG 2.1 3.3.1): attach
 * `formRef` to the form. `serverMessages` words a field's refusal the form's own way (an address already taken);
 * `formError` is the error to show as a whole, none when every field the server named is shown beside it.
 *
 * @example
 * const [error, setError] = useState<ApiError>();
 * const fields = useFieldErrors<'title' | 'year'>('negotiation-new', error, setError);
 * <form ref={fields.formRef} onSubmit={(e) => { e.preventDefault(); if (!fields.check(validate())) return; … }}>
 * <input onChange={(e) => (setTitle(e.target.value), fields.clear('title'))} {...fields.aria('title')} />
 * {fields.errorText('title')}
 */
export function useFieldErrors<Field extends string>(
  prefix: string,
  error: ApiError | undefined,
  setError: Dispatch<SetStateAction<ApiError | undefined>>,
  serverMessages: ServerMessages<Field> = {},
) {
  const { t, lang } = useI18n();
  const [invalid, setInvalid] = useState<FieldProblems<Field>>({});
  const { formRef, focusInvalid } = useFocusFirstInvalid();

  /**
   * Shows the form's own problems (none: clears them). When there are some, focus moves to the first
   * invalid field of the form at `formRef` once their messages show. True when the form may be sent.
   */
  const check = (problems: FieldProblems<Field>): boolean => {
    setInvalid(problems);
    if (Object.keys(problems).length === 0) return true;
    focusInvalid();
    return false;
  };

  /** Forgets the field's message, local and server's: the user has changed it. */
  const clear = (field: Field) => {
    setInvalid(({ [field]: _, ...rest }) => rest as FieldProblems<Field>);
    setError((previous) => withoutField(previous, field));
  };
  /** The field's message in words; the form's own check wins over the server's. */
  const messageFor = (field: Field): string | undefined => {
    const local = invalid[field];
    if (typeof local === 'string') return t(local);
    if (local) return t(local.key, local.values);
    const refusal = fieldError(error, field);
    if (refusal === undefined) return undefined;
    return serverMessages[field]?.(refusal) ?? serverFieldMessage(error, field, t, lang);
  };
  /**
   * The error to show as a whole (FormFooter's `error`): none when the server named fields and the form shows each of
   * them (`shown`) beside its control, else the error, so a refusal of a field the form lacks is never hidden.
   */
  const formError = (shown: readonly Field[]): ApiError | undefined => {
    const named = Object.keys(error?.fields ?? {});
    const isShown = (path: string) => fieldError(error, path) !== undefined && (shown as readonly string[]).includes(path);
    return named.length > 0 && named.every(isShown) ? undefined : error;
  };
  /** How many fields show a message now, the form's own or the server's. */
  const count = (shown: readonly Field[]) => shown.filter((field) => messageFor(field) !== undefined).length;
  /** The id of the field's message, "<prefix>-names-fi-error" for "names.fi". */
  const errorId = (field: Field) => `${prefix}-${field.replace('.', '-')}-error`;
  /** Props that mark the control invalid and point it at its message. */
  const aria = (field: Field) => {
    const message = messageFor(field);
    return { 'aria-invalid': Boolean(message), 'aria-describedby': message ? errorId(field) : undefined };
  };
  /** The message to show under the field, or null. */
  const errorText = (field: Field) => {
    const message = messageFor(field);
    return message ? (
      <span className="yp-field-error" id={errorId(field)}>
        {message}
      </span>
    ) : null;
  };

  /**
   * The props a design-system field (SelectField, DateField, MultiSelectField) takes for `field`: the id
   * `<prefix>-<field>`, the name, the message, and an onChange that hands the value to `set` and clears the message.
   */
  const bind = <Value,>(field: Field, set: (value: Value) => void) => ({
    id: `${prefix}-${field}`,
    name: field,
    error: messageFor(field),
    onChange: (value: Value) => {
      set(value);
      clear(field);
    },
  });

  /** After the server refused the form: focus moves to the first field it marked, once its message shows. */
  const refused = () => focusInvalid();

  return { setInvalid, check, refused, formRef, clear, messageFor, formError, count, errorId, aria, errorText, bind };
}

/** What a field needs of its form's useFieldErrors: its marks, its message and the clearing of it. */
export type FieldErrors<Field extends string> = Pick<ReturnType<typeof useFieldErrors<Field>>, 'aria' | 'errorText' | 'clear'>;
