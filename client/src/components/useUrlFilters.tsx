import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams, type SetURLSearchParams } from 'react-router';
import { useI18n } from '../i18n/useI18n';
import { checkUrlFilters, type UrlFilterRules } from './urlFilters';

/** A page's URL filters once checked: only known values, and a notice when a shared link had others. */
export interface UrlFilters {
  /** The URL's parameters without unknown filter values: what the page reads its view from. */
  readonly params: URLSearchParams;
  readonly setParams: SetURLSearchParams;
  /** A value waits for its options to load: do not ask the server with the filters yet. */
  readonly pending: boolean;
  /** "The link had a filter value that is not known" (polite status), or nothing. */
  readonly notice: ReactNode;
}

/**
 * The URL's filters of a page, checked against `rules` (memoize them: they change when the options load). Unknown
 * values are dropped from the address too (replace, no new history entry), and the user is told once, politely.
 */
export function useUrlFilters(rules: UrlFilterRules): UrlFilters {
  const [raw, setParams] = useSearchParams();
  const checked = useMemo(() => checkUrlFilters(raw, rules), [raw, rules]);
  const [dropped, setDropped] = useState(false);
  useEffect(() => {
    if (!checked.unknown.length) return;
    setDropped(true);
    setParams(checked.params, { replace: true });
  }, [checked, setParams]);
  return {
    params: checked.params,
    setParams,
    pending: checked.pending,
    notice: <UnknownFilterNotice shown={dropped || checked.unknown.length > 0} />,
  };
}

/** The status line under a page's filters; always in the page so that a screen reader announces what appears in it. */
function UnknownFilterNotice({ shown }: { shown: boolean }) {
  const { t } = useI18n();
  return (
    <p role="status" className={shown ? 'yp-filter-notice' : 'yp-visually-hidden'} data-testid="unknown-filter-notice">
      {shown ? t('filters.unknownValue') : ''}
    </p>
  );
}
