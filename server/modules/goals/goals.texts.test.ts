import { describe, expect, it } from 'vitest';
import { fill, formatDate, formatNumber, formatShare, REPORT_TEXTS } from './goals.texts.js';

/** Characters Helvetica's WinAnsi encoding (the PDF's font) can draw: Latin-1 plus a few (–, ”, …). */
const drawable = (text: string) => [...text].every((c) => c.charCodeAt(0) < 256 || '–—”“’‘…•€'.includes(c));

describe('report texts', () => {
  it('write numbers, shares and dates in the language with characters the PDF font has', () => {
    expect(formatNumber('fi', -206.5)).toBe('-206,5');
    expect(formatNumber('en', 1792.6)).toBe('1,792.6');
    expect(drawable(formatNumber('sv', -1234567.25))).toBe(true);
    expect(formatShare('en', 0.25)).toBe('25%');
    expect(formatDate('fi', '2026-12-03')).toBe('3. joulukuuta 2026');
    expect(formatDate('sv', '2026-12-03')).toMatch(/december 2026/);
  });

  it('has every text in the three languages, all drawable', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const t = REPORT_TEXTS[lang];
      expect(Object.keys(t).sort()).toEqual(Object.keys(REPORT_TEXTS.fi).sort());
      for (const v of Object.values(t)) expect(drawable(JSON.stringify(v))).toBe(true);
    }
    expect(fill('{a} / {b}', { a: 1, b: 'x' })).toBe('1 / x');
  });

  it('writes counts in the form the language needs for the number', () => {
    const values = { share: '50%', status: 'in progress', withData: 1, reached: 0, done: 1 };
    expect(fill(REPORT_TEXTS.en.progressLine, { ...values, measures: 1, actions: 2 }, 'en')).toContain(
      '1 measure, 1 measured and 0 reached; 2 actions, 1 done.',
    );
    expect(fill(REPORT_TEXTS.en.progressLine, { ...values, measures: 3, actions: 1 }, 'en')).toContain(
      '3 measures, 1 measured and 0 reached; 1 action, 1 done.',
    );
    for (const lang of ['fi', 'sv', 'en'] as const)
      expect(fill(REPORT_TEXTS[lang].progressLine, { ...values, measures: 2, actions: 2 }, lang)).not.toMatch(/[{}]/);
  });
});
