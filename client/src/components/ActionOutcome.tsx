import type { ReactNode } from 'react';
import type { ApiError } from '../graphql/errors';
import { ErrorAlert } from './ErrorAlert';

/**
 * What a panel's last action came to: the refusal (if any) as an alert, then the status line that screen readers
 * read out ('' for none yet). With `action` (a small form's submit button) the status line stands beside it in an
 * actions row. For panels and forms that FormFooter (a busy-aware submit button) does not fit.
 */
export function ActionOutcome({
  error,
  status,
  testId,
  action,
}: {
  error: ApiError | undefined;
  status: string;
  testId?: string;
  action?: ReactNode;
}) {
  const line = (
    <p role="status" className="yp-status" data-testid={testId}>
      {status}
    </p>
  );
  return (
    <>
      {error && <ErrorAlert error={error} />}
      {action ? (
        <div className="yp-actions">
          {action}
          {line}
        </div>
      ) : (
        line
      )}
    </>
  );
}
