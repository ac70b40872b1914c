import { describe, expect, it } from 'vitest';
import { sectionMark, sectionTitle } from './sectionMark';

describe('sectionMark', () => {
  it('writes the number before the mark, as Finnish minutes do, and nothing for an item without a number', () => {
    expect(sectionMark(5)).toBe('5 §');
    expect(sectionMark(0)).toBe('0 §');
    expect(sectionMark(null)).toBe('');
    expect(sectionMark(undefined)).toBe('');
  });

  it('puts the mark before the title, or gives the title alone', () => {
    expect(sectionTitle({ section: 12, title: 'Talousarvio' })).toBe('12 § Talousarvio');
    expect(sectionTitle({ section: null, title: 'Talousarvio' })).toBe('Talousarvio');
  });
});
