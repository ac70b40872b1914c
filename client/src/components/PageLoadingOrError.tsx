import type { ApiError } from '../graphql/errors';
import { PageError } from './PageError';
import { PageLoading } from './PageLoading';

/** What stands in for a page's data until it comes: the query's error with a retry button (PageError), else the spinner. */
export function PageLoadingOrError({ error, onRetry }: { error: ApiError | undefined; onRetry: () => void }) {
  return error ? <PageError error={error} onRetry={onRetry} /> : <PageLoading />;
}
