import { useId, type ComponentProps } from 'react';
import type { DashboardRatificationsQuery } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { BarChart, labelledSegment, type BarRow, type BarSeries } from './BarChart';
import { ChartCard, FiguresTable, Legend, loadingProps, type Loadable } from './ChartCard';
import { linearScale, ratificationTotals, shareTicks, stack } from './chartLogic';
import { numeric, NumCells, RowHeadLink } from '../../components/DataTable';
import { useFormat } from '../../i18n/useFormat';
import { useElementWidth } from './useElementWidth';
import { RATIFICATION_COLORS } from './palette';

const FONT = 15;
/** The average width of a character of Source Sans 3 at 15 px (as BarChart reckons it), where text cannot be measured. */
const CHAR = 7.4;
const LINE = 20;
const BAR = 20;
const VALUE = 56;
const AXIS = 40;

/** A canvas to measure label text in the chart's font (none outside a browser). */
let measureContext: CanvasRenderingContext2D | null | undefined;

/** The width of `text` at 15 px in the page's font; an estimate where the browser cannot say. */
function textWidth(text: string, font: string): number {
  if (measureContext === undefined)
    measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * CHAR;
  measureContext.font = `${FONT}px ${font}`;
  return measureContext.measureText(text).width;
}

/** A label in lines of at most `width`, broken between words (a word longer than a line stands on a line of its own). */
export function wrapLabel(label: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The ratification bars. Where every agreement's name fits beside its bar (BarChart gives the names 40 % of the
 * width), they are BarChart's; where one would not (a phone, a long name), each name stands whole above its bar,
 * in as many lines as it needs, and the bar takes the full width: no name is cut short.
 */
function RatificationBars(props: Omit<ComponentProps<typeof BarChart>, 'normalize'>) {
  const { rows, series, summaryId, axisLabel, segmentTitle, testId } = props;
  const { pct } = useFormat();
  const hatchId = `yp-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const font =
    (typeof document !== 'undefined' && getComputedStyle(document.documentElement).getPropertyValue('--yp-font').trim()) ||
    'sans-serif';
  const measure = (text: string) => textWidth(text, font);
  // BarChart's room for a name: its label column, in characters of the average width.
  const labelWidth = Math.round(Math.min(320, Math.max(110, width * 0.4)));
  const fits = rows.every((row) => row.label.length <= Math.max(4, Math.floor(labelWidth / CHAR)));
  // One measured element whichever way the bars are drawn (useElementWidth follows the element it first got).
  if (fits)
    return (
      <div ref={ref} className="yp-barchart">
        <BarChart {...props} normalize />
      </div>
    );
  const order = series.map((s) => s.key);
  const byKey = new Map(series.map((s) => [s.key, s]));
  const right = Math.max(40, width - VALUE);
  const x = linearScale([0, 1], [0, right]);
  const ticks = shareTicks(right);
  let top = 0;
  const laid = rows.map((row) => {
    const lines = wrapLabel(row.label, width, measure);
    const at = top;
    top += lines.length * LINE + 4 + BAR + 12;
    return { row, lines, top: at, barY: at + lines.length * LINE + 4 };
  });
  const axisY = top;
  return (
    <div ref={ref} className="yp-barchart yp-ratif-bars">
      <svg width={width} height={axisY + AXIS} role="img" aria-labelledby={summaryId} data-testid={testId} className="yp-svg">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={axisY} className="yp-svg__grid" />
            <text x={x(tick)} y={axisY + 18} textAnchor={tick === 0 ? 'start' : 'middle'} className="yp-svg__tick">
              {pct(tick)}
            </text>
          </g>
        ))}
        <text x={right} y={axisY + 36} textAnchor="end" className="yp-svg__axis-label">
          {axisLabel}
        </text>
        {laid.map(({ row, lines, top: rowTop, barY }) => {
          const total = Object.values(row.values).reduce((a, b) => a + b, 0);
          const unit = total > 0 ? 1 / total : 0;
          return (
            <g key={row.key} data-row={row.key}>
              <title>{row.title ?? row.label}</title>
              {/* The name on white: the grid lines run through the bars, not through the words. */}
              <rect x={0} y={rowTop} width={width} height={barY - rowTop - 2} fill="#fff" />
              <text y={rowTop} className="yp-svg__label yp-ratif-bars__label" fontSize={FONT}>
                {lines.map((line, i) => (
                  <tspan key={i} x={0} dy={i === 0 ? 15 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              {stack(row.values, order).map((s) => {
                const ser = byKey.get(s.series);
                const x0 = x(s.start * unit);
                return (
                  <rect
                    key={s.series}
                    x={x0}
                    y={barY}
                    width={Math.max(0, x(s.end * unit) - x0)}
                    height={BAR}
                    fill={ser?.hatched ? `url(#${hatchId})` : (ser?.color ?? '#6F6F6F')}
                    stroke={ser?.hatched ? ser.color : '#fff'}
                    strokeWidth={1.5}
                    data-series={s.series}
                  >
                    {segmentTitle && ser && <title>{segmentTitle(row, ser, s.value)}</title>}
                  </rect>
                );
              })}
              <text x={x(total > 0 ? 1 : 0) + 6} y={barY + BAR / 2} dy="0.35em" className="yp-svg__value">
                {row.valueText}
              </text>
            </g>
          );
        })}
        <defs>
          <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#6F6F6F" strokeWidth="1.5" />
          </pattern>
        </defs>
      </svg>
    </div>
  );
}

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
  // As BarChartCard, with the bars of RatificationBars (the names whole on a phone).
  return (
    <ChartCard
      id="ratifications"
      className="yp-dash__ratif"
      title={t('dash.ratif.title')}
      summary={summary}
      {...loadingProps(state)}
      note={<Legend items={series} />}
      table={
        <FiguresTable
          caption={t('dash.ratif.caption')}
          columns={[
            t('dash.ratif.col.agreement'),
            ...[...series.map((s) => s.label), t('dash.total'), t('dash.ratif.col.share'), t('dash.ratif.col.population')].map(
              numeric,
            ),
          ]}
          testId="ratifications-table"
        >
          {figureRows}
        </FiguresTable>
      }
    >
      {(summaryId) =>
        bars.length ? (
          <RatificationBars
            rows={bars}
            series={series}
            summaryId={summaryId}
            axisLabel={t('dash.ratif.col.share')}
            segmentTitle={labelledSegment}
            testId="ratifications-svg"
          />
        ) : (
          <p className="yp-muted">{t('dash.noData')}</p>
        )
      }
    </ChartCard>
  );
}
