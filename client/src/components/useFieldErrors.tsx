import { useState, type Dispatch, type SetStateAction } from 'react';
import { withoutField, type ApiError } from '../graphql/errors';
import { serverFieldMessage } from '../i18n/errorMessage';
import type { MessageKey } from '../i18n/i18n';
import { useI18n } from '../i18n/useI18n';
import { useFocusFirstInvalid } from './focusFirstInvalid';

/** A form's own validation result: field → the message key to show beside it. */
export type FieldProblems<Field extends string> = Partial<Record<Field, MessageKey>>;

/**
 * The error beside each field of a form, from the form's own checks or else
 * from the server's BAD_USER_INPUT `fields`. Fields are named by their path in
 * the mutation input ("names.fi"), so the server's messages map onto them.
 * The form keeps `error` (it also shows the whole error); changing a field
 * clears that field's message from both sources. A submit that fails the
 * form's checks (`check`) moves focus to the first invalid field, so the user
 * and their screen reader land on what to fix (WCAG 2.1 3.3.1): attach
 * `formRef` to the form.
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
) {
  const { t } = useI18n();
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
    if (local) return t(local);
    return serverFieldMessage(error, field, t);
  };
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

  return { setInvalid, check, refused, formRef, clear, messageFor, errorId, aria, errorText, bind };
}

/** What a field needs of its form's useFieldErrors: its marks, its message and the clearing of it. */
export type FieldErrors<Field extends string> = Pick<ReturnType<typeof useFieldErrors<Field>>, 'aria' | 'errorText' | 'clear'>;
