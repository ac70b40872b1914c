import type { DashboardRatificationsQuery } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { labelledSegment, type BarRow, type BarSeries } from './BarChart';
import { BarChartCard } from './BarChartCard';
import { Legend, type Loadable } from './ChartCard';
import { ratificationTotals } from './chartLogic';
import { numeric, NumCells, RowHeadLink } from '../../components/DataTable';
import { useFormat } from '../../i18n/useFormat';
import { RATIFICATION_COLORS } from './palette';

/** The approvals as proposed: the chart and the table show them apart from those with changes (the API's `approved` counts both). */
const asProposed = (p: { approved: number; approvedWithChanges: number }) => p.approved - p.approvedWithChanges;

/** Ratification of each agreement as a 100 % bar by outcome. */
export function RatificationChart({ state }: { state: Loadable<DashboardRatificationsQuery> }) {
  const { t, number, name } = useI18n();
  const { pct } = useFormat();
  const rows = state.data?.ratificationStatistics ?? [];
  const { done, total } = ratificationTotals(rows);
  const summary = !state.data
    ? undefined
    : rows.length
      ? t('dash.ratif.summary', {
          agreements: rows.length,
          done: number(done),
          total,
          pending: number(total - done),
        })
      : t('dash.ratif.summaryEmpty');
  const series: BarSeries[] = [
    { key: 'approved', label: t('dash.ratif.approved'), color: RATIFICATION_COLORS.approved },
    { key: 'changes', label: t('dash.ratif.changes'), color: RATIFICATION_COLORS.changes },
    { key: 'rejected', label: t('dash.ratif.rejected'), color: RATIFICATION_COLORS.rejected },
    { key: 'pending', label: t('dash.ratif.pending'), color: RATIFICATION_COLORS.pending, hatched: true },
  ];
  const bars: BarRow[] = rows.map((r) => ({
    key: r.agreement.id,
    label: name(r.agreement.titles),
    values: {
      approved: asProposed(r.progress),
      changes: r.progress.approvedWithChanges,
      rejected: r.progress.rejected,
      pending: r.progress.pending,
    },
    valueText: r.ratifiedShare != null ? pct(r.ratifiedShare) : '–',
    title: t('dash.ratif.rowLabel', {
      agreement: name(r.agreement.titles),
      approved: asProposed(r.progress),
      changes: r.progress.approvedWithChanges,
      rejected: r.progress.rejected,
      pending: r.progress.pending,
      total: r.progress.total,
    }),
  }));
  const figureRows = rows.map((r) => (
    <tr key={r.agreement.id}>
      <RowHeadLink to={`/agreements/${r.agreement.id}`}>{name(r.agreement.titles)}</RowHeadLink>
      <NumCells
        values={[
          number(asProposed(r.progress)),
          number(r.progress.approvedWithChanges),
          number(r.progress.rejected),
          number(r.progress.pending),
          number(r.progress.total),
          r.ratifiedShare != null ? pct(r.ratifiedShare) : '–',
          r.totalPopulation ? pct(r.ratifiedPopulation / r.totalPopulation) : '–',
        ]}
      />
    </tr>
  ));
  return (
    <BarChartCard
      id="ratifications"
      className="yp-dash__ratif"
      title={t('dash.ratif.title')}
      summary={summary}
      state={state}
      note={<Legend items={series} />}
      chart={{
        rows: bars,
        series,
        axisLabel: t('dash.ratif.col.share'),
        normalize: true,
        segmentTitle: labelledSegment,
      }}
      figures={{
        caption: t('dash.ratif.caption'),
        columns: [
          t('dash.ratif.col.agreement'),
          ...[...series.map((s) => s.label), t('dash.total'), t('dash.ratif.col.share'), t('dash.ratif.col.population')].map(
            numeric,
          ),
        ],
      }}
    >
      {figureRows}
    </BarChartCard>
  );
}
