import { describe, expect, it } from 'vitest';
import { checkUrlFilters, type UrlFilterRules } from './urlFilters';

const JKL = '0d4f4c3e-8a51-4c8e-9a3b-2f1e5d6c7b8a';
const OTHER = '1d4f4c3e-8a51-4c8e-9a3b-2f1e5d6c7b8a';
const rules: UrlFilterRules = {
  municipality: { id: true, values: [JKL] },
  status: { values: ['AGREED', 'IN_PROGRESS'], list: true },
  year: { check: (v) => /^\d{4}$/.test(v) },
};
const check = (query: string, r: UrlFilterRules = rules) => {
  const c = checkUrlFilters(new URLSearchParams(query), r);
  return { query: c.params.toString(), unknown: c.unknown, pending: c.pending };
};

describe('a shared link’s filters', () => {
  it('keeps known values and the parameters no rule names', () => {
    expect(check(`municipality=${JKL}&status=AGREED,IN_PROGRESS&q=koulu&year=2025`)).toEqual({
      query: `municipality=${JKL}&status=AGREED%2CIN_PROGRESS&q=koulu&year=2025`,
      unknown: [],
      pending: false,
    });
  });

  it('leaves out a malformed id, an id not among the options and a value not in the list, and names them', () => {
    expect(check('municipality=999&q=koulu')).toEqual({ query: 'q=koulu', unknown: ['municipality'], pending: false });
    expect(check(`municipality=${OTHER}`)).toEqual({ query: '', unknown: ['municipality'], pending: false });
    expect(check('status=BOGUS&year=next')).toEqual({ query: '', unknown: ['status', 'year'], pending: false });
  });

  it('keeps the known items of a list', () => {
    expect(check('status=AGREED,BOGUS')).toEqual({ query: 'status=AGREED', unknown: ['status'], pending: false });
  });

  it('drops a malformed id at once but waits for the options before judging a well-formed one', () => {
    const loading: UrlFilterRules = { municipality: { id: true, values: undefined } };
    expect(check('municipality=999', loading)).toEqual({ query: '', unknown: ['municipality'], pending: false });
    expect(check(`municipality=${OTHER}`, loading)).toEqual({ query: `municipality=${OTHER}`, unknown: [], pending: true });
  });

  it('drops an empty value without calling it unknown', () => {
    expect(check('municipality=&q=x')).toEqual({ query: 'q=x', unknown: [], pending: false });
  });
});
