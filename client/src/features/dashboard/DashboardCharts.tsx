import type {
  DashboardActionsQuery,
  DashboardMunicipalitiesQuery,
  DashboardNeedsQuery,
  DashboardOptionsQuery,
  DashboardRatificationsQuery,
  DashboardResolutionQuery,
  NeedStatus,
} from '../../graphql/generated/graphql';
import { placeNames } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { statuses, statusLabel } from '../needs/needs.labels';
import type { BarRow, BarSeries } from './BarChart';
import { BarChartCard } from './BarChartCard';
import { ChartCard, FiguresTable, Legend, type Loadable, loadingProps, ResidentsValue, SuppressedNote } from './ChartCard';
import { layoutTiles, pivot, ratificationTotals, relabel, residents, seriesTotals, type ThemeName } from './chartLogic';
import { numeric, NumCells, RowHeadLink } from '../../components/DataTable';
import { registerLink, type DashboardView } from './dashboardFilters';
import { useFormat } from '../../i18n/useFormat';
import { STATUS_COLORS } from './palette';
import { TileMap } from './TileMap';

type Party = DashboardOptionsQuery['parties'][number];

const OPEN_STATUSES: readonly NeedStatus[] = ['IDENTIFIED', 'UNDER_ANALYSIS', 'AGREED', 'IN_PROGRESS', 'MONITORING', 'ESCALATED'];

/** The key figures along the top: big numbers with a line of context each. */
export function KeyFigures({
  needs,
  actions,
  ratifications,
  resolution,
}: {
  needs: DashboardNeedsQuery | undefined;
  actions: DashboardActionsQuery | undefined;
  ratifications: DashboardRatificationsQuery | undefined;
  resolution: DashboardResolutionQuery | undefined;
}) {
  const { t, number } = useI18n();
  const { pct } = useFormat();
  const total = needs?.register.totalCount;
  const open = needs?.byStatus
    .filter((r) => OPEN_STATUSES.includes(r.keys[0]?.value as NeedStatus))
    .reduce((n, r) => n + r.count, 0);
  const overdue = actions?.actionStatistics.reduce((n, r) => n + r.overdue, 0);
  const overdueParties = actions?.actionStatistics.filter((r) => r.overdue > 0).length ?? 0;
  const ratif = ratifications && ratificationTotals(ratifications.ratificationStatistics);
  const residentRows = needs?.byStatus ?? [];
  const residentSum = residentRows.reduce(
    (n, r) => n + (residents(r.estimatedResidents).kind === 'value' ? (r.estimatedResidents ?? 0) : 0),
    0,
  );
  const overall = resolution?.overall[0];
  const dash = '–';
  const items: { key: string; label: string; value: string; hint: string; tone?: 'alert' }[] = [
    { key: 'needs', label: t('dash.kpi.needs'), value: total !== undefined ? number(total) : dash, hint: '' },
    { key: 'open', label: t('dash.kpi.open'), value: open !== undefined ? number(open) : dash, hint: t('dash.kpi.openHint') },
    {
      key: 'overdue',
      label: t('dash.kpi.overdue'),
      value: overdue !== undefined ? number(overdue) : dash,
      hint: overdue !== undefined ? t('dash.kpi.overdueHint', { parties: overdueParties }) : '',
      tone: overdue ? 'alert' : undefined,
    },
    {
      key: 'ratified',
      label: t('dash.kpi.ratified'),
      value: ratif && ratif.total ? pct(ratif.done / ratif.total) : dash,
      hint: ratif ? t('dash.kpi.ratifiedHint', { done: ratif.done, total: ratif.total }) : '',
    },
    {
      key: 'residents',
      label: t('dash.kpi.residents'),
      value: residentSum >= 5 ? number(residentSum) : needs ? t('dash.suppressed') : dash,
      hint: residentSum >= 5 ? t('dash.kpi.residentsHint') : '',
    },
    {
      key: 'median',
      label: t('dash.kpi.median'),
      value: overall?.medianDays != null ? t('dash.kpi.days', { days: number(Math.round(overall.medianDays)) }) : dash,
      hint: overall ? t('dash.kpi.medianHint', { count: overall.count }) : '',
    },
  ];
  return (
    <ul className="yp-kpis" aria-label={t('dash.kpi.label')} data-testid="kpis">
      {items.map((item) => (
        <li key={item.key} className={`yp-kpi${item.tone ? ` yp-kpi--${item.tone}` : ''}`} data-kpi={item.key}>
          <span className="yp-kpi__label">{item.label}</span>
          <span className="yp-kpi__value">{item.value}</span>
          {item.hint && <span className="yp-kpi__hint">{item.hint}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Needs by theme (bars) and status (segments); the table adds a footer where each need counts once. */
export function ThemesChart({
  state,
  view,
  themeName,
}: {
  state: Loadable<DashboardNeedsQuery>;
  view: DashboardView;
  themeName: ThemeName;
}) {
  const { t, number, lang } = useI18n();
  const collator = new Intl.Collator(lang);
  const data = state.data;
  const categories = data ? pivot(relabel(data.byThemeStatus, themeName), collator.compare) : [];
  const present = new Set(data?.byThemeStatus.map((r) => r.keys[1]?.value));
  const series: BarSeries[] = statuses
    .filter((s) => present.has(s))
    .map((s) => ({ key: s, label: statusLabel(t, s), color: STATUS_COLORS[s] }));
  const byStatus = new Map(data?.byStatus.map((r) => [r.keys[0]?.value ?? '', r.count]));
  const total = data?.register.totalCount ?? 0;
  const topStatus = [...byStatus.entries()].sort((a, b) => b[1] - a[1])[0];
  const summary = !data
    ? undefined
    : total === 0 || !categories.length
      ? t('dash.themes.summaryEmpty')
      : t('dash.themes.summary', {
          total,
          top: categories[0]!.label,
          topCount: number(categories[0]!.total),
          status: topStatus ? statusLabel(t, topStatus[0] as NeedStatus) : '–',
          statusCount: number(topStatus?.[1] ?? 0),
        });
  const rows: BarRow[] = categories.map((c) => ({
    key: c.value,
    label: c.label,
    values: c.values,
    title: t('dash.themes.bar', { theme: c.label, count: c.total }),
  }));
  const footer = seriesTotals(categories);
  return (
    <BarChartCard
      id="themes"
      className="yp-dash__themes"
      title={t('dash.themes.title')}
      summary={summary}
      state={state}
      chart={{
        rows,
        series,
        axisLabel: t('dash.themes.axis'),
        segmentTitle: (row, s, value) => t('dash.themes.segment', { theme: row.label, status: s.label, count: value }),
      }}
      note={
        <>
          <Legend items={series} />
          <p className="yp-chart__footnote">{t('dash.themes.note')}</p>
        </>
      }
      figures={{
        caption: t('dash.themes.caption'),
        foot: (
          <>
            <tr>
              <th scope="row" className="yp-muted">
                {t('dash.themes.col.theme')}: {t('dash.total')}
              </th>
              <NumCells
                values={[...series.map((s) => number(footer[s.key] ?? 0)), number(categories.reduce((n, c) => n + c.total, 0))]}
              />
            </tr>
            <tr data-testid="themes-all-needs">
              <th scope="row">{t('dash.allNeeds')}</th>
              {series.map((s) => (
                <td key={s.key} className="yp-num" data-status={s.key}>
                  {number(byStatus.get(s.key) ?? 0)}
                </td>
              ))}
              <td className="yp-num" data-testid="all-needs-total">
                {number(total)}
              </td>
            </tr>
          </>
        ),
        columns: [t('dash.themes.col.theme'), ...[...series.map((s) => s.label), t('dash.total')].map(numeric)],
      }}
    >
      {categories.map((c) => (
        <tr key={c.value} data-theme={c.value}>
          <RowHeadLink to={registerLink(view, { theme: c.value })}>{c.label}</RowHeadLink>
          <NumCells values={series.map((s) => number(c.values[s.key] ?? 0))} />
          <td className="yp-num" data-testid="theme-total">
            {number(c.total)}
          </td>
        </tr>
      ))}
    </BarChartCard>
  );
}

/** The municipalities as a tile map by number of needs; the table lists them with residents. */
export function MunicipalityMap({
  state,
  parties,
  view,
}: {
  state: Loadable<DashboardMunicipalitiesQuery>;
  parties: readonly Party[] | undefined;
  view: DashboardView;
}) {
  const { t, name, number } = useI18n();
  const municipalities = (parties ?? []).filter((p) => p.kind === 'MUNICIPALITY');
  const rowsById = new Map(state.data?.byMunicipality.map((r) => [r.keys[0]?.value ?? '', r]));
  const counts = new Map([...rowsById.entries()].map(([id, r]) => [id, r.count]));
  const layout = layoutTiles(
    municipalities.map((m) => ({ id: m.id, code: m.code ?? null, name: name(m.names) })),
    counts,
  );
  const ranked = [...layout.tiles].sort((a, b) => b.count - a.count || placeNames.compare(a.name, b.name));
  const withNeeds = ranked.filter((m) => m.count > 0);
  const ready = state.data && parties;
  const summary = !ready
    ? undefined
    : withNeeds.length
      ? t('dash.map.summary', {
          withNeeds: withNeeds.length,
          total: municipalities.length,
          top: withNeeds
            .slice(0, 3)
            .map((m) => t('dash.map.topItem', { name: m.name, count: number(m.count) }))
            .join(', '),
        })
      : t('dash.map.summaryEmpty');
  const subRegion = new Map(municipalities.map((m) => [m.id, m.subRegion ?? '']));
  return (
    <ChartCard
      id="municipalities"
      className="yp-dash__map"
      title={t('dash.map.title')}
      summary={summary}
      {...loadingProps(state, !!ready)}
      note={
        <>
          <p className="yp-chart__footnote">{t('dash.map.note')}</p>
          <SuppressedNote values={ranked.filter((m) => m.count).map((m) => rowsById.get(m.id)?.estimatedResidents)} />
        </>
      }
      table={
        <FiguresTable
          caption={t('dash.map.caption')}
          testId="municipalities-table"
          columns={[
            t('dash.map.col.municipality'),
            t('dash.map.col.subRegion'),
            numeric(t('dash.map.col.needs')),
            numeric(t('dash.map.col.residents')),
          ]}
        >
          {ranked.map((m) => (
            <tr key={m.id} data-municipality={m.code ?? m.id}>
              <th scope="row">{m.name}</th>
              <td>{subRegion.get(m.id)}</td>
              <NumCells
                values={[number(m.count), m.count ? <ResidentsValue value={rowsById.get(m.id)?.estimatedResidents} /> : '–']}
              />
            </tr>
          ))}
        </FiguresTable>
      }
    >
      {(summaryId) => (
        <TileMap
          tiles={layout.tiles}
          cols={layout.cols}
          rows={layout.rows}
          breaks={layout.breaks}
          selected={view.municipality}
          summaryId={summaryId}
          hrefOf={(tile) => registerLink(view, { municipality: tile.id })}
        />
      )}
    </ChartCard>
  );
}
