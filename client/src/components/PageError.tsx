import { Button } from 'suomifi-ui-components';
import type { ApiError } from '../graphql/errors';
import { useI18n } from '../i18n/useI18n';
import { ErrorAlert } from './ErrorAlert';

/**
 * A page that could not load: the reason in words (as a page's, not a form's: no fields to correct) and a retry
 * button. `title`: the alert's label (ErrorAlert).
 */
export function PageError({ error, onRetry, title }: { error: ApiError; onRetry?: () => void; title?: string | null }) {
  const { t } = useI18n();
  return (
    <div className="yp-page-error">
      <ErrorAlert error={error} context="page" {...(title !== undefined ? { title } : {})} />
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} className="yp-mt-m">
          {t('error.retry')}
        </Button>
      )}
    </div>
  );
}
