import type { DashboardResolutionQuery } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import type { BarRow, BarSeries } from './BarChart';
import { BarChartCard } from './BarChartCard';
import { type Loadable, ResidentsValue, SuppressedNote } from './ChartCard';
import { relabel, type ThemeName } from './chartLogic';
import { numeric, NumCells, RowHeadLink } from '../../components/DataTable';
import { registerLink, type DashboardView } from './dashboardFilters';
import { useFormat } from '../../i18n/useFormat';
import { BAR_COLOR } from './palette';

/** Median days from recording to resolution, per theme. */
export function ResolutionChart({
  state,
  view,
  themeName,
}: {
  state: Loadable<DashboardResolutionQuery>;
  view: DashboardView;
  themeName: ThemeName;
}) {
  const { t, number } = useI18n();
  const overall = state.data?.overall[0];
  const themes = relabel(state.data?.byTheme ?? [], themeName)
    .filter((r) => r.count > 0 && r.medianDays != null)
    .sort((a, b) => (b.medianDays ?? 0) - (a.medianDays ?? 0));
  const summary = !state.data
    ? undefined
    : !overall || overall.count === 0 || overall.medianDays == null
      ? t('dash.res.summaryEmpty')
      : t('dash.res.summary', {
          count: overall.count,
          median: Math.round(overall.medianDays),
          mean: Math.round(overall.averageDays ?? overall.medianDays),
          top: themes[0] ? `${themes[0].keys[0]?.label ?? ''} ${number(Math.round(themes[0].medianDays ?? 0))}` : '–',
        });
  const series: BarSeries[] = [{ key: 'median', label: t('dash.res.axis'), color: BAR_COLOR }];
  const bars: BarRow[] = themes.map((r) => ({
    key: r.keys[0]?.value ?? '',
    label: r.keys[0]?.label ?? '',
    values: { median: r.medianDays ?? 0 },
    valueText: number(Math.round(r.medianDays ?? 0)),
    title: t('dash.res.bar', { theme: r.keys[0]?.label ?? '', days: Math.round(r.medianDays ?? 0), count: r.count }),
  }));
  return (
    <BarChartCard
      id="resolution"
      className="yp-dash__res"
      title={t('dash.res.title')}
      summary={summary}
      state={state}
      chart={{ rows: bars, series, axisLabel: t('dash.res.axis') }}
      note={<SuppressedNote values={[...themes, ...(overall ? [overall] : [])].map((r) => r.estimatedResidents)} />}
      figures={{
        caption: t('dash.res.caption'),
        foot: overall && (
          <tr>
            <th scope="row">{t('dash.allNeeds')}</th>
            <ResolutionCells row={overall} />
          </tr>
        ),
        columns: [
          t('dash.res.col.theme'),
          ...[t('dash.res.col.count'), t('dash.res.col.median'), t('dash.res.col.mean'), t('dash.res.col.residents')].map(
            numeric,
          ),
        ],
      }}
    >
      {themes.map((r) => (
        <tr key={r.keys[0]?.value}>
          <RowHeadLink to={registerLink(view, { theme: r.keys[0]?.value, status: 'RESOLVED' })}>{r.keys[0]?.label}</RowHeadLink>
          <ResolutionCells row={r} />
        </tr>
      ))}
    </BarChartCard>
  );
}

/** A theme's (or all needs') figures in the table: count, median and mean days, residents. */
function ResolutionCells({
  row,
}: {
  row: { count: number; medianDays?: number | null; averageDays?: number | null; estimatedResidents?: number | null };
}) {
  const { number } = useI18n();
  const { dec } = useFormat();
  return (
    <NumCells
      values={[
        number(row.count),
        row.medianDays != null ? dec(row.medianDays, 1) : '–',
        row.averageDays != null ? dec(row.averageDays, 1) : '–',
        <ResidentsValue value={row.estimatedResidents} />,
      ]}
    />
  );
}
