import { describe, expect, it } from 'vitest';
import { expectedShare, goalProgress, measureProgress } from './goals.progress.js';

const lower = { baselineYear: 2021, baselineValue: 10, targetYear: 2027, targetValue: 8 };
const higher = { baselineYear: 2021, baselineValue: 50, targetYear: 2025, targetValue: 70 };

describe('measureProgress', () => {
  it('has no data while no value of the baseline year or later is imported', () => {
    expect(measureProgress(lower, [])).toMatchObject({ share: null, status: 'NO_DATA', current: null });
    expect(measureProgress(lower, [{ year: 2020, value: 9 }])).toMatchObject({ share: null, status: 'NO_DATA' });
    expect(measureProgress(lower, [{ year: 2023, value: null }])).toMatchObject({ share: null, status: 'NO_DATA' });
  });

  it('takes the baseline from the imported values when none is set, and has no data without one', () => {
    const unset = { ...lower, baselineValue: null };
    expect(measureProgress(unset, [{ year: 2022, value: 9 }])).toMatchObject({ baseline: null, status: 'NO_DATA' });
    expect(
      measureProgress(unset, [
        { year: 2021, value: 12 },
        { year: 2023, value: 10 },
      ]),
    ).toMatchObject({ baseline: 12, share: 0.5 });
  });

  it('measures the share of the way from baseline to target, lower is better when the target is lower', () => {
    expect(
      measureProgress(lower, [
        { year: 2021, value: 10 },
        { year: 2024, value: 9 },
        { year: 2023, value: 9.5 },
      ]),
    ).toMatchObject({
      current: { year: 2024, value: 9 },
      share: 0.5,
      status: 'IN_PROGRESS',
    });
    expect(measureProgress(higher, [{ year: 2022, value: 55 }]).share).toBeCloseTo(0.25);
  });

  it('is REACHED at or past the target, and 0 on the wrong side of the baseline', () => {
    expect(measureProgress(lower, [{ year: 2025, value: 8 }])).toMatchObject({ share: 1, status: 'REACHED' });
    expect(measureProgress(lower, [{ year: 2025, value: 7.2 }])).toMatchObject({ share: 1, status: 'REACHED' });
    expect(measureProgress(lower, [{ year: 2025, value: 11 }])).toMatchObject({ share: 0, status: 'IN_PROGRESS' });
  });

  it('treats a target equal to its baseline as holding the level', () => {
    const hold = { baselineYear: 2021, baselineValue: 5, targetYear: 2027, targetValue: 5 };
    expect(measureProgress(hold, [{ year: 2024, value: 5 }])).toMatchObject({ share: 1, status: 'REACHED' });
    expect(measureProgress(hold, [{ year: 2024, value: 5.1 }])).toMatchObject({ share: 0, status: 'IN_PROGRESS' });
  });

  it('measures as of a year, ignoring later values', () => {
    const values = [
      { year: 2022, value: 9.5 },
      { year: 2024, value: 8 },
    ];
    expect(measureProgress(lower, values, 2023)).toMatchObject({ current: { year: 2022 }, share: 0.25 });
    expect(measureProgress(lower, values, 2020)).toMatchObject({ status: 'NO_DATA' });
  });
});

describe('expectedShare', () => {
  it('moves evenly from the baseline year to the target year', () => {
    expect(expectedShare(lower, 2024)).toBeCloseTo(0.5);
    expect(expectedShare(lower, 2019)).toBe(0);
    expect(expectedShare(lower, 2030)).toBe(1);
    expect(expectedShare({ baselineYear: 2024, targetYear: 2024 }, 2024)).toBe(1);
  });
});

describe('goalProgress', () => {
  const m = (share: number | null, status: 'NO_DATA' | 'IN_PROGRESS' | 'REACHED') => ({
    baseline: 1,
    current: null,
    share,
    status,
  });

  it('has no data without measures with values and without actions that count', () => {
    expect(goalProgress([], [])).toMatchObject({ share: null, status: 'NO_DATA' });
    expect(goalProgress([m(null, 'NO_DATA')], ['CANCELLED'])).toMatchObject({ share: null, status: 'NO_DATA', actions: 0 });
  });

  it('averages the measures with data and counts the actions as one more part', () => {
    const p = goalProgress([m(0.5, 'IN_PROGRESS'), m(null, 'NO_DATA'), m(1, 'REACHED')], ['DONE', 'PLANNED', 'CANCELLED']);
    expect(p.share).toBeCloseTo((0.5 + 1 + 0.5) / 3);
    expect(p).toMatchObject({
      status: 'IN_PROGRESS',
      measures: 3,
      measuresWithData: 2,
      measuresReached: 1,
      actions: 2,
      actionsDone: 1,
    });
  });

  it('is REACHED only when every measure is reached and every counted action is done', () => {
    expect(goalProgress([m(1, 'REACHED')], ['DONE', 'CANCELLED']).status).toBe('REACHED');
    expect(goalProgress([m(1, 'REACHED'), m(null, 'NO_DATA')], []).status).toBe('IN_PROGRESS');
    expect(goalProgress([], ['DONE']).status).toBe('REACHED');
  });
});
