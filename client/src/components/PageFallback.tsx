import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { InlineAlert } from 'suomifi-ui-components';
import { ErrorAlert } from './ErrorAlert';
import { PageError } from './PageError';
import { PageHeading } from './PageHeading';
import { PageLoading } from './PageLoading';
import { toApiError } from '../graphql/errors';
import { useI18n } from '../i18n/useI18n';

/**
 * What a page shows while its record is not there: the query's error with a retry, else "not found" once the
 * answer came without the record (`notFound`), else the loading state. `before` (a back link) stays above it.
 */
export function PageFallback({
  before,
  error,
  onRetry,
  notFound = false,
}: {
  before?: ReactNode;
  error: CombinedError | undefined;
  onRetry: () => void;
  /** The query answered and the record is not in it (default false: still loading). */
  notFound?: boolean;
}) {
  const apiError = toApiError(error);
  return (
    <>
      {before}
      {apiError ? (
        <PageError error={apiError} onRetry={onRetry} />
      ) : notFound ? (
        <ErrorAlert error={{ code: 'NOT_FOUND', message: '', fields: {} }} />
      ) : (
        <PageLoading />
      )}
    </>
  );
}

/** A page whose record does not exist: the error heading and the page's own words for it. */
export function NotFoundPage({ before, message }: { before?: ReactNode; message: string }) {
  const { t } = useI18n();
  return (
    <>
      {before}
      <PageHeading title={t('error.title')}>{t('error.title')}</PageHeading>
      <InlineAlert status="error" data-error-code="NOT_FOUND" className="yp-mt-m">
        {message}
      </InlineAlert>
    </>
  );
}
