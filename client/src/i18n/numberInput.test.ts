import { describe, expect, it } from 'vitest';
import { decimalInput, parseDecimal, readWholeNumber, wholeNumberProblem } from './numberInput';

describe('numberInput', () => {
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

  it('refuses a decimal too long to be a finite number', () => {
    expect(parseDecimal('9'.repeat(400))).toBeNaN();
  });

  it('reads a whole number within the field’s bounds, and names what is wrong with any other', () => {
    const rule = { min: 0, max: 10_000_000 };
    expect(readWholeNumber(' 1 200 ', rule)).toEqual({ ok: true, value: 1200 });
    expect(readWholeNumber('143\u00a0420', rule)).toEqual({ ok: true, value: 143420 });
    expect(readWholeNumber('', rule)).toEqual({ ok: true, value: undefined });
    expect(readWholeNumber('-5', rule)).toEqual({ ok: false, problem: { key: 'error.fieldAtLeast', values: { min: 0 } } });
    expect(readWholeNumber('99999999999', rule)).toEqual({
      ok: false,
      problem: { key: 'error.fieldAtMost', values: { max: 10_000_000 } },
    });
    expect(readWholeNumber('9'.repeat(30), rule)).toEqual({
      ok: false,
      problem: { key: 'error.fieldAtMost', values: { max: 10_000_000 } },
    });
    // Too long to hold exactly, but negative: below the least, not above the most.
    expect(readWholeNumber('-' + '9'.repeat(17), rule)).toEqual({
      ok: false,
      problem: { key: 'error.fieldAtLeast', values: { min: 0 } },
    });
    for (const text of ['12,5', '1.5', 'kymmenen', '1e3'])
      expect(readWholeNumber(text, rule)).toEqual({ ok: false, problem: 'error.fieldWholeNumber' });
    expect(wholeNumberProblem(2.5, rule)).toBe('error.fieldWholeNumber');
    expect(wholeNumberProblem(7, rule)).toBeUndefined();
  });
});
