import { TextInput } from 'suomifi-ui-components';
import { CopyButton } from './CopyButton';

/**
 * A value shown this once to copy (a new token's secret, a one-time link): a
 * read-only field that selects itself on focus, and a copy button beside it.
 */
export function CopyableField({
  id,
  label,
  value,
  copyLabel,
  className,
  testId,
  copyTestId,
}: {
  id: string;
  label: string;
  value: string;
  copyLabel: string;
  /** The class of the row holding the field and the button. */
  className: string;
  testId?: string;
  copyTestId?: string;
}) {
  return (
    <div className={className}>
      <TextInput
        id={id}
        labelText={label}
        value={value}
        readOnly
        fullWidth
        autoComplete="off"
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
        className="yp-mono-input"
        data-testid={testId}
      />
      <CopyButton text={value} label={copyLabel} testId={copyTestId} />
    </div>
  );
}
