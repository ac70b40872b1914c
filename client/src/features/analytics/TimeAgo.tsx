import { useI18n } from '../../i18n/useI18n';
import { relativeTime } from './analytics.util';

/** "5 minuuttia sitten" with the exact time beneath it, both in the UI language. */
export function TimeAgo({ at, now }: { at: string; now: number }) {
  const { lang, dateTime } = useI18n();
  const exact = dateTime(at);
  return (
    <time dateTime={at} title={exact} className="yp-timeago">
      <span className="yp-timeago__relative">{relativeTime(at, now, lang)}</span>
      <span className="yp-meta">{exact}</span>
    </time>
  );
}
