import type { ApiError } from '../graphql/errors';
import { ErrorAlert } from './ErrorAlert';

/**
 * What a panel's last action came to: the refusal (if any) as an alert, then the status line that screen readers
 * read out ('' for none yet). For panels whose actions are buttons rather than one form (FormFooter's case).
 */
export function ActionOutcome({ error, status, testId }: { error: ApiError | undefined; status: string; testId?: string }) {
  return (
    <>
      {error && <ErrorAlert error={error} />}
      <p role="status" className="yp-status" data-testid={testId}>
        {status}
      </p>
    </>
  );
}
