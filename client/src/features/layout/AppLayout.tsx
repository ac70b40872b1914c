import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { SkipLink } from 'suomifi-ui-components';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useI18n';
import { AppHeader } from './AppHeader';

/** Skip link, banner, the page in <main>, and the footer: the same landmarks on every page. */
export function AppLayout() {
  const { t } = useI18n();
  return (
    <div className="yp-app">
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <AppHeader />
      <main id="main" className="yp-main yp-container" tabIndex={-1}>
        {/* Pages load as separate chunks (App.tsx); the header stays while one arrives. */}
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="yp-footer">
        <div className="yp-container">{t('app.footer')}</div>
      </footer>
    </div>
  );
}
