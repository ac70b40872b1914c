import { LoadingSpinner } from 'suomifi-ui-components';
import { useI18n } from '../i18n/useI18n';

/** A centred spinner with a spoken "Loading…" while a page's data arrives. */
export function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="yp-page-loading">
      <LoadingSpinner status="loading" text={t('app.loading')} textAlign="right" variant="normal" />
    </div>
  );
}
