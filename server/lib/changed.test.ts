import { describe, expect, it } from 'vitest';
import { changedKeys, idSet, onlyChanged, replacedLinks, sameValue, unchanged } from './changed.js';

describe('changed', () => {
  const row = {
    title: 'Otsikko',
    note: null as string | null,
    titles: { fi: 'Sopimus', sv: null },
    ids: ['b', 'a'],
    at: new Date('2026-12-03T09:15:00Z'),
    indicators: [{ code: 'x', value: 1 }],
  };

  it('treats null and undefined alike, and objects key by key in any order with left-out keys as null', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(null, '')).toBe(false);
    expect(sameValue({ fi: 'Sopimus', sv: null }, { fi: 'Sopimus' })).toBe(true);
    expect(sameValue({ fi: 'Sopimus' }, { fi: 'Sopimus', en: 'Agreement' })).toBe(false);
    expect(sameValue([{ value: 1, code: 'x' }], [{ code: 'x', value: 1 }])).toBe(true);
  });

  it('compares moments as instants and lists in their order', () => {
    expect(sameValue(new Date('2026-12-03T09:15:00Z'), '2026-12-03T11:15:00+02:00')).toBe(true);
    expect(sameValue(new Date('2026-12-03T09:15:00Z'), 'not a date')).toBe(false);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(idSet(['b', 'a', 'b']), idSet(['a', 'b']))).toBe(true);
    expect(sameValue([], null)).toBe(false);
  });

  it('names the sent keys whose values differ; a key not sent (undefined) never counts', () => {
    const sent = {
      title: 'Otsikko',
      note: undefined,
      titles: { fi: 'Sopimus' },
      ids: ['b', 'a'],
      at: '2026-12-03T09:15:00.000Z',
      indicators: [{ code: 'x', value: 2 }],
    };
    expect(changedKeys(row, sent)).toEqual(['indicators']);
    expect(changedKeys(row, { note: null, title: 'Otsikko' })).toEqual([]);
    expect(changedKeys(row, { note: 'Uusi' })).toEqual(['note']);
    expect(onlyChanged(row, { title: 'Uusi', note: null })).toEqual({ title: 'Uusi' });
    expect(unchanged(row, { note: null, title: 'Otsikko', ids: undefined })).toBe(true);
    expect(unchanged(row, { note: 'Uusi' })).toBe(false);
    expect(unchanged(row, {})).toBe(true);
  });

  it('gives the link lists sent as sets before and after, reading only those sent', async () => {
    const read: string[] = [];
    const stored = (key: string, ids: string[]) => () => {
      read.push(key);
      return Promise.resolve(ids);
    };
    const links = await replacedLinks(
      { needIds: ['b', 'a', 'b'], actionIds: undefined, partyIds: null },
      { needIds: stored('needIds', ['a', 'b']), actionIds: stored('actionIds', ['c']), partyIds: stored('partyIds', []) },
    );
    expect(links).toEqual({ before: { needIds: ['a', 'b'] }, after: { needIds: ['a', 'b'] } });
    expect(read).toEqual(['needIds']);
    expect(unchanged(links.before, links.after)).toBe(true);
    // A row's own column serves as well; a list sent that differs shows in both states.
    const changed = await replacedLinks({ relatedNeedIds: ['c'] }, { relatedNeedIds: () => ['b', 'a'] });
    expect(changed).toEqual({ before: { relatedNeedIds: ['a', 'b'] }, after: { relatedNeedIds: ['c'] } });
    expect(unchanged(changed.before, changed.after)).toBe(false);
    expect(await replacedLinks({}, { needIds: stored('never', []) })).toEqual({ before: {}, after: {} });
    expect(read).toEqual(['needIds']);
  });
});
