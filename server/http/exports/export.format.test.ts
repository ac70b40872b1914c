import { describe, expect, it } from 'vitest';
import { csvField, listParam } from './export.format.js';

describe('csvField', () => {
  it('quotes separators and line breaks, defuses formulas and writes moments in Helsinki time', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    // A line break with no quote beside it: csv-stringify alone quotes only the record delimiter, CRLF.
    expect(csvField('Kappale 1\nKappale 2')).toBe('"Kappale 1\nKappale 2"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
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
