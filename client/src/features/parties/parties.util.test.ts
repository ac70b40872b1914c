import { describe, expect, it } from 'vitest';
import { filterParties, municipalityPopulation, populationSources, searchKey, sortByName, type PartyRow } from './parties.util';

function makeParty(overrides: Partial<PartyRow> & Pick<PartyRow, 'id'>): PartyRow {
  return {
    kind: 'MUNICIPALITY',
    code: null,
    names: { fi: overrides.id, sv: null, en: null },
    municipalForm: 'KUNTA',
    subRegion: null,
    population: null,
    version: 1,
    ...overrides,
  };
}

const figure = (value: number, referenceDate = '2020-12-31') => ({
  value,
  referenceDate,
  status: 'FINAL' as const,
  source: 'Statistics Finland',
});

describe('party list helpers', () => {
  const parties = [
    makeParty({ id: 'jkl', code: '179', names: { fi: 'Jyväskylä', sv: 'Jyväskylä', en: null }, population: figure(143420) }),
    makeParty({ id: 'aane', code: '992', names: { fi: 'Äänekoski', sv: null, en: null }, population: figure(18577) }),
    makeParty({
      id: 'hanka',
      code: '077',
      names: { fi: 'Hankasalmi', sv: null, en: null },
      population: figure(4782, '2021-12-31'),
    }),
    makeParty({
      id: 'hva',
      kind: 'WELLBEING_SERVICES_COUNTY',
      code: '15',
      municipalForm: null,
      names: {
        fi: 'Keski-Suomen hyvinvointialue',
        sv: 'Välfärdsområdet i Mellersta Finland',
        en: 'Wellbeing Services County of Central Finland',
      },
      population: figure(270000),
    }),
  ];

  it('finds a party by name without diacritics, by another language and by code', () => {
    expect(searchKey(' Jyväskylä ')).toBe('jyvaskyla');
    expect(filterParties(parties, { text: 'jyvaskyla' }).map((p) => p.id)).toEqual(['jkl']);
    expect(filterParties(parties, { text: 'välfärd' }).map((p) => p.id)).toEqual(['hva']);
    expect(filterParties(parties, { text: '077' }).map((p) => p.id)).toEqual(['hanka']);
  });

  it('filters by kind and combines it with text', () => {
    expect(filterParties(parties, { kind: 'WELLBEING_SERVICES_COUNTY', text: '' })).toHaveLength(1);
    expect(filterParties(parties, { kind: 'MUNICIPALITY', text: 'keski' })).toHaveLength(0);
  });

  it('sorts Finnish names with Ä after the other letters', () => {
    expect(sortByName(parties, 'fi').map((p) => p.id)).toEqual(['hanka', 'jkl', 'hva', 'aane']);
  });

  it('sorts the names in Finnish order in the Swedish and English UI too (they are Finnish place names)', () => {
    // Swedish and English names as shown (a missing one falls back to Finnish): Äänekoski still last.
    expect(sortByName(parties, 'sv').map((p) => p.id)).toEqual(['hanka', 'jkl', 'hva', 'aane']);
    expect(sortByName(parties, 'en').map((p) => p.id)).toEqual(['hanka', 'jkl', 'hva', 'aane']);
  });

  it('adds up only municipalities and reports the reference dates it used', () => {
    const total = municipalityPopulation([...parties, makeParty({ id: 'none' })]);
    expect(total).toEqual({ total: 143420 + 18577 + 4782, counted: 3, missing: 1, referenceDates: ['2020-12-31', '2021-12-31'] });
  });

  it('lists each source once', () => {
    expect(populationSources(parties)).toEqual(['Statistics Finland']);
  });
});
