import { useId, useState, type ComponentProps, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ApiError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { residents } from './chartLogic';
import { DataTable } from '../../components/DataTable';

/** A chart's query as the card shows it: its data, its error, whether it is loading. */
export interface Loadable<T> {
  data?: T;
  error?: ApiError;
  fetching: boolean;
}

/**
 * What a card shows while its query is under way: the error when no data came, the skeleton until data or an error comes.
 * `ready` is when the card has all it needs (by default, its query's data).
 */
export function loadingProps(state: Loadable<unknown>, ready: boolean = !!state.data) {
  return { error: state.error && !state.data ? state.error : undefined, loading: !ready && !state.error };
}

/**
 * A chart on the dashboard: its title, a summary sentence (the text
 * alternative: the chart points at it with aria-labelledby), the chart, notes,
 * and the numbers behind it as a real table behind a "show the figures" button.
 */
export function ChartCard({
  summary,
  children,
  table,
  note,
  className,
  error,
  loading,
  ...section
}: Omit<ComponentProps<typeof ChartSection>, 'className' | 'busy' | 'children'> & {
  summary?: string;
  /** The chart; gets the id of the summary to point at. */
  children?: (summaryId: string) => ReactNode;
  table?: ReactNode;
  note?: ReactNode;
  className?: string;
  error?: ApiError;
  loading?: boolean;
}) {
  const { id, level = 2 } = section;
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const uid = useId();
  const summaryId = `${uid}-s`;
  const tableId = `${uid}-t`;
  return (
    <ChartSection {...section} className={`${level === 2 ? 'yp-card ' : ''}yp-chart ${className ?? ''}`} busy={loading}>
      {error ? (
        <ErrorAlert error={error} />
      ) : loading ? (
        <div className="yp-chart__skeleton" aria-hidden="true" />
      ) : (
        <>
          {summary && (
            <p className="yp-chart__summary" id={summaryId} data-testid={`summary-${id}`}>
              {summary}
            </p>
          )}
          {children?.(summaryId)}
          {note && <div className="yp-chart__note">{note}</div>}
          {table && (
            <div className="yp-chart__disclosure">
              <button
                type="button"
                className="yp-disclosure"
                aria-expanded={open}
                aria-controls={tableId}
                onClick={() => setOpen((o) => !o)}
                data-testid={`toggle-${id}`}
              >
                <span aria-hidden="true" className="yp-disclosure__icon">
                  {open ? '▾' : '▸'}
                </span>
                {open ? t('dash.hideTable') : t('dash.showTable')}
              </button>
              <div id={tableId} hidden={!open} className="yp-chart__table" data-testid={`table-${id}`}>
                {table}
              </div>
            </div>
          )}
        </>
      )}
    </ChartSection>
  );
}

/**
 * A dashboard section named by its title (aria-labelledby), with the title and its actions in one row: the frame of a
 * ChartCard, and of a card that lays out its own content (the indicator trends). Its test id is `chart-<id>`.
 */
export function ChartSection({
  id,
  title,
  level = 2,
  actions,
  className,
  busy,
  children,
}: {
  id: string;
  title: string;
  /** The heading's level: 2 for a card on the page, 3 for a chart inside a card. */
  level?: 2 | 3;
  actions?: ReactNode;
  className: string;
  /** While the content is loading (aria-busy). */
  busy?: boolean;
  children: ReactNode;
}) {
  const headingId = `${useId()}-h`;
  return (
    <section className={className} aria-labelledby={headingId} data-testid={`chart-${id}`} aria-busy={busy || undefined}>
      <div className="yp-chart__head">
        {level === 2 ? (
          <h2 className="yp-chart__title" id={headingId}>
            {title}
          </h2>
        ) : (
          <h3 className="yp-chart__title yp-chart__title--small" id={headingId}>
            {title}
          </h3>
        )}
        {actions && <div className="yp-chart__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** A legend of colour swatches (the chart's series). */
export function Legend({
  items,
  label,
}: {
  items: readonly { key: string; label: string; color: string; hatched?: boolean }[];
  label?: string;
}) {
  return (
    <ul className="yp-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <span
            className={`yp-legend__swatch${item.hatched ? ' yp-legend__swatch--hatched' : ''}`}
            style={item.hatched ? { borderColor: item.color } : { background: item.color }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** An estimate of residents in a table cell: a number from 5 up, else "suppressed" with a footnote mark. */
export function ResidentsValue({ value }: { value: number | null | undefined }) {
  const { t, number } = useI18n();
  const r = residents(value);
  if (r.kind === 'value') return <>{number(r.value)}</>;
  return (
    <span className="yp-suppressed" data-suppressed="true">
      {t('dash.suppressed')}
      <span aria-hidden="true">*</span>
    </span>
  );
}

/** The footnote that explains "suppressed", under a chart whose figures (`values`, the residents shown) hide one. */
export function SuppressedNote({ values }: { values: readonly (number | null | undefined)[] }) {
  const { t } = useI18n();
  if (!values.some((value) => residents(value).kind === 'suppressed')) return null;
  return (
    <p className="yp-chart__footnote">
      <span aria-hidden="true">* </span>
      {t('dash.suppressedNote')}
    </p>
  );
}

/** The numbers behind a chart: a compact captioned table in a scrolling region that the keyboard reaches. */
export function FiguresTable(props: Omit<ComponentProps<typeof DataTable>, 'className' | 'wrap'>) {
  return <DataTable {...props} className="yp-table yp-table--compact yp-dash-table" wrap="region" />;
}
