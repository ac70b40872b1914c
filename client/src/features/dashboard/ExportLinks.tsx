import './dashboard.messages';
import { useId } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { exportUrl, type ExportFilters, type ExportName, type ExportParams } from './exportUrl';
import './export.css';

/**
 * "Download CSV / Excel" for what a view shows (the register's needs by
 * default; `name` picks another export, `title` its label). Plain links: the
 * browser sends the session cookie and saves the file the server names.
 */
export function ExportLinks({
  filters,
  note,
  compact = false,
  name = 'service-needs',
  title,
  hint,
  testId = 'export',
}: {
  filters: ExportFilters | ExportParams;
  note?: string;
  compact?: boolean;
  name?: ExportName;
  title?: string;
  /** What the file holds (the register's words by default). */
  hint?: string;
  /** Prefix of the test ids (`<testId>-links`, `-csv`, `-xlsx`) where a page has several. */
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const labelId = `${useId()}-export`;
  return (
    <div
      className={`yp-export${compact ? ' yp-export--compact' : ''}`}
      role="group"
      aria-labelledby={labelId}
      data-testid={`${testId}-links`}
    >
      <span className="yp-export__label" id={labelId}>
        {title ?? t('export.title')}
      </span>
      <a className="yp-export__link" href={exportUrl('csv', filters, lang, name)} download data-testid={`${testId}-csv`}>
        <span aria-hidden="true" className="yp-export__icon">
          ↓
        </span>
        {t('export.csv')}
      </a>
      <a className="yp-export__link" href={exportUrl('xlsx', filters, lang, name)} download data-testid={`${testId}-xlsx`}>
        <span aria-hidden="true" className="yp-export__icon">
          ↓
        </span>
        {t('export.xlsx')}
      </a>
      {!compact && <span className="yp-export__hint">{hint ?? t('export.hint')}</span>}
      {note && <span className="yp-export__note">{note}</span>}
    </div>
  );
}
