import type { ComponentProps, ReactNode } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { BarChart } from './BarChart';
import { ChartCard, FiguresTable, type Loadable, loadingProps } from './ChartCard';

/**
 * A dashboard card whose chart is horizontal bars: the card (title, summary, notes, figures) around the bars, or
 * "no data" in their place when there are none. The card shows the query's error or a skeleton until its data comes.
 * The bars and the figures take their test ids from the card's id: `<id>-svg` and `<id>-table`.
 */
export function BarChartCard({
  id,
  state,
  chart,
  figures,
  children,
  ...card
}: Omit<ComponentProps<typeof ChartCard>, 'children' | 'error' | 'loading' | 'table'> & {
  state: Loadable<unknown>;
  /** The bars; the card gives them the id of its summary. */
  chart: Omit<ComponentProps<typeof BarChart>, 'summaryId' | 'testId'>;
  /** The table of the figures behind the bars: its caption, columns and footer. */
  figures: Omit<ComponentProps<typeof FiguresTable>, 'testId' | 'children'>;
  /** The figures table's body rows. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ChartCard
      id={id}
      {...card}
      {...loadingProps(state)}
      table={
        <FiguresTable {...figures} testId={`${id}-table`}>
          {children}
        </FiguresTable>
      }
    >
      {(summaryId) =>
        chart.rows.length ? (
          <BarChart {...chart} testId={`${id}-svg`} summaryId={summaryId} />
        ) : (
          <p className="yp-muted">{t('dash.noData')}</p>
        )
      }
    </ChartCard>
  );
}
