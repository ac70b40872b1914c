import { Button } from 'suomifi-ui-components';
import type { ApiError } from '../graphql/errors';
import { useI18n } from '../i18n/useI18n';
import { ErrorAlert } from './ErrorAlert';

/** A page that could not load: the reason in words and a retry button. */
export function PageError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="yp-page-error">
      <ErrorAlert error={error} />
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} className="yp-mt-m">
          {t('error.retry')}
        </Button>
      )}
    </div>
  );
}
