import { useState, type Dispatch, type SetStateAction } from 'react';
import { fieldError, withoutField, type ApiError } from '../graphql/errors';
import { fieldErrorMessage } from '../i18n/errorMessage';
import type { MessageKey } from '../i18n/i18n';
import { useI18n } from '../i18n/useI18n';

/** A form's own validation result: field → the message key to show beside it. */
export type FieldProblems<Field extends string> = Partial<Record<Field, MessageKey>>;

/**
 * The error beside each field of a form, from the form's own checks or else
 * from the server's BAD_USER_INPUT `fields`. Fields are named by their path in
 * the mutation input ("names.fi"), so the server's messages map onto them.
 * The form keeps `error` (it also shows the whole error); changing a field
 * clears that field's message from both sources.
 *
 * @example
 * const [error, setError] = useState<ApiError>();
 * const fields = useFieldErrors<'title' | 'year'>('negotiation-new', error, setError);
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

  /** Forgets the field's message, local and server's: the user has changed it. */
  const clear = (field: Field) => {
    setInvalid(({ [field]: _, ...rest }) => rest as FieldProblems<Field>);
    setError((previous) => withoutField(previous, field));
  };
  /** The field's message in words; the form's own check wins over the server's. */
  const messageFor = (field: Field): string | undefined => {
    const local = invalid[field];
    if (local) return t(local);
    const server = fieldError(error, field);
    return server ? fieldErrorMessage(server, t) : undefined;
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

  return { setInvalid, clear, messageFor, errorId, aria, errorText, bind };
}

/** What a field needs of its form's useFieldErrors: its marks, its message and the clearing of it. */
export type FieldErrors<Field extends string> = Pick<ReturnType<typeof useFieldErrors<Field>>, 'aria' | 'errorText' | 'clear'>;
