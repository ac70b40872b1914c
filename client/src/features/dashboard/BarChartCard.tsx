import type { ComponentProps } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { BarChart } from './BarChart';
import { ChartCard, type Loadable, loadingProps } from './ChartCard';

/**
 * A dashboard card whose chart is horizontal bars: the card (title, summary, notes, figures) around the bars, or
 * "no data" in their place when there are none. The card shows the query's error or a skeleton until its data comes.
 */
export function BarChartCard({
  state,
  chart,
  ...card
}: Omit<ComponentProps<typeof ChartCard>, 'children' | 'error' | 'loading'> & {
  state: Loadable<unknown>;
  /** The bars; the card gives them the id of its summary. */
  chart: Omit<ComponentProps<typeof BarChart>, 'summaryId'>;
}) {
  const { t } = useI18n();
  return (
    <ChartCard {...card} {...loadingProps(state)}>
      {(summaryId) =>
        chart.rows.length ? <BarChart {...chart} summaryId={summaryId} /> : <p className="yp-muted">{t('dash.noData')}</p>
      }
    </ChartCard>
  );
}
