import { describe, expect, it } from 'vitest';
import { localized, pickLocale } from './locale.js';

describe('pickLocale', () => {
  it('takes the highest-ranked supported language and defaults to Finnish', () => {
    expect(pickLocale(undefined)).toBe('fi');
    expect(pickLocale('de-DE, sv-FI;q=0.8, en;q=0.9')).toBe('en');
    expect(pickLocale('sv-FI')).toBe('sv');
    expect(pickLocale('de, fr;q=0.5')).toBe('fi');
  });
});

describe('localized', () => {
  it('falls back to Finnish when the language has no text', () => {
    expect(localized({ fi: 'Keski-Suomen liitto', en: 'Regional Council' }, 'en')).toBe('Regional Council');
    expect(localized({ fi: 'Keski-Suomen liitto', sv: null }, 'sv')).toBe('Keski-Suomen liitto');
  });
});
