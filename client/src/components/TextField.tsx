import type { Ref } from 'react';
import { TextInput } from 'suomifi-ui-components';

/** What a text field takes besides its value; the design system's own names where they mean the same. */
export interface TextFieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  /** Default 'text'. */
  type?: 'text' | 'email' | 'password' | 'tel' | 'url';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'url';
  /** A sample shown inside the empty field (never instead of the label or hint). */
  visualPlaceholder?: string;
  className?: string;
  'data-testid'?: string;
  maxLength?: number;
  optionalText?: string;
  lang?: string;
  /** The field's message (e.g. a form's messageFor); marks it invalid and is said under it. */
  error?: string;
  /** Default false: the design system's fixed width. */
  fullWidth?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A single-line text with the design system's TextInput: the label above it, the hint under the label,
 * the error (if any) under the field and tied to it for screen readers; `onChange` gets the text.
 */
export function TextField({
  label,
  hint,
  error,
  value,
  onChange,
  inputRef,
  ...input
}: TextFieldProps & { value: string; onChange: (value: string) => void }) {
  return (
    <TextInput
      {...input}
      labelText={label}
      hintText={hint}
      value={value}
      onChange={(v) => onChange(String(v ?? ''))}
      status={error ? 'error' : 'default'}
      statusText={error}
      ref={inputRef}
    />
  );
}
