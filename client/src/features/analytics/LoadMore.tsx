import { Button } from 'suomifi-ui-components';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ApiError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';

/** "Showing 50 of 812", the error of the last page if any, and the button that fetches the next page. */
export function LoadMore({
  shown,
  total,
  hasNextPage,
  loading,
  error,
  onLoadMore,
}: {
  shown: number;
  total: number;
  hasNextPage: boolean;
  loading: boolean;
  error: ApiError | undefined;
  onLoadMore: () => void;
}) {
  const { t, number } = useI18n();
  return (
    <div className="yp-load-more">
      <p role="status" className="yp-muted" data-testid="list-count">
        {t('analytics.count', { shown: number(shown), total: number(total) })}
      </p>
      {error && <ErrorAlert error={error} />}
      {hasNextPage &&
        (loading ? (
          <Button variant="secondary" loading ariaLoadingText={t('analytics.loadingMore')} disabled>
            {t('analytics.loadMore')}
          </Button>
        ) : (
          <Button variant="secondary" onClick={onLoadMore} data-testid="load-more">
            {t('analytics.loadMore')}
          </Button>
        ))}
    </div>
  );
}
