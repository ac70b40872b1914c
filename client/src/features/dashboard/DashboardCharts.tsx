import { Link } from 'react-router';
import type {
  DashboardActionsQuery,
  DashboardMunicipalitiesQuery,
  DashboardNeedsQuery,
  DashboardOptionsQuery,
  DashboardRatificationsQuery,
  DashboardResolutionQuery,
  NeedStatus,
} from '../../graphql/generated/graphql';
import type { ApiError } from '../../graphql/errors';
import { useI18n } from '../../i18n/useI18n';
import { statuses, statusLabel } from '../needs/needs.labels';
import { BarChart, type BarRow, type BarSeries } from './BarChart';
import { ChartCard, Legend, ResidentsValue, SuppressedNote } from './ChartCard';
import { layoutTiles, pivot, residents, seriesTotals } from './chartLogic';
import { registerLink, type DashboardView } from './dashboardFilters';
import { useFormat } from './format';
import { BAR_COLOR, OPEN_COLOR, OVERDUE_COLOR, RATIFICATION_COLORS, STATUS_COLORS } from './palette';
import { TileMap } from './TileMap';

type Party = DashboardOptionsQuery['parties'][number];

/** A theme's name in the UI language by its code (the API's labels follow the browser's Accept-Language). */
export type ThemeName = (code: string, fallback: string) => string;

/** The rows with theme labels in the UI language. */
function relabel<R extends { keys: readonly { dimension: string; value: string; label: string }[] }>(
  rows: readonly R[],
  themeName: ThemeName,
): R[] {
  return rows.map((r) => ({
    ...r,
    keys: r.keys.map((k) => (k.dimension === 'THEME' ? { ...k, label: themeName(k.value, k.label) } : k)),
  }));
}
interface Loadable<T> {
  data?: T;
  error?: ApiError;
  fetching: boolean;
}

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
  const ratif = ratifications?.ratificationStatistics.reduce(
    (acc, r) => ({
      done: acc.done + r.progress.approved + r.progress.approvedWithChanges + r.progress.rejected,
      total: acc.total + r.progress.total,
    }),
    { done: 0, total: 0 },
  );
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
    <ChartCard
      id="themes"
      className="yp-dash__themes"
      title={t('dash.themes.title')}
      summary={summary}
      error={state.error && !data ? state.error : undefined}
      loading={!data && !state.error}
      note={
        <>
          <Legend items={series} />
          <p className="yp-chart__footnote">{t('dash.themes.note')}</p>
        </>
      }
      table={
        <div className="yp-table-wrap" role="region" tabIndex={0} aria-label={t('dash.themes.caption')}>
          <table className="yp-table yp-table--compact yp-dash-table" data-testid="themes-table">
            <caption>{t('dash.themes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.themes.col.theme')}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key} className="yp-num">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="yp-num">
                  {t('dash.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.value} data-theme={c.value}>
                  <th scope="row">
                    <Link className="yp-link" to={registerLink(view, { theme: c.value })}>
                      {c.label}
                    </Link>
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="yp-num">
                      {number(c.values[s.key] ?? 0)}
                    </td>
                  ))}
                  <td className="yp-num" data-testid="theme-total">
                    {number(c.total)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="yp-muted">
                  {t('dash.themes.col.theme')}: {t('dash.total')}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="yp-num">
                    {number(footer[s.key] ?? 0)}
                  </td>
                ))}
                <td className="yp-num">{number(categories.reduce((n, c) => n + c.total, 0))}</td>
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
            </tfoot>
          </table>
        </div>
      }
    >
      {(summaryId) =>
        rows.length ? (
          <BarChart
            rows={rows}
            series={series}
            summaryId={summaryId}
            axisLabel={t('dash.themes.axis')}
            testId="themes-svg"
            segmentTitle={(row, s, value) => t('dash.themes.segment', { theme: row.label, status: s.label, count: value })}
          />
        ) : (
          <p className="yp-muted">{t('dash.noData')}</p>
        )
      }
    </ChartCard>
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
  const { t, name, number, lang } = useI18n();
  const collator = new Intl.Collator(lang);
  const municipalities = (parties ?? []).filter((p) => p.kind === 'MUNICIPALITY');
  const rowsById = new Map(state.data?.byMunicipality.map((r) => [r.keys[0]?.value ?? '', r]));
  const counts = new Map([...rowsById.entries()].map(([id, r]) => [id, r.count]));
  const layout = layoutTiles(
    municipalities.map((m) => ({ id: m.id, code: m.code ?? null, name: name(m.names) })),
    counts,
  );
  const ranked = [...layout.tiles].sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
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
      error={state.error && !state.data ? state.error : undefined}
      loading={!ready && !state.error}
      note={
        <>
          <p className="yp-chart__footnote">{t('dash.map.note')}</p>
          <SuppressedNote />
        </>
      }
      table={
        <div className="yp-table-wrap" role="region" tabIndex={0} aria-label={t('dash.map.caption')}>
          <table className="yp-table yp-table--compact yp-dash-table" data-testid="municipalities-table">
            <caption>{t('dash.map.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.map.col.municipality')}</th>
                <th scope="col">{t('dash.map.col.subRegion')}</th>
                <th scope="col" className="yp-num">
                  {t('dash.map.col.needs')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.map.col.residents')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((m) => (
                <tr key={m.id} data-municipality={m.code ?? m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{subRegion.get(m.id)}</td>
                  <td className="yp-num">{number(m.count)}</td>
                  <td className="yp-num">{m.count ? <ResidentsValue value={rowsById.get(m.id)?.estimatedResidents} /> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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

/** Shown in the chart: the parties with the most overdue (then open) actions. */
const TOP_PARTIES = 10;

/** Overdue and open-on-schedule actions per party. */
export function ActionsChart({ state }: { state: Loadable<DashboardActionsQuery> }) {
  const { t, name, number, lang } = useI18n();
  const { pct } = useFormat();
  const collator = new Intl.Collator(lang);
  const rows = (state.data?.actionStatistics ?? [])
    .map((r) => {
      const open = Math.max(0, r.total - r.done - r.cancelled);
      return { ...r, label: name(r.party.names), open, onTime: Math.max(0, open - r.overdue) };
    })
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || collator.compare(a.label, b.label));
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
    <ChartCard
      id="actions"
      className="yp-dash__actions"
      title={t('dash.actions.title')}
      summary={summary}
      error={state.error && !state.data ? state.error : undefined}
      loading={!state.data && !state.error}
      note={
        <>
          <Legend items={series} />
          {withOpen.length > TOP_PARTIES && (
            <p className="yp-chart__footnote">{t('dash.actions.more', { count: withOpen.length - TOP_PARTIES })}</p>
          )}
          <SuppressedNote />
        </>
      }
      table={
        <div className="yp-table-wrap" role="region" tabIndex={0} aria-label={t('dash.actions.caption')}>
          <table className="yp-table yp-table--compact yp-dash-table" data-testid="actions-table">
            <caption>{t('dash.actions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.actions.col.party')}</th>
                <th scope="col" className="yp-num">
                  {t('dash.actions.col.overdue')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.actions.col.open')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.actions.col.done')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.actions.col.total')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.actions.col.completion')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.actions.col.needs')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.map.col.residents')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.party.id}>
                  <th scope="row">
                    <Link className="yp-link" to={`/needs/actions?party=${encodeURIComponent(r.party.id)}`}>
                      {r.label}
                    </Link>
                  </th>
                  <td className="yp-num">{number(r.overdue)}</td>
                  <td className="yp-num">{number(r.open)}</td>
                  <td className="yp-num">{number(r.done)}</td>
                  <td className="yp-num">{number(r.total)}</td>
                  <td className="yp-num">{r.completionRate != null ? pct(r.completionRate) : '–'}</td>
                  <td className="yp-num">{number(r.needs)}</td>
                  <td className="yp-num">
                    <ResidentsValue value={r.estimatedResidents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    >
      {(summaryId) =>
        bars.length ? (
          <BarChart
            rows={bars}
            series={series}
            summaryId={summaryId}
            axisLabel={t('dash.actions.axis')}
            testId="actions-svg"
            segmentTitle={(row, s, value) => `${row.label}, ${s.label}: ${value}`}
          />
        ) : (
          <p className="yp-muted">{t('dash.noData')}</p>
        )
      }
    </ChartCard>
  );
}

/** Ratification of each agreement as a 100 % bar by outcome. */
export function RatificationChart({ state }: { state: Loadable<DashboardRatificationsQuery> }) {
  const { t, number, name } = useI18n();
  const { pct } = useFormat();
  const rows = state.data?.ratificationStatistics ?? [];
  const done = rows.reduce((n, r) => n + r.progress.approved + r.progress.approvedWithChanges + r.progress.rejected, 0);
  const total = rows.reduce((n, r) => n + r.progress.total, 0);
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
      approved: r.progress.approved,
      changes: r.progress.approvedWithChanges,
      rejected: r.progress.rejected,
      pending: r.progress.pending,
    },
    valueText: r.ratifiedShare != null ? pct(r.ratifiedShare) : '–',
    title: t('dash.ratif.rowLabel', {
      agreement: name(r.agreement.titles),
      approved: r.progress.approved,
      changes: r.progress.approvedWithChanges,
      rejected: r.progress.rejected,
      pending: r.progress.pending,
      total: r.progress.total,
    }),
  }));
  return (
    <ChartCard
      id="ratifications"
      className="yp-dash__ratif"
      title={t('dash.ratif.title')}
      summary={summary}
      error={state.error && !state.data ? state.error : undefined}
      loading={!state.data && !state.error}
      note={<Legend items={series} />}
      table={
        <div className="yp-table-wrap" role="region" tabIndex={0} aria-label={t('dash.ratif.caption')}>
          <table className="yp-table yp-table--compact yp-dash-table" data-testid="ratifications-table">
            <caption>{t('dash.ratif.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.ratif.col.agreement')}</th>
                {series.map((s) => (
                  <th scope="col" className="yp-num" key={s.key}>
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="yp-num">
                  {t('dash.total')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.ratif.col.share')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.ratif.col.population')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.agreement.id}>
                  <th scope="row">
                    <Link className="yp-link" to={`/agreements/${r.agreement.id}`}>
                      {name(r.agreement.titles)}
                    </Link>
                  </th>
                  <td className="yp-num">{number(r.progress.approved)}</td>
                  <td className="yp-num">{number(r.progress.approvedWithChanges)}</td>
                  <td className="yp-num">{number(r.progress.rejected)}</td>
                  <td className="yp-num">{number(r.progress.pending)}</td>
                  <td className="yp-num">{number(r.progress.total)}</td>
                  <td className="yp-num">{r.ratifiedShare != null ? pct(r.ratifiedShare) : '–'}</td>
                  <td className="yp-num">{r.totalPopulation ? pct(r.ratifiedPopulation / r.totalPopulation) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    >
      {(summaryId) =>
        bars.length ? (
          <BarChart
            rows={bars}
            series={series}
            summaryId={summaryId}
            normalize
            axisLabel={t('dash.ratif.col.share')}
            testId="ratifications-svg"
            segmentTitle={(row, s, value) => `${row.label}, ${s.label}: ${value}`}
          />
        ) : (
          <p className="yp-muted">{t('dash.noData')}</p>
        )
      }
    </ChartCard>
  );
}

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
  const { dec } = useFormat();
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
    <ChartCard
      id="resolution"
      className="yp-dash__res"
      title={t('dash.res.title')}
      summary={summary}
      error={state.error && !state.data ? state.error : undefined}
      loading={!state.data && !state.error}
      note={<SuppressedNote />}
      table={
        <div className="yp-table-wrap" role="region" tabIndex={0} aria-label={t('dash.res.caption')}>
          <table className="yp-table yp-table--compact yp-dash-table" data-testid="resolution-table">
            <caption>{t('dash.res.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dash.res.col.theme')}</th>
                <th scope="col" className="yp-num">
                  {t('dash.res.col.count')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.res.col.median')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.res.col.mean')}
                </th>
                <th scope="col" className="yp-num">
                  {t('dash.res.col.residents')}
                </th>
              </tr>
            </thead>
            <tbody>
              {themes.map((r) => (
                <tr key={r.keys[0]?.value}>
                  <th scope="row">
                    <Link className="yp-link" to={registerLink(view, { theme: r.keys[0]?.value, status: 'RESOLVED' })}>
                      {r.keys[0]?.label}
                    </Link>
                  </th>
                  <td className="yp-num">{number(r.count)}</td>
                  <td className="yp-num">{r.medianDays != null ? dec(r.medianDays, 1) : '–'}</td>
                  <td className="yp-num">{r.averageDays != null ? dec(r.averageDays, 1) : '–'}</td>
                  <td className="yp-num">
                    <ResidentsValue value={r.estimatedResidents} />
                  </td>
                </tr>
              ))}
            </tbody>
            {overall && (
              <tfoot>
                <tr>
                  <th scope="row">{t('dash.allNeeds')}</th>
                  <td className="yp-num">{number(overall.count)}</td>
                  <td className="yp-num">{overall.medianDays != null ? dec(overall.medianDays, 1) : '–'}</td>
                  <td className="yp-num">{overall.averageDays != null ? dec(overall.averageDays, 1) : '–'}</td>
                  <td className="yp-num">
                    <ResidentsValue value={overall.estimatedResidents} />
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      }
    >
      {(summaryId) =>
        bars.length ? (
          <BarChart rows={bars} series={series} summaryId={summaryId} axisLabel={t('dash.res.axis')} testId="resolution-svg" />
        ) : (
          <p className="yp-muted">{t('dash.noData')}</p>
        )
      }
    </ChartCard>
  );
}
