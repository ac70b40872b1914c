import type { ReactNode } from 'react';
import type { ApiError } from '../graphql/errors';
import { ErrorAlert } from './ErrorAlert';
import { SubmitButton } from './SubmitButton';

/**
 * The end of a form: the refusal (if any) as an alert, the submit button with the form's other actions
 * beside it, and, when `status` is given, the status line that screen readers read out after a save.
 */
export function FormFooter({
  error,
  errorHint,
  busy,
  busyText,
  label,
  actions,
  status,
  statusTestId,
  submitTestId,
}: {
  /** The error to show as a whole; leave it out when the fields already say it. */
  error?: ApiError | undefined;
  /** Said under the error, e.g. what saving again does. */
  errorHint?: ReactNode;
  busy: boolean;
  busyText: string;
  /** The submit button's text. */
  label: string;
  /** Buttons after the submit button (cancel, …). */
  actions?: ReactNode;
  /** The last save's words ('' for none); undefined: the form has no status line. */
  status?: string;
  statusTestId?: string;
  /** The submit button's data-testid. */
  submitTestId?: string;
}) {
  return (
    <>
      {error && <ErrorAlert error={error} />}
      {errorHint}
      <div className="yp-actions">
        <SubmitButton busy={busy} busyText={busyText} testId={submitTestId}>
          {label}
        </SubmitButton>
        {actions}
      </div>
      {status !== undefined && (
        <p role="status" className="yp-status" data-testid={statusTestId}>
          {status}
        </p>
      )}
    </>
  );
}
