import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError } from '../../graphql/errors';
import type { DashboardIndicatorsQuery, DashboardOptionsQuery } from '../../graphql/generated/graphql';
import { placeNames } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { ChartCard, ChartSection, FiguresTable } from './ChartCard';
import { partySeries, valuedPoints } from './chartLogic';
import { numeric } from '../../components/DataTable';
import { MAX_TREND_PARTIES } from './dashboardFilters';
import { DashboardIndicatorsQuery as IndicatorsQuery } from './dashboard.documents';
import { useFormat } from '../../i18n/useFormat';
import { LineChart, Marker, type LineSeries } from './LineChart';
import { SERIES_STYLES } from './palette';

type Party = DashboardOptionsQuery['parties'][number];
type Indicator = DashboardIndicatorsQuery['indicators'][number];

/** The parties compared when the URL names none: the chosen municipality, the region and the county. */
export function defaultTrendParties(parties: readonly Party[], municipality: string): string[] {
  const region = parties.find((p) => p.kind === 'REGIONAL_COUNCIL');
  const county = parties.find((p) => p.kind === 'WELLBEING_SERVICES_COUNTY');
  const jkl = parties.find((p) => p.kind === 'MUNICIPALITY' && p.code === '179');
  const ids = municipality ? [municipality, region?.id, county?.id] : [region?.id, county?.id, jkl?.id];
  return [...new Set(ids.filter((id): id is string => !!id))].slice(0, MAX_TREND_PARTIES);
}

/** An indicator's series per chosen party (total of genders), in the order of the choice. */
function seriesOf(indicator: Indicator, partyIds: readonly string[], label: (id: string) => string): LineSeries[] {
  return partyIds
    .map((id) => ({
      key: id,
      label: label(id),
      points: partySeries(indicator.values, id),
    }))
    .filter((s) => s.points.some((p) => p.y !== null));
}

/** One indicator: its small line chart, the summary and the figures. */
function IndicatorChart({
  indicator,
  partyIds,
  label,
  styleOf,
}: {
  indicator: Indicator;
  partyIds: readonly string[];
  label: (id: string) => string;
  styleOf: (id: string) => number;
}) {
  const { t } = useI18n();
  const { dec, signed } = useFormat();
  const series = seriesOf(indicator, partyIds, label);
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const fmt = (v: number) => dec(v, 1);
  const parts = series.map((s) => {
    const known = valuedPoints(s.points);
    const first = known[0]!;
    const last = known.at(-1)!;
    return known.length > 1
      ? t('dash.ind.summaryPart', {
          party: s.label,
          value: fmt(last.y),
          year: last.x,
          change: `${signed(Number((last.y - first.y).toFixed(1)))} (${first.x})`,
        })
      : t('dash.ind.summaryPartNoChange', { party: s.label, value: fmt(last.y), year: last.x });
  });
  const summary = series.length
    ? t('dash.ind.summary', {
        indicator: indicator.name,
        years: years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0]),
        parts: parts.join('; '),
      })
    : t('dash.ind.noValues');
  // Styles follow the party's place in the choice, so a party has the same line in every chart.
  const styled = series.map((s) => ({ ...s, style: styleOf(s.key) }));
  return (
    <ChartCard
      id={`indicator-${indicator.code}`}
      level={3}
      className="yp-indicator"
      title={indicator.name}
      summary={summary}
      actions={
        <span className="yp-indicator__meta">
          {t('dash.ind.source', { source: indicator.source, code: indicator.code })}
          {indicator.unit ? ` · ${indicator.unit}` : ''}
        </span>
      }
      table={
        series.length ? (
          <FiguresTable
            caption={t('dash.ind.caption', { indicator: indicator.name })}
            captionNote={indicator.unit ? ` (${indicator.unit})` : ''}
            columns={[t('dash.ind.col.year'), ...series.map((s) => numeric(s.label))]}
          >
            {years.map((year) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                {series.map((s) => {
                  const y = s.points.find((p) => p.x === year)?.y;
                  return (
                    <td className="yp-num" key={s.key}>
                      {y != null ? dec(y, 2) : t('dash.ind.missing')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </FiguresTable>
        ) : undefined
      }
    >
      {(summaryId) =>
        series.length ? <LineChart series={styled.map((s) => ({ ...s, styleIndex: s.style }))} summaryId={summaryId} /> : null
      }
    </ChartCard>
  );
}

/** Indicator trends: small multiples for the chosen parties, with the party chooser. */
export function IndicatorTrends({
  parties,
  selected,
  onChange,
  canImport,
}: {
  parties: readonly Party[] | undefined;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  canImport: boolean;
}) {
  const { t, name } = useI18n();
  const [{ data, error }] = useQuery({ query: IndicatorsQuery, variables: { partyIds: [...selected] }, pause: !selected.length });
  const byId = new Map((parties ?? []).map((p) => [p.id, p]));
  const label = (id: string) => {
    const p = byId.get(id);
    return p ? name(p.names) : id;
  };
  const styleOf = (id: string) => Math.max(0, selected.indexOf(id));
  const choices = [...(parties ?? [])]
    .filter((p) => p.kind === 'MUNICIPALITY' || p.kind === 'REGIONAL_COUNCIL' || p.kind === 'WELLBEING_SERVICES_COUNTY')
    .sort(
      (a, b) =>
        Number(a.kind === 'MUNICIPALITY') - Number(b.kind === 'MUNICIPALITY') || placeNames.compare(name(a.names), name(b.names)),
    );
  const indicators = data?.indicators ?? [];
  const apiError = toApiError(error);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id].slice(0, MAX_TREND_PARTIES) : selected.filter((s) => s !== id));

  return (
    <ChartSection
      id="indicators"
      className="yp-card yp-dash__indicators"
      title={t('dash.ind.title')}
      actions={
        canImport && (
          <Link className="yp-link" to="/indicators/import" data-testid="indicator-import-link">
            {t('dash.ind.import')}
          </Link>
        )
      }
    >
      <p className="yp-chart__footnote">{t('dash.ind.intro')}</p>
      <div className="yp-indicators__controls">
        <ul
          className="yp-legend yp-legend--lines"
          aria-label={t('dash.ind.parties', { count: selected.length, max: MAX_TREND_PARTIES })}
        >
          {selected.map((id, i) => {
            const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
            return (
              <li key={id}>
                <svg width="34" height="14" aria-hidden="true">
                  <line
                    x1="1"
                    x2="33"
                    y1="7"
                    y2="7"
                    stroke={style.color}
                    strokeWidth="2.5"
                    strokeDasharray={style.dash || undefined}
                  />
                  <Marker shape={style.marker} x={17} y={7} color={style.color} />
                </svg>
                {label(id)}
              </li>
            );
          })}
        </ul>
        <details className="yp-party-picker">
          <summary>{t('dash.ind.parties', { count: selected.length, max: MAX_TREND_PARTIES })}</summary>
          <fieldset>
            <legend className="yp-visually-hidden">
              {t('dash.ind.parties', { count: selected.length, max: MAX_TREND_PARTIES })}
            </legend>
            <p className="yp-chart__footnote">{t('dash.ind.partiesHint', { max: MAX_TREND_PARTIES })}</p>
            <div className="yp-party-picker__grid">
              {choices.map((p) => {
                const checked = selected.includes(p.id);
                return (
                  <label key={p.id} className="yp-check">
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={!checked && selected.length >= MAX_TREND_PARTIES}
                      onChange={(e) => toggle(p.id, e.target.checked)}
                      data-party-code={p.code ?? ''}
                    />
                    {name(p.names)}
                  </label>
                );
              })}
            </div>
          </fieldset>
        </details>
      </div>
      {apiError && !data ? (
        <ErrorAlert error={apiError} />
      ) : !data && selected.length ? (
        <div className="yp-chart__skeleton" aria-hidden="true" />
      ) : !indicators.length ? (
        <p className="yp-muted">{t('dash.ind.none')}</p>
      ) : (
        <div className="yp-indicators__grid">
          {indicators.map((indicator) => (
            <IndicatorChart key={indicator.id} indicator={indicator} partyIds={selected} label={label} styleOf={styleOf} />
          ))}
        </div>
      )}
    </ChartSection>
  );
}
