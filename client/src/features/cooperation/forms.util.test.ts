import { describe, expect, it } from 'vitest';
import { looksLikeEmail, optionalText, sameIds } from './forms.util';

describe('optionalText', () => {
  it('trims a value and sends an emptied one as null', () => {
    expect(optionalText('  Laukaa ')).toBe('Laukaa');
    expect(optionalText('   ')).toBeNull();
  });
});

describe('sameIds', () => {
  it('ignores order', () => {
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(true);
  });

  it('tells an added or removed id', () => {
    expect(sameIds(['a', 'b'], ['a'])).toBe(false);
    expect(sameIds(['a'], ['a', 'c'])).toBe(false);
    expect(sameIds(['a', 'b'], ['a', 'c'])).toBe(false);
  });
});

describe('looksLikeEmail', () => {
  it('accepts what the server accepts', () => {
    expect(looksLikeEmail('maija.meikalainen@laukaa.fi')).toBe(true);
    expect(looksLikeEmail(' a@b ')).toBe(true);
  });

  it('refuses an address without @ or with spaces inside', () => {
    expect(looksLikeEmail('maija.laukaa.fi')).toBe(false);
    expect(looksLikeEmail('maija @laukaa.fi')).toBe(false);
  });
});
