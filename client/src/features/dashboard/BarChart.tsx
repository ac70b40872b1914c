import { useEffect, useId, useState } from 'react';
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
const CHAR = 7.4; // the average width of a character of Source Sans 3 at 15px, where text cannot be measured
const ROW = 32;
const BAR = 20;
const AXIS = 40;
/** A stacked row: the lines of its name, the gap under them, the bar and the gap to the next row. */
const LINE = 20;
const UNDER_NAME = 4;
const AFTER_BAR = 12;
/** Room kept beside a measured name, for a font that draws a little wider than it measured. */
const SLACK = 6;

/** A canvas to measure label text in the chart's font (none outside a browser). */
let measureContext: CanvasRenderingContext2D | null | undefined;

/** The width of `text` at 15 px in `font`; an estimate where the browser cannot say. */
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

/** Draws again once the page's web fonts have come, so that names are measured in the font they are drawn in. */
function useFontsLoaded(): boolean {
  const [loaded, setLoaded] = useState(() => typeof document === 'undefined' || document.fonts?.status === 'loaded');
  useEffect(() => {
    if (loaded || typeof document === 'undefined' || !document.fonts) return;
    let live = true;
    void document.fonts.ready.then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}

/**
 * Horizontal stacked bars in SVG, drawn to the width they get. The SVG is one
 * image whose text alternative is the card's summary (aria-labelledby); the
 * numbers are in the card's table.
 *
 * Every category's name is written whole: beside its bar (in a column of 40 % of the width) where every name fits
 * there, otherwise above its bar, wrapped between words, with the bar taking the full width (a phone, a long name).
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
  useFontsLoaded();
  const font =
    (typeof document !== 'undefined' && getComputedStyle(document.documentElement).getPropertyValue('--yp-font').trim()) ||
    'sans-serif';
  const measure = (text: string) => textWidth(text, font);
  const order = series.map((s) => s.key);
  const byKey = new Map(series.map((s) => [s.key, s]));
  const totals = rows.map((r) => Object.values(r.values).reduce((a, b) => a + b, 0));
  const labelWidth = Math.round(Math.min(320, Math.max(110, width * 0.4)));
  const beside = rows.every((row) => measure(row.label) + SLACK <= labelWidth);
  const valueWidth = 56;
  const left = beside ? labelWidth + 12 : 0;
  const right = Math.max(left + 40, width - valueWidth);
  const scaleMax = normalize ? 1 : Math.max(0, ...totals);
  // Whole numbers only, and no more ticks than their labels have room for (a phone gets two or three).
  const widest = number(niceTicks(scaleMax, { integer: true }).max).length * CHAR;
  const axis = normalize
    ? { min: 0, max: 1, ticks: shareTicks(right - left) }
    : niceTicks(scaleMax, { integer: true, count: tickRoom(right - left, Math.max(24, widest)) });
  const x = linearScale([0, axis.max], [left, right]);
  // Each row's name (in lines when above the bar), where the row starts and where its bar stands.
  let top = 0;
  const laid = rows.map((row) => {
    const lines = beside ? [row.label] : wrapLabel(row.label, width, measure);
    const at = top;
    const barY = beside ? at + (ROW - BAR) / 2 : at + lines.length * LINE + UNDER_NAME;
    top = beside ? at + ROW : barY + BAR + AFTER_BAR;
    return { row, lines, top: at, barY };
  });
  const axisY = beside ? top + 4 : top;
  const height = axisY + AXIS - (beside ? 4 : 0);

  return (
    <div ref={ref} className={`yp-barchart${beside ? '' : ' yp-barchart--stacked'}`}>
      <svg width={width} height={height} role="img" aria-labelledby={summaryId} data-testid={testId} className="yp-svg">
        {/* Grid lines and the axis. */}
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={axisY} className="yp-svg__grid" />
            <text x={x(tick)} y={axisY + 18} textAnchor={!beside && tick === 0 ? 'start' : 'middle'} className="yp-svg__tick">
              {normalize ? pct(tick) : number(tick)}
            </text>
          </g>
        ))}
        <text x={right} y={axisY + 36} textAnchor="end" className="yp-svg__axis-label">
          {axisLabel}
        </text>
        {laid.map(({ row, lines, top: rowTop, barY }, i) => {
          const total = totals[i] ?? 0;
          const unit = normalize ? (total > 0 ? 1 / total : 0) : 1;
          const segments = stack(row.values, order);
          const end = x(normalize ? (total > 0 ? 1 : 0) : total);
          return (
            <g key={row.key} data-row={row.key}>
              <title>{row.title ?? `${row.label}: ${number(total)}`}</title>
              {beside ? (
                <text x={labelWidth} y={barY + BAR / 2} dy="0.35em" textAnchor="end" className="yp-svg__label" fontSize={FONT}>
                  {row.label}
                </text>
              ) : (
                <>
                  {/* The name on white: the grid lines run through the bars, not through the words. */}
                  <rect x={0} y={rowTop} width={width} height={barY - rowTop - 2} fill="#fff" />
                  <text y={rowTop} className="yp-svg__label" fontSize={FONT}>
                    {lines.map((line, n) => (
                      <tspan key={n} x={0} dy={n === 0 ? 15 : LINE}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                </>
              )}
              {segments.map((s) => {
                const ser = byKey.get(s.series);
                const x0 = x(s.start * unit);
                const w = Math.max(0, x(s.end * unit) - x0);
                return (
                  <rect
                    key={s.series}
                    x={x0}
                    y={barY}
                    width={w}
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
              <text x={end + 6} y={barY + BAR / 2} dy="0.35em" className="yp-svg__value">
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
