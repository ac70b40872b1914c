import type { ReactNode, Ref } from 'react';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';

/** One choice of a select field. */
export interface SelectOption<T extends string = string> {
  readonly value: T;
  readonly label: string;
  readonly disabled?: boolean;
}

/** The design system's items cannot have an empty value; the "all" / "none" choice travels as this. */
const EMPTY = '__empty__';

/**
 * A single choice with the design system's Dropdown, in place of a native <select>: the label above it,
 * the error under it (`error`, e.g. useFieldErrors' messageFor), `testId` on the button that opens it.
 * `emptyLabel` adds a first choice whose value is '' ("Kaikki", "Ei valintaa"); without it and with
 * no value the field shows `placeholder`. The list of choices is `#<id>-<value>`, which tests click.
 */
export function SelectField<T extends string>({
  id,
  name,
  label,
  value,
  options,
  onChange,
  emptyLabel,
  placeholder,
  hint,
  error,
  testId,
  className,
  labelMode,
  optionalText,
  disabled,
  fullWidth,
  buttonRef,
}: {
  id: string;
  name?: string;
  label: ReactNode;
  value: T | '';
  options: readonly SelectOption<T>[];
  onChange: (value: T | '') => void;
  emptyLabel?: string;
  placeholder?: string;
  hint?: string;
  error?: string;
  testId?: string;
  className?: string;
  labelMode?: 'hidden' | 'visible';
  optionalText?: string;
  disabled?: boolean;
  fullWidth?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const items: SelectOption<string>[] =
    emptyLabel !== undefined ? [{ value: EMPTY, label: emptyLabel }, ...options] : [...options];
  // A Dropdown without items renders nothing at all: while choices load it shows the placeholder, disabled.
  const loading = items.length === 0;
  if (loading) items.push({ value: EMPTY, label: placeholder ?? '–' });
  const current = value === '' ? (emptyLabel !== undefined ? EMPTY : null) : value;
  return (
    <Dropdown<string>
      id={id}
      name={name}
      labelText={label}
      labelMode={labelMode}
      optionalText={optionalText}
      hintText={hint}
      value={loading ? null : current}
      visualPlaceholder={placeholder}
      onChange={(next) => onChange(next === EMPTY ? '' : (next as T))}
      status={error ? 'error' : 'default'}
      statusText={error}
      className={className ? `yp-select ${className}` : 'yp-select'}
      disabled={disabled || loading}
      fullWidth={fullWidth}
      forwardedRef={buttonRef}
      data-testid={testId}
    >
      {items.map((option) => (
        <DropdownItem key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}
