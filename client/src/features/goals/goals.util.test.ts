import { describe, expect, it } from 'vitest';
import { formatShare, parseYear, reportPath } from './goals.util';

describe('goals.util', () => {
  it('reads years 1900–2100 only', () => {
    expect(parseYear('2027')).toBe(2027);
    expect(parseYear('27')).toBeNaN();
    expect(parseYear('2027.5')).toBeNaN();
  });

  it('words shares as whole percentages in the language', () => {
    expect(formatShare(0.754, 'en')).toBe('75%');
    expect(formatShare(0.5, 'fi').replace(/\s/g, ' ')).toBe('50 %');
  });

  it('points to the report of a year', () => {
    expect(reportPath('a', 'g', 2025)).toBe('/agreements/a/goals/g/report?year=2025');
  });
});
