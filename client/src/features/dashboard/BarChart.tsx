import { useId } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { linearScale, niceTicks, shareTicks, stack, tickRoom } from './chartLogic';
import { useFormat } from '../../i18n/useFormat';
import { useElementWidth } from './useElementWidth';

/** One bar: a category with its values per series. */
export interface BarRow {
  readonly key: string;
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
  /** Shown at the end of the bar; the sum of the values when not given. */
  readonly valueText?: string;
  /** The bar's hover text. */
  readonly title?: string;
}

/** A series of the chart (a status, an outcome) in stacking order. */
export interface BarSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  /** Drawn as a hatched outline (e.g. "pending"), not a fill. */
  readonly hatched?: boolean;
}

const FONT = 15;
const CHAR = 7.4; // the average width of a character of Source Sans 3 at 15px
const ROW = 32;
const BAR = 20;
const AXIS = 40;

/** Cuts a label to fit a width, with an ellipsis; the full label stays in the hover title and the table. */
function fit(label: string, width: number): string {
  const max = Math.max(4, Math.floor(width / CHAR));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Horizontal stacked bars in SVG, drawn to the width they get. The SVG is one
 * image whose text alternative is the card's summary (aria-labelledby); the
 * numbers are in the card's table.
 */
export function BarChart({
  rows,
  series,
  summaryId,
  axisLabel,
  normalize = false,
  segmentTitle,
  testId,
}: {
  rows: readonly BarRow[];
  series: readonly BarSeries[];
  summaryId: string;
  axisLabel: string;
  /** Each bar as shares of its own total (0–100 %). */
  normalize?: boolean;
  segmentTitle?: (row: BarRow, series: BarSeries, value: number) => string;
  testId?: string;
}) {
  const { number } = useI18n();
  const { pct } = useFormat();
  const hatchId = `yp-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const order = series.map((s) => s.key);
  const byKey = new Map(series.map((s) => [s.key, s]));
  const totals = rows.map((r) => Object.values(r.values).reduce((a, b) => a + b, 0));
  const labelWidth = Math.round(Math.min(320, Math.max(110, width * 0.4)));
  const valueWidth = 56;
  const left = labelWidth + 12;
  const right = Math.max(left + 40, width - valueWidth);
  const scaleMax = normalize ? 1 : Math.max(0, ...totals);
  // Whole numbers only, and no more ticks than their labels have room for (a phone gets two or three).
  const widest = number(niceTicks(scaleMax, { integer: true }).max).length * CHAR;
  const axis = normalize
    ? { min: 0, max: 1, ticks: shareTicks(right - left) }
    : niceTicks(scaleMax, { integer: true, count: tickRoom(right - left, Math.max(24, widest)) });
  const x = linearScale([0, axis.max], [left, right]);
  const height = rows.length * ROW + AXIS;
  const axisY = rows.length * ROW + 4;

  return (
    <div ref={ref} className="yp-barchart">
      <svg width={width} height={height} role="img" aria-labelledby={summaryId} data-testid={testId} className="yp-svg">
        {/* Grid lines and the axis. */}
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={axisY} className="yp-svg__grid" />
            <text x={x(tick)} y={axisY + 18} textAnchor="middle" className="yp-svg__tick">
              {normalize ? pct(tick) : number(tick)}
            </text>
          </g>
        ))}
        <text x={right} y={axisY + 36} textAnchor="end" className="yp-svg__axis-label">
          {axisLabel}
        </text>
        {rows.map((row, i) => {
          const total = totals[i] ?? 0;
          const y = i * ROW + (ROW - BAR) / 2;
          const unit = normalize ? (total > 0 ? 1 / total : 0) : 1;
          const segments = stack(row.values, order);
          const end = x(normalize ? (total > 0 ? 1 : 0) : total);
          return (
            <g key={row.key} data-row={row.key}>
              <title>{row.title ?? `${row.label}: ${number(total)}`}</title>
              <text x={labelWidth} y={y + BAR / 2} dy="0.35em" textAnchor="end" className="yp-svg__label" fontSize={FONT}>
                {fit(row.label, labelWidth)}
              </text>
              {segments.map((s) => {
                const ser = byKey.get(s.series);
                const x0 = x(s.start * unit);
                const w = Math.max(0, x(s.end * unit) - x0);
                return (
                  <rect
                    key={s.series}
                    x={x0}
                    y={y}
                    width={w}
                    height={BAR}
                    fill={ser?.hatched ? `url(#${hatchId})` : (ser?.color ?? '#6F6F6F')}
                    stroke={ser?.hatched ? ser.color : '#fff'}
                    strokeWidth={ser?.hatched ? 1.5 : 1.5}
                    data-series={s.series}
                  >
                    {segmentTitle && ser && <title>{segmentTitle(row, ser, s.value)}</title>}
                  </rect>
                );
              })}
              <text x={end + 6} y={y + BAR / 2} dy="0.35em" className="yp-svg__value">
                {row.valueText ?? number(total)}
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

/** A segment's hover text that names the bar, the series and the value. */
export const labelledSegment = (row: BarRow, series: BarSeries, value: number) => `${row.label}, ${series.label}: ${value}`;
