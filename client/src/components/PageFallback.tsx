import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { InlineAlert } from 'suomifi-ui-components';
import { PageError } from './PageError';
import { PageHeading } from './PageHeading';
import { PageLoading } from './PageLoading';
import { useMalformedRouteId } from './routeIds';
import type { ApiError } from '../graphql/errors';
import { toApiError } from '../graphql/errors';
import { useI18n } from '../i18n/useI18n';

/**
 * What a page shows while its record is not there: "not found" once the answer came without the record
 * (`notFound`), the server said NOT_FOUND, or the route's id is malformed (no record can have it, and the
 * query was not sent: usePageQuery); else the query's error with a retry; else the loading state. Each with an h1. `before` (a back link) stays above
 * it; `notFoundMessage` is the page's own words for a missing record (default: the contract's NOT_FOUND text).
 */
export function PageFallback({
  before,
  error,
  onRetry,
  notFound = false,
  notFoundMessage,
}: {
  before?: ReactNode;
  error: CombinedError | undefined;
  onRetry: () => void;
  /** The query answered and the record is not in it (default false: still loading). */
  notFound?: boolean;
  notFoundMessage?: string;
}) {
  const { t } = useI18n();
  const malformed = useMalformedRouteId();
  const apiError = toApiError(error);
  if (malformed || apiError?.code === 'NOT_FOUND' || (notFound && !apiError))
    return <NotFoundPage before={before} message={notFoundMessage ?? t('error.NOT_FOUND')} />;
  if (apiError) return <ErrorPage before={before} error={apiError} onRetry={onRetry} />;
  return (
    <>
      {before}
      <PageLoading />
    </>
  );
}

/** A page whose record does not exist: "not found" as its heading (and the document title) and the page's own words for it. */
export function NotFoundPage({ before, message }: { before?: ReactNode; message: string }) {
  const { t } = useI18n();
  return (
    <>
      {before}
      <PageHeading title={t('notFound.recordTitle')}>{t('notFound.recordTitle')}</PageHeading>
      <InlineAlert status="error" data-error-code="NOT_FOUND" className="yp-mt-m">
        {message}
      </InlineAlert>
    </>
  );
}

/**
 * A page that could not be shown at all: the error heading (and the document title), the reason in words and a
 * retry. The alert has no label of its own: the heading right above says "Error" once.
 */
export function ErrorPage({ before, error, onRetry }: { before?: ReactNode; error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {before}
      <PageHeading title={t('error.title')}>{t('error.title')}</PageHeading>
      <PageError error={error} title={null} {...(onRetry ? { onRetry } : {})} />
    </>
  );
}
