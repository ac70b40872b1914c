/**
 * How far a goal has come (ADR 0016). Pure functions: the service and the
 * report feed them an indicator's values and the linked actions' statuses.
 */

/** NO_DATA: nothing to measure yet; IN_PROGRESS; REACHED: at or past the target. */
export type ProgressStatus = 'NO_DATA' | 'IN_PROGRESS' | 'REACHED';

/** A measure's baseline and target. */
export interface MeasureTarget {
  baselineYear: number;
  /** As set; null means the imported value of the baseline year. */
  baselineValue: number | null;
  targetYear: number;
  targetValue: number;
}

/** One imported value of the measure's indicator for the measure's party. */
export interface ValuePoint {
  year: number;
  value: number | null;
}

/** A value that is there. */
export interface MeasuredPoint {
  year: number;
  value: number;
}

/** A measure's progress: `share` 0–1 from baseline to target, null without data. */
export interface MeasureProgress {
  /** The baseline used (as set, else imported for the baseline year). */
  baseline: number | null;
  /** The value measured: the newest from the baseline year on (up to `asOfYear`). */
  current: MeasuredPoint | null;
  share: number | null;
  status: ProgressStatus;
}

/** A goal's progress over its measures and linked actions. */
export interface GoalProgress {
  share: number | null;
  status: ProgressStatus;
  measures: number;
  measuresWithData: number;
  measuresReached: number;
  /** Linked actions that count (not cancelled). */
  actions: number;
  actionsDone: number;
}

// Indicator values are decimals stored as doubles; equal within this relative margin counts as equal.
const EPSILON = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The share of the way from baseline to target that the newest value has come,
 * clamped to 0–1 (a value beyond the target is REACHED; one on the wrong side
 * of the baseline is 0). The direction comes from the target: below the
 * baseline means "lower is better". A target equal to its baseline means
 * "hold the level": REACHED while the value equals it, else 0.
 * Values before the baseline year do not count; without a value or a
 * baseline the measure has NO_DATA.
 */
export function measureProgress(target: MeasureTarget, values: readonly ValuePoint[], asOfYear?: number | null): MeasureProgress {
  const counted = values.filter(
    (v): v is { year: number; value: number } =>
      v.value != null && Number.isFinite(v.value) && v.year >= target.baselineYear && (asOfYear == null || v.year <= asOfYear),
  );
  const current = counted.reduce<{ year: number; value: number } | null>(
    (best, v) => (best == null || v.year > best.year ? v : best),
    null,
  );
  const baseline = target.baselineValue ?? values.find((v) => v.year === target.baselineYear && v.value != null)?.value ?? null;
  if (current == null || baseline == null) return { baseline, current, share: null, status: 'NO_DATA' };
  const span = target.targetValue - baseline;
  if (same(span, 0)) {
    const held = same(current.value, target.targetValue);
    return { baseline, current, share: held ? 1 : 0, status: held ? 'REACHED' : 'IN_PROGRESS' };
  }
  const raw = (current.value - baseline) / span;
  const reached = raw >= 1 || same(current.value, target.targetValue);
  return { baseline, current, share: reached ? 1 : clamp01(raw), status: reached ? 'REACHED' : 'IN_PROGRESS' };
}

/**
 * Where a measure should be by `year` if it moved evenly from the baseline
 * year to the target year (0–1); for the follow-up report.
 */
export function expectedShare(target: Pick<MeasureTarget, 'baselineYear' | 'targetYear'>, year: number): number {
  if (target.targetYear <= target.baselineYear) return year >= target.targetYear ? 1 : 0;
  return clamp01((year - target.baselineYear) / (target.targetYear - target.baselineYear));
}

/**
 * A goal's progress: the mean of its measures that have data, with the linked
 * actions (done of those not cancelled) counting as one more part. REACHED when
 * every measure is reached and every counted action is done; NO_DATA when
 * nothing can be counted.
 */
export function goalProgress(measures: readonly MeasureProgress[], actionStatuses: readonly string[]): GoalProgress {
  const withData = measures.filter((m) => m.share != null);
  const counted = actionStatuses.filter((s) => s !== 'CANCELLED');
  const done = counted.filter((s) => s === 'DONE').length;
  const parts = withData.map((m) => m.share as number);
  if (counted.length > 0) parts.push(done / counted.length);
  const share = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
  const reachedMeasures = measures.filter((m) => m.status === 'REACHED').length;
  const reached = share != null && reachedMeasures === measures.length && done === counted.length;
  return {
    share,
    status: share == null ? 'NO_DATA' : reached ? 'REACHED' : 'IN_PROGRESS',
    measures: measures.length,
    measuresWithData: withData.length,
    measuresReached: reachedMeasures,
    actions: counted.length,
    actionsDone: done,
  };
}
