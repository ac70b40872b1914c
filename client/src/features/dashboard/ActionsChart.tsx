import type { DashboardActionsQuery } from '../../graphql/generated/graphql';
import { placeNames } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { labelledSegment, type BarRow, type BarSeries } from './BarChart';
import { BarChartCard } from './BarChartCard';
import { Legend, type Loadable, ResidentsValue, SuppressedNote } from './ChartCard';
import { numeric, NumCells, RowHeadLink } from '../../components/DataTable';
import { useFormat } from '../../i18n/useFormat';
import { OPEN_COLOR, OVERDUE_COLOR } from './palette';

/** Shown in the chart: the parties with the most overdue (then open) actions. */
const TOP_PARTIES = 10;

/** Overdue and open-on-schedule actions per party. */
export function ActionsChart({ state }: { state: Loadable<DashboardActionsQuery> }) {
  const { t, name, number } = useI18n();
  const { pct } = useFormat();
  const rows = (state.data?.actionStatistics ?? [])
    .map((r) => {
      const open = Math.max(0, r.total - r.done - r.cancelled);
      return { ...r, label: name(r.party.names), open, onTime: Math.max(0, open - r.overdue) };
    })
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || placeNames.compare(a.label, b.label));
  const withOpen = rows.filter((r) => r.open > 0);
  const overdue = rows.reduce((n, r) => n + r.overdue, 0);
  const overdueParties = rows.filter((r) => r.overdue > 0);
  const summary = !state.data
    ? undefined
    : !rows.length
      ? t('dash.actions.summaryEmpty')
      : overdue === 0
        ? t('dash.actions.summaryNone', { open: number(rows.reduce((n, r) => n + r.open, 0)) })
        : t('dash.actions.summary', {
            overdue,
            parties: overdueParties.length,
            top: overdueParties
              .slice(0, 3)
              .map((r) => `${r.label} ${number(r.overdue)}`)
              .join(', '),
          });
  const series: BarSeries[] = [
    { key: 'overdue', label: t('dash.actions.overdue'), color: OVERDUE_COLOR },
    { key: 'onTime', label: t('dash.actions.openOnTime'), color: OPEN_COLOR },
  ];
  const bars: BarRow[] = withOpen.slice(0, TOP_PARTIES).map((r) => ({
    key: r.party.id,
    label: r.label,
    values: { overdue: r.overdue, onTime: r.onTime },
    title: t('dash.actions.bar', { party: r.label, overdue: r.overdue, open: r.onTime }),
  }));
  return (
    <BarChartCard
      id="actions"
      className="yp-dash__actions"
      title={t('dash.actions.title')}
      summary={summary}
      state={state}
      chart={{ rows: bars, series, axisLabel: t('dash.actions.axis'), segmentTitle: labelledSegment }}
      note={
        <>
          <Legend items={series} />
          {withOpen.length > TOP_PARTIES && (
            <p className="yp-chart__footnote">{t('dash.actions.more', { count: withOpen.length - TOP_PARTIES })}</p>
          )}
          <SuppressedNote values={rows.map((r) => r.estimatedResidents)} />
        </>
      }
      figures={{
        caption: t('dash.actions.caption'),
        columns: [
          t('dash.actions.col.party'),
          ...[
            t('dash.actions.col.overdue'),
            t('dash.actions.col.open'),
            t('dash.actions.col.done'),
            t('dash.actions.col.total'),
            t('dash.actions.col.completion'),
            t('dash.actions.col.needs'),
            t('dash.map.col.residents'),
          ].map(numeric),
        ],
      }}
    >
      {rows.map((r) => (
        <tr key={r.party.id}>
          <RowHeadLink to={`/needs/actions?party=${encodeURIComponent(r.party.id)}`}>{r.label}</RowHeadLink>
          <NumCells
            values={[
              number(r.overdue),
              number(r.open),
              number(r.done),
              number(r.total),
              r.completionRate != null ? pct(r.completionRate) : '–',
              number(r.needs),
              <ResidentsValue value={r.estimatedResidents} />,
            ]}
          />
        </tr>
      ))}
    </BarChartCard>
  );
}
