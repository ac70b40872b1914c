import { describe, expect, it } from 'vitest';
import { csvField, listParam } from './export.format.js';

describe('csvField', () => {
  it('quotes separators and line breaks, defuses formulas and writes moments in Helsinki time', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField(new Date('2026-12-03T07:15:00Z'))).toBe('2026-12-03T09:15:00+02:00');
  });
});

describe('listParam', () => {
  it('reads repeated and comma-separated values', () => {
    expect(listParam(['A,B', ' C '])).toEqual(['A', 'B', 'C']);
    expect(listParam(undefined)).toEqual([]);
  });
});
