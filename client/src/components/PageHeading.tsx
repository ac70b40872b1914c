import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Heading } from 'suomifi-ui-components';
import { useI18n } from '../i18n/useI18n';

/**
 * The page's h1. It also sets the document title, and after an in-app
 * navigation takes focus so that screen reader users hear the new page
 * (a single-page app otherwise leaves focus on the link they activated).
 */
export function PageHeading({ children, title, id }: { children: ReactNode; title: string; id?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  // 'default' is the entry the browser loaded; any other key came from an in-app navigation.
  // Read once: the heading of a page that stays must not steal focus again on later renders.
  const navigated = useRef(useLocation().key !== 'default');

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    if (navigated.current) ref.current?.focus();
  }, []);

  return (
    <Heading variant="h1" id={id} tabIndex={-1} ref={ref} className="yp-page-heading">
      {children}
    </Heading>
  );
}
