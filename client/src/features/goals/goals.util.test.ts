import { describe, expect, it } from 'vitest';
import { decimalInput, formatShare, parseDecimal, parseYear, reportPath } from './goals.util';

describe('goals.util', () => {
  it('reads decimals with a comma or a point, and refuses text', () => {
    expect(parseDecimal(' 6,5 ')).toBe(6.5);
    expect(parseDecimal('1 800')).toBe(1800);
    expect(parseDecimal('-2.25')).toBe(-2.25);
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('kuusi')).toBeNaN();
  });

  it('puts a stored number into a form exactly, in the language, and reads it back the same', () => {
    expect(decimalInput(1244.5, 'fi')).toBe('1244,5');
    expect(decimalInput(-0.25, 'sv')).toBe('-0,25');
    expect(decimalInput(1244.5, 'en')).toBe('1244.5');
    for (const lang of ['fi', 'sv', 'en'] as const) expect(parseDecimal(decimalInput(12.35, lang))).toBe(12.35);
  });

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
