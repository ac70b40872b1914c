import { useI18n } from '../../i18n/useI18n';
import { linearScale, linePath, niceStep, paddedDomain } from './chartLogic';
import { useFormat } from '../../i18n/useFormat';
import { SERIES_STYLES, type MarkerShape } from './palette';
import { useElementWidth } from './useElementWidth';

/** One line: a party's values by year. */
export interface LineSeries {
  readonly key: string;
  readonly label: string;
  readonly points: readonly { x: number; y: number | null }[];
  /** Which line style (colour, dash, marker) to draw with; the series' index when not given. */
  readonly styleIndex?: number;
}

/** A marker shape at (x, y), so lines are told apart without colour. */
export function Marker({
  shape,
  x,
  y,
  color,
  size = 4,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  color: string;
  size?: number;
}) {
  switch (shape) {
    case 'square':
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill={color} />;
    case 'triangle':
      return <path d={`M${x},${y - size - 1}L${x + size + 1},${y + size}L${x - size - 1},${y + size}Z`} fill={color} />;
    case 'diamond':
      return <path d={`M${x},${y - size - 1}L${x + size + 1},${y}L${x},${y + size + 1}L${x - size - 1},${y}Z`} fill={color} />;
    default:
      return <circle cx={x} cy={y} r={size} fill={color} />;
  }
}

/** A small line chart of years (x) and values (y), one line per series (at most four styles). */
export function LineChart({
  series,
  summaryId,
  height = 190,
}: {
  series: readonly LineSeries[];
  summaryId: string;
  height?: number;
}) {
  const { number } = useI18n();
  const { dec } = useFormat();
  const [ref, width] = useElementWidth<HTMLDivElement>(320);
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const [lo, hi] = paddedDomain(ys);
  const step = niceStep(hi - lo, 3);
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) ticks.push(Number(v.toFixed(6)));
  const left = 48;
  const right = width - 14;
  const top = 10;
  const bottom = height - 26;
  const sx = linearScale([x0, x1], [left + 8, right - 8]);
  const sy = linearScale([lo, hi], [bottom, top]);
  const years = [...new Set(xs)].sort((a, b) => a - b);
  const yearStep = Math.max(1, Math.ceil(years.length / Math.max(2, Math.floor((right - left) / 48))));
  const digits = step < 1 ? 1 : 0;
  return (
    <div ref={ref} className="yp-linechart">
      <svg width={width} height={height} role="img" aria-labelledby={summaryId} className="yp-svg">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={right} y1={sy(tick)} y2={sy(tick)} className="yp-svg__grid" />
            <text x={left - 6} y={sy(tick)} dy="0.35em" textAnchor="end" className="yp-svg__tick">
              {dec(tick, digits)}
            </text>
          </g>
        ))}
        <line x1={left} x2={right} y1={bottom} y2={bottom} className="yp-svg__baseline" />
        {years
          .filter((_, i) => i % yearStep === 0 || i === years.length - 1)
          .map((year) => (
            <text key={year} x={sx(year)} y={bottom + 18} textAnchor="middle" className="yp-svg__tick">
              {year}
            </text>
          ))}
        {series.map((s, i) => {
          const style = SERIES_STYLES[(s.styleIndex ?? i) % SERIES_STYLES.length]!;
          return (
            <g key={s.key} data-series={s.key}>
              <path
                d={linePath(s.points, sx, sy)}
                fill="none"
                stroke={style.color}
                strokeWidth={2.5}
                strokeDasharray={style.dash || undefined}
                strokeLinejoin="round"
              />
              {s.points.map((p) =>
                p.y === null ? null : (
                  <g key={p.x}>
                    <Marker shape={style.marker} x={sx(p.x)} y={sy(p.y)} color={style.color} />
                    <title>{`${s.label} ${p.x}: ${digits ? dec(p.y, 2) : number(p.y)}`}</title>
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** A sparkline of one series with the baseline and the target as reference marks. */
export function Sparkline({
  points,
  baseline,
  target,
  label,
  width = 140,
  height = 40,
}: {
  points: readonly { x: number; y: number }[];
  baseline?: { x: number; y: number } | null;
  target?: { x: number; y: number } | null;
  label: string;
  width?: number;
  height?: number;
}) {
  const xs = [...points.map((p) => p.x), ...(baseline ? [baseline.x] : []), ...(target ? [target.x] : [])];
  const ys = [...points.map((p) => p.y), ...(baseline ? [baseline.y] : []), ...(target ? [target.y] : [])];
  if (!xs.length) return null;
  const [lo, hi] = paddedDomain(ys);
  const sx = linearScale([Math.min(...xs), Math.max(...xs)], [5, width - 5]);
  const sy = linearScale([lo, hi], [height - 5, 5]);
  const last = [...points].sort((a, b) => a.x - b.x).at(-1);
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="yp-sparkline">
      {target && (
        <>
          <line
            x1={5}
            x2={width - 5}
            y1={sy(target.y)}
            y2={sy(target.y)}
            stroke="#117733"
            strokeDasharray="3 3"
            strokeWidth={1.5}
          />
          <path
            d={`M${sx(target.x)},${sy(target.y) - 5}L${sx(target.x) + 5},${sy(target.y)}L${sx(target.x)},${sy(target.y) + 5}L${sx(target.x) - 5},${sy(target.y)}Z`}
            fill="#117733"
          />
        </>
      )}
      {baseline && <circle cx={sx(baseline.x)} cy={sy(baseline.y)} r={3.5} fill="#fff" stroke="#6F6F6F" strokeWidth={1.5} />}
      <path d={linePath(points, sx, sy)} fill="none" stroke="#0072B2" strokeWidth={2} />
      {last && <circle cx={sx(last.x)} cy={sy(last.y)} r={3.5} fill="#0072B2" />}
    </svg>
  );
}
