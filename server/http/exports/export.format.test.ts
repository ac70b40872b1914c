import { describe, expect, it } from 'vitest';
import { csvField, helsinkiIso, listParam } from './export.format.js';

describe('helsinkiIso', () => {
  it('writes a moment on the clock in Finland with its offset, winter and summer', () => {
    expect(helsinkiIso(new Date('2026-12-03T07:15:00Z'))).toBe('2026-12-03T09:15:00+02:00');
    expect(helsinkiIso(new Date('2026-06-30T21:30:05.999Z'))).toBe('2026-07-01T00:30:05+03:00');
  });

  it('follows the change to summer time at 03:00 local time on the last Sunday of March', () => {
    expect(helsinkiIso(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T02:59:59+02:00');
    expect(helsinkiIso(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T04:00:00+03:00');
  });
});

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
