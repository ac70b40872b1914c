/**
 * Pure chart logic of the dashboard: scales, ticks, stacking, the municipality
 * tile map and colour classes. No React, no DOM, so it is unit tested.
 */

/** A linear scale from a domain onto a range (both may be reversed, e.g. SVG's y axis). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** The step of "nice" ticks: 1, 2 or 5 times a power of ten, about `count` steps over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks from 0 (or `min`) up to a nice maximum that covers `max`. Counts
 * (`integer`) never get fractional ticks. An empty range still gets an axis 0–1.
 */
export function niceTicks(
  max: number,
  options: { count?: number; min?: number; integer?: boolean } = {},
): { max: number; min: number; ticks: number[] } {
  const count = options.count ?? 4;
  const min = options.min ?? 0;
  const top = max > min ? max : min + 1;
  let step = niceStep(top - min, count);
  if (options.integer) step = Math.max(1, Math.round(step));
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's decimals, so 0.1 + 0.2 shows as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  return { min: lo, max: hi, ticks };
}

/** Ticks of a 0–100 % axis: quarters, halves or just the ends, whichever leave `minSpacing` pixels between labels. */
export function shareTicks(plotWidth: number, minSpacing = 56): number[] {
  const options = [
    [0, 0.25, 0.5, 0.75, 1],
    [0, 0.5, 1],
  ];
  return options.find((ticks) => plotWidth / (ticks.length - 1) >= minSpacing) ?? [0, 1];
}

/**
 * How many intervals an axis of `plotWidth` pixels has room for when each tick label is about
 * `labelWidth` wide: labels never touch (at least 24 px between them), and there is always one.
 */
export function tickRoom(plotWidth: number, labelWidth: number): number {
  return Math.max(1, Math.floor(plotWidth / (labelWidth + 24)));
}

/** One dimension value of a statistics row, as the API gives it. */
export interface Key {
  readonly dimension: string;
  readonly value: string;
  readonly label: string;
}

/** A statistics row: keys in `groupBy` order and a count. */
export interface StatRow {
  readonly keys: readonly Key[];
  readonly count: number;
  readonly estimatedResidents?: number | null;
}

/** A category of a stacked bar chart (a theme) with its count per series (status). */
export interface Category {
  readonly value: string;
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
  readonly total: number;
}

/**
 * Turns rows grouped by two dimensions into categories (first key) with a count
 * per series (second key), largest total first, then by label. `UNSET` (a need
 * without a theme) goes last.
 */
export function pivot(
  rows: readonly StatRow[],
  compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): Category[] {
  const byValue = new Map<string, { label: string; values: Record<string, number>; total: number }>();
  for (const row of rows) {
    const [category, series] = row.keys;
    if (!category || !series) continue;
    const entry = byValue.get(category.value) ?? { label: category.label, values: {}, total: 0 };
    entry.values[series.value] = (entry.values[series.value] ?? 0) + row.count;
    entry.total += row.count;
    byValue.set(category.value, entry);
  }
  return [...byValue.entries()]
    .map(([value, e]) => ({ value, label: e.label, values: e.values, total: e.total }))
    .sort((a, b) => Number(a.value === 'UNSET') - Number(b.value === 'UNSET') || b.total - a.total || compare(a.label, b.label));
}

/** One segment of a stacked bar: where it starts and ends, in data units. */
export interface Segment {
  readonly series: string;
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/** Stacks a category's values in series order, leaving out zeros. */
export function stack(values: Readonly<Record<string, number>>, seriesOrder: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const order = [...seriesOrder, ...Object.keys(values).filter((s) => !seriesOrder.includes(s))];
  for (const series of order) {
    const value = values[series] ?? 0;
    if (value <= 0) continue;
    segments.push({ series, value, start: at, end: at + value });
    at += value;
  }
  return segments;
}

/** Totals per series over every category (the table's footer). */
export function seriesTotals(categories: readonly Category[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const c of categories) for (const [s, n] of Object.entries(c.values)) totals[s] = (totals[s] ?? 0) + n;
  return totals;
}

/**
 * The 22 municipalities of Central Finland on a tile grid laid out roughly as
 * on the map (column west→east, row north→south), keyed by official code.
 */
export const MUNICIPALITY_TILES: Readonly<Record<string, { col: number; row: number }>> = {
  '256': { col: 1, row: 0 }, // Kinnula
  '601': { col: 2, row: 0 }, // Pihtipudas
  '312': { col: 0, row: 1 }, // Kyyjärvi
  '265': { col: 1, row: 1 }, // Kivijärvi
  '216': { col: 2, row: 1 }, // Kannonkoski
  '931': { col: 3, row: 1 }, // Viitasaari
  '226': { col: 0, row: 2 }, // Karstula
  '729': { col: 1, row: 2 }, // Saarijärvi
  '892': { col: 2, row: 2 }, // Uurainen
  '992': { col: 3, row: 2 }, // Äänekoski
  '275': { col: 4, row: 2 }, // Konnevesi
  '495': { col: 0, row: 3 }, // Multia
  '592': { col: 1, row: 3 }, // Petäjävesi
  '179': { col: 2, row: 3 }, // Jyväskylä
  '410': { col: 3, row: 3 }, // Laukaa
  '077': { col: 4, row: 3 }, // Hankasalmi
  '249': { col: 0, row: 4 }, // Keuruu
  '500': { col: 2, row: 4 }, // Muurame
  '850': { col: 3, row: 4 }, // Toivakka
  '182': { col: 1, row: 5 }, // Jämsä
  '435': { col: 2, row: 5 }, // Luhanka
  '172': { col: 3, row: 5 }, // Joutsa
};

/** A municipality as the tile map needs it. */
export interface TileInput {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
}

/** A placed tile. */
export interface Tile extends TileInput {
  readonly col: number;
  readonly row: number;
  readonly count: number;
  /** 0 for none, 1..classes by count. */
  readonly level: number;
}

/**
 * Places municipalities on the grid: known codes where the map has them,
 * any other municipality (a merger, another region) in extra rows below,
 * in the order given. Counts come by party id.
 */
export function layoutTiles(
  municipalities: readonly TileInput[],
  counts: ReadonlyMap<string, number>,
  classes = 5,
): { tiles: Tile[]; cols: number; rows: number; breaks: number[] } {
  const max = Math.max(0, ...municipalities.map((m) => counts.get(m.id) ?? 0));
  const breaks = classBreaks(max, classes);
  const cols = Math.max(5, ...Object.values(MUNICIPALITY_TILES).map((p) => p.col + 1));
  let rows = Math.max(...Object.values(MUNICIPALITY_TILES).map((p) => p.row + 1));
  const taken = new Set<string>();
  const tiles: Tile[] = [];
  const extra: TileInput[] = [];
  for (const m of municipalities) {
    const place = m.code ? MUNICIPALITY_TILES[m.code] : undefined;
    if (!place || taken.has(`${place.col},${place.row}`)) {
      extra.push(m);
      continue;
    }
    taken.add(`${place.col},${place.row}`);
    const count = counts.get(m.id) ?? 0;
    tiles.push({ ...m, ...place, count, level: levelOf(count, breaks) });
  }
  extra.forEach((m, i) => {
    const count = counts.get(m.id) ?? 0;
    tiles.push({ ...m, col: i % cols, row: rows + Math.floor(i / cols), count, level: levelOf(count, breaks) });
  });
  if (extra.length) rows += Math.ceil(extra.length / cols);
  return { tiles, cols, rows, breaks };
}

/**
 * Upper bounds of the colour classes for counts 1..max: integer, increasing,
 * at most `classes` of them (fewer when max is small: 1, 2, 3 get a class each).
 */
export function classBreaks(max: number, classes = 5): number[] {
  if (max <= 0) return [];
  if (max <= classes) return Array.from({ length: max }, (_, i) => i + 1);
  const breaks: number[] = [];
  for (let i = 1; i <= classes; i++) {
    const b = Math.ceil((max * i) / classes);
    if (breaks.at(-1) !== b) breaks.push(b);
  }
  return breaks;
}

/** The colour class of a count: 0 for none, else the first break it does not exceed (1-based). */
export function levelOf(count: number, breaks: readonly number[]): number {
  if (count <= 0) return 0;
  const i = breaks.findIndex((b) => count <= b);
  return i === -1 ? breaks.length : i + 1;
}

/** The legend of the classes: [from, to] counts per level (1-based, in order). */
export function classRanges(breaks: readonly number[]): [number, number][] {
  return breaks.map((b, i) => [i === 0 ? 1 : breaks[i - 1]! + 1, b]);
}

/** A point of a line chart. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * An SVG path through the points, in order of x; a missing value (null y)
 * breaks the line rather than drawing through it.
 */
export function linePath(
  points: readonly { x: number; y: number | null }[],
  sx: (x: number) => number,
  sy: (y: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const p of [...points].sort((a, b) => a.x - b.x)) {
    if (p.y === null || !Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(sx(p.x))},${round(sy(p.y))}`;
    pen = true;
  }
  return d;
}

/** The counts of one agreement's ratification: the parties that approved (with changes or not), of them with changes, rejected, and all of them. */
export interface RatificationCounts {
  readonly approved: number;
  readonly approvedWithChanges: number;
  readonly rejected: number;
  readonly total: number;
}

/** Of all the agreements' ratifications, how many parties have decided (approved, with changes or rejected), of how many. */
export function ratificationTotals(rows: readonly { readonly progress: RatificationCounts }[]): { done: number; total: number } {
  return rows.reduce((acc, { progress: p }) => ({ done: acc.done + p.approved + p.rejected, total: acc.total + p.total }), {
    done: 0,
    total: 0,
  });
}

/** An indicator's value as the API gives it: one party, one year, one gender (none or TOTAL: all genders). */
export interface IndicatorValue {
  readonly party: { readonly id: string };
  readonly year: number;
  readonly gender?: string | null;
  readonly value?: number | null;
}

/** One party's series of an indicator, all genders together, by year; a year without a value has a null y. */
export function partySeries(values: readonly IndicatorValue[], partyId: string): { x: number; y: number | null }[] {
  return values
    .filter((v) => v.party.id === partyId && (v.gender === 'TOTAL' || !v.gender))
    .map((v) => ({ x: v.year, y: v.value ?? null }))
    .sort((a, b) => a.x - b.x);
}

/** The points of a series that have a value. */
export const valuedPoints = (points: readonly { x: number; y: number | null }[]): Point[] =>
  points.filter((p): p is Point => p.y !== null);

/** Minimum and maximum of some numbers (nulls ignored); undefined when there are none. */
export function extent(values: readonly (number | null | undefined)[]): [number, number] | undefined {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!finite.length) return undefined;
  return [Math.min(...finite), Math.max(...finite)];
}

/** A y domain for a trend with a little air, not forced to zero (indicator values rarely start there). */
export function paddedDomain(values: readonly (number | null | undefined)[]): [number, number] {
  const e = extent(values);
  if (!e) return [0, 1];
  const [lo, hi] = e;
  const pad = hi === lo ? Math.max(1, Math.abs(hi) * 0.1) : (hi - lo) * 0.1;
  return [lo - pad < 0 && lo >= 0 ? 0 : lo - pad, hi + pad];
}

/** Residents as shown: suppressed (null: under 5 or unknown) is never a number. */
export type Residents = { kind: 'suppressed' } | { kind: 'value'; value: number };

/** The API's `estimatedResidents` (null when under 5) as something to show. */
export function residents(value: number | null | undefined): Residents {
  return typeof value === 'number' && value >= 5 ? { kind: 'value', value } : { kind: 'suppressed' };
}

/** A share 0..1 as a whole percent (rounded down from 99.5 so "100 %" means all). */
export function percent(share: number | null | undefined): number | null {
  if (share === null || share === undefined || !Number.isFinite(share)) return null;
  const p = Math.round(share * 100);
  return p === 100 && share < 1 ? 99 : p;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Spreads `levels` colour classes over a palette of `paletteSize` non-zero shades, so few classes still span light to dark. */
export function shadeOf(level: number, levels: number, paletteSize = 5): number {
  if (level <= 0) return 0;
  if (levels <= 1) return paletteSize;
  return 1 + Math.round(((level - 1) * (paletteSize - 1)) / (levels - 1));
}

/** A theme's name in the UI language by its code (the API's labels follow the browser's Accept-Language). */
export type ThemeName = (code: string, fallback: string) => string;

/** The rows with theme labels in the UI language. */
export function relabel<R extends { keys: readonly { dimension: string; value: string; label: string }[] }>(
  rows: readonly R[],
  themeName: ThemeName,
): R[] {
  return rows.map((r) => ({
    ...r,
    keys: r.keys.map((k) => (k.dimension === 'THEME' ? { ...k, label: themeName(k.value, k.label) } : k)),
  }));
}
