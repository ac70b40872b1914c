import { useId } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { exportUrl, type ExportFilters } from './exportUrl';
import './export.css';

/**
 * "Download CSV / Excel" for the needs a view selects. Plain links: the
 * browser sends the session cookie and saves the file the server names.
 */
export function ExportLinks({ filters, note, compact = false }: { filters: ExportFilters; note?: string; compact?: boolean }) {
  const { t, lang } = useI18n();
  const labelId = `${useId()}-export`;
  return (
    <div
      className={`yp-export${compact ? ' yp-export--compact' : ''}`}
      role="group"
      aria-labelledby={labelId}
      data-testid="export-links"
    >
      <span className="yp-export__label" id={labelId}>
        {t('export.title')}
      </span>
      <a className="yp-export__link" href={exportUrl('csv', filters, lang)} download data-testid="export-csv">
        <span aria-hidden="true" className="yp-export__icon">
          ↓
        </span>
        {t('export.csv')}
      </a>
      <a className="yp-export__link" href={exportUrl('xlsx', filters, lang)} download data-testid="export-xlsx">
        <span aria-hidden="true" className="yp-export__icon">
          ↓
        </span>
        {t('export.xlsx')}
      </a>
      {!compact && <span className="yp-export__hint">{t('export.hint')}</span>}
      {note && <span className="yp-export__note">{note}</span>}
    </div>
  );
}
