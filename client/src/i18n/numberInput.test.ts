import { describe, expect, it } from 'vitest';
import { decimalInput, parseDecimal } from './numberInput';

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
});
