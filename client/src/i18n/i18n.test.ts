import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fi } from './fi';
import { sv } from './sv';
import {
  createTranslate,
  type Catalogue,
  formatDate,
  formatLongDate,
  formatDateTime,
  formatNumber,
  interpolate,
  isoToLocalInput,
  localInputToIso,
  todayInFinland,
  finnishDayBoundary,
  localizedName,
  parseLanguage,
  placeholders,
  byPlaceName,
  placeNames,
} from './i18n';

// The catalogues themselves (keys, ICU syntax, arguments, loading) are checked in catalogues.test.ts.

describe('i18n helpers', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('{count, plural, one {# tarve} other {# tarvetta}}', {})).toBe(
      '{count, plural, one {# tarve} other {# tarvetta}}',
    );
  });

  it('picks the plural form the language needs, with the number in its place', () => {
    const m = '{count, plural, one {# ratkaistu tarve} other {# ratkaistua tarvetta}}';
    expect(interpolate(m, { count: 1 }, 'fi')).toBe('1 ratkaistu tarve');
    expect(interpolate(m, { count: 0 }, 'fi')).toBe('0 ratkaistua tarvetta');
    expect(interpolate(m, { count: 12000 }, 'fi')).toBe('12\u00a0000 ratkaistua tarvetta');
    expect(interpolate('{n, plural, one {# löst behov} other {# lösta behov}}', { n: 1 }, 'sv')).toBe('1 löst behov');
    expect(interpolate('{n, plural, one {# resolved need} other {# resolved needs}}', { n: 2 }, 'en')).toBe('2 resolved needs');
    expect(placeholders('{count, plural, one {# a} other {# b}} of {total}')).toEqual(['count', 'total']);
  });

  it('picks a branch by value, reads arguments inside branches, and refuses a message that is not ICU', () => {
    const m = '{kind, select, MUNICIPALITY {kunta {name}} other {osapuoli {name}}}';
    expect(interpolate(m, { kind: 'MUNICIPALITY', name: 'Laukaa' }, 'fi')).toBe('kunta Laukaa');
    expect(interpolate(m, { kind: 'NGO', name: 'Seurakunta' }, 'fi')).toBe('osapuoli Seurakunta');
    expect(placeholders(m)).toEqual(['kind', 'name']);
    expect(() => placeholders('{count, plural, one {# a}')).toThrow();
    expect(interpolate('a < b, {n}', { n: 1 })).toBe('a < b, 1');
  });

  it('accepts only the UI languages from storage', () => {
    expect(parseLanguage('sv')).toBe('sv');
    expect(parseLanguage('de')).toBeUndefined();
    expect(parseLanguage(null)).toBeUndefined();
  });

  it('picks the name in the UI language and falls back to Finnish', () => {
    const names = { fi: 'Keski-Suomen liitto', sv: 'Landskapsförbundet', en: null };
    expect(localizedName(names, 'sv')).toBe('Landskapsförbundet');
    expect(localizedName(names, 'en')).toBe('Keski-Suomen liitto');
    expect(localizedName({ ...names, sv: ' ' }, 'sv')).toBe('Keski-Suomen liitto');
  });

  it('formats numbers and dates by language', () => {
    // Finnish groups digits with a no-break space.
    expect(formatNumber(143420, 'fi').replace(/\s/g, ' ')).toBe('143 420');
    expect(formatNumber(143420, 'en')).toBe('143,420');
    expect(formatDate('2020-12-31', 'fi')).toBe('31.12.2020');
    expect(formatDate('not a date', 'fi')).toBe('not a date');
  });

  it('writes a date out with its weekday as each language says it (a date picker button names the chosen day so)', () => {
    const long = (iso: string, lang: 'fi' | 'sv' | 'en', catalogue: Catalogue) => {
      const t = createTranslate(catalogue, lang);
      return formatLongDate(iso, lang, (weekday, date) => t('form.longDate', { weekday, date }));
    };
    expect(long('2026-10-01', 'fi', fi)).toBe('torstai 1. lokakuuta 2026');
    expect(long('2026-10-01', 'sv', sv)).toBe('torsdag 1 oktober 2026');
    expect(long('2026-10-01', 'en', en)).toBe('Thursday 1 October 2026');
    expect(long('2030-01-01', 'fi', fi)).toBe('tiistai 1. tammikuuta 2030');
    expect(long('1.1.2030', 'fi', fi)).toBe('1.1.2030');
  });
});

describe('times on the clock in Finland', () => {
  it('shows an instant as it is in Helsinki, in winter and in summer, whatever the machine says', () => {
    expect(formatDateTime('2026-12-01T08:00:00Z', 'fi')).toContain('10.00');
    expect(formatDateTime('2026-06-01T08:00:00Z', 'fi')).toContain('11.00');
    expect(formatDateTime('2026-12-01T08:00:00Z', 'en')).toContain('10:00');
  });

  it("gives today's date and a day's bounds as in Finland, not as on the computer's clock", () => {
    expect(todayInFinland(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
    expect(todayInFinland(new Date('2026-12-31T21:30:00Z'))).toBe('2026-12-31');
    expect(finnishDayBoundary('2026-12-03')).toBe('2026-12-02T22:00:00.000Z');
    expect(finnishDayBoundary('2026-12-03', true)).toBe('2026-12-03T21:59:59.000Z');
    expect(finnishDayBoundary('2026-03-29', true)).toBe('2026-03-29T20:59:59.000Z');
  });

  it('reads a datetime-local value as Helsinki time and back, across the summer-time changes', () => {
    expect(localInputToIso('2026-12-01T10:00')).toBe('2026-12-01T08:00:00.000Z');
    expect(localInputToIso('2026-06-01T10:00')).toBe('2026-06-01T07:00:00.000Z');
    // The last Sunday of March: 03:00 becomes 04:00; 05:00 is already summer time.
    expect(localInputToIso('2026-03-29T05:00')).toBe('2026-03-29T02:00:00.000Z');
    expect(localInputToIso('2026-03-29T01:00')).toBe('2026-03-28T23:00:00.000Z');
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('2026-12-01')).toBeUndefined();
    expect(isoToLocalInput('2026-12-01T08:00:00Z')).toBe('2026-12-01T10:00');
    expect(isoToLocalInput('2026-06-01T07:00:00.000Z')).toBe('2026-06-01T10:00');
  });
});

describe('party and place names', () => {
  it('sort in Finnish order whatever the UI language: Å, Ä and Ö after Z', () => {
    const names = ['Äänekoski', 'Viitasaari', 'Jämsä', 'Wellbeing Services County of Central Finland', 'Åland', 'Hankasalmi'];
    expect(byPlaceName(names, (n) => n)).toEqual([
      'Hankasalmi',
      'Jämsä',
      'Viitasaari',
      'Wellbeing Services County of Central Finland',
      'Åland',
      'Äänekoski',
    ]);
    expect(placeNames.compare('Äänekoski', 'Uurainen')).toBeGreaterThan(0);
  });

  it('sort by the name given and leave the list alone', () => {
    const list = [{ n: 'Äänekoski' }, { n: 'Laukaa' }];
    expect(byPlaceName(list, (p) => p.n).map((p) => p.n)).toEqual(['Laukaa', 'Äänekoski']);
    expect(list.map((p) => p.n)).toEqual(['Äänekoski', 'Laukaa']);
  });
});
