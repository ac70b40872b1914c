import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../i18n/i18n';
import { fieldLabel } from './analytics.labels';
import { analyticsMessages } from './analytics.messages';
import {
  agendaItemNames,
  needTitles,
  readAuditFilters,
  writeAuditFilters,
  curlExample,
  diffChange,
  distinctById,
  jsonEqual,
  outcomeCodes,
  isUserKey,
  presentValue,
  namedReference,
  recordNames,
  readableValue,
  relativeTime,
} from './analytics.util';

describe('diffChange', () => {
  it('lists only the keys whose values differ, in the record’s order', () => {
    expect(diffChange({ a: 1, b: 'x', c: true }, { a: 1, b: 'y', c: false })).toEqual([
      { key: 'b', change: 'changed', before: 'x', after: 'y' },
      { key: 'c', change: 'changed', before: true, after: false },
    ]);
  });

  it('treats every key of a created record as added', () => {
    expect(diffChange(null, { name: 'Laukaa', code: '410' })).toEqual([
      { key: 'name', change: 'added', before: undefined, after: 'Laukaa' },
      { key: 'code', change: 'added', before: undefined, after: '410' },
    ]);
  });

  it('treats every key of a deleted record as removed', () => {
    expect(diffChange({ name: 'x' }, null)).toEqual([{ key: 'name', change: 'removed', before: 'x', after: undefined }]);
  });

  it('tells a key set to null from a key that is absent', () => {
    expect(diffChange({ revokedAt: null }, { revokedAt: '2026-11-28T09:00:00Z' })).toEqual([
      { key: 'revokedAt', change: 'changed', before: null, after: '2026-11-28T09:00:00Z' },
    ]);
    expect(diffChange({ note: 'a' }, { note: null })).toEqual([{ key: 'note', change: 'changed', before: 'a', after: null }]);
    expect(diffChange({}, { note: null })).toEqual([{ key: 'note', change: 'added', before: undefined, after: null }]);
  });

  it('compares nested values by content, ignoring key order', () => {
    expect(diffChange({ names: { fi: 'A', sv: 'B' } }, { names: { sv: 'B', fi: 'A' } })).toEqual([]);
    expect(diffChange({ names: { fi: 'A' } }, { names: { fi: 'Ä' } })).toHaveLength(1);
    expect(diffChange({ tags: [1, 2] }, { tags: [2, 1] })).toHaveLength(1);
  });

  it('diffs bare values and lists as one unnamed entry', () => {
    expect(diffChange([1], [1, 2])).toEqual([{ key: '', change: 'changed', before: [1], after: [1, 2] }]);
    expect(diffChange(3, 3)).toEqual([]);
    expect(diffChange(null, 'x')).toEqual([{ key: '', change: 'added', before: null, after: 'x' }]);
  });

  it('has nothing to say when there is neither a before nor an after', () => {
    expect(diffChange(null, null)).toEqual([]);
    expect(diffChange(undefined, null)).toEqual([]);
  });
});

describe('jsonEqual', () => {
  it('does not take an array for an object with the same indexes', () => {
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual({ a: undefined }, {})).toBe(false);
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it('says the largest whole unit in the UI language', () => {
    expect(relativeTime('2026-11-28T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-11-28T11:55:00Z', now, 'fi')).toBe('5 minuuttia sitten');
    expect(relativeTime('2026-11-26T12:00:00Z', now, 'en')).toBe('2 days ago');
  });
  it('calls a few seconds "now", since clocks differ a little', () => {
    expect(relativeTime('2026-11-28T12:00:03Z', now, 'en')).toBe('now');
  });
  it('returns what it cannot parse as it is', () => {
    expect(relativeTime('yesterday', now, 'en')).toBe('yesterday');
  });
});

describe('curlExample', () => {
  it('posts JSON to this server’s /graphql with the token as a bearer', () => {
    const curl = curlExample('http://127.0.0.1:4000', 'ypat_secret');
    expect(curl).toContain('curl -sS http://127.0.0.1:4000/graphql');
    expect(curl).toContain("-H 'Authorization: Bearer ypat_secret'");
    expect(curl).toContain("-H 'Content-Type: application/json'");
    const body = /-d '(.*)'$/.exec(curl)?.[1];
    expect(JSON.parse(body ?? '')).toHaveProperty('query');
  });
});

describe('outcomeCodes and distinctById', () => {
  it('splits an outcome into codes', () => {
    expect(outcomeCodes('ok')).toEqual(['ok']);
    expect(outcomeCodes('FORBIDDEN,BAD_USER_INPUT')).toEqual(['FORBIDDEN', 'BAD_USER_INPUT']);
  });
  it('keeps the first of each id and skips nulls', () => {
    expect(distinctById([{ id: 'a', n: 1 }, null, { id: 'a', n: 2 }, { id: 'b', n: 3 }])).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 3 },
    ]);
  });
});

describe('readableValue', () => {
  it('keeps text and numbers as they are', () => {
    expect(readableValue('Jyväskylä').text).toBe('Jyväskylä');
    expect(readableValue(42).text).toBe('42');
    expect(readableValue(false).text).toBe('false');
  });

  it('joins the labels of a list of records that carry one, not their JSON', () => {
    const themes = [
      { code: '6', label: 'Somaattisen sairaanhoidon palvelut' },
      { code: '2', label: 'Lapset ja nuoret' },
    ];
    expect(readableValue(themes)).toEqual({
      text: 'Somaattisen sairaanhoidon palvelut, Lapset ja nuoret',
      full: 'Somaattisen sairaanhoidon palvelut, Lapset ja nuoret',
      truncated: false,
    });
    expect(
      readableValue([
        { id: 'p1', name: 'Laukaa' },
        { id: 'p2', names: { fi: 'Muurame' } },
      ]).text,
    ).toBe('Laukaa, Muurame');
  });

  it('writes a record as "key: value" lines, nested records in brackets', () => {
    expect(readableValue({ fi: 'Periaatteet', sv: 'Principer', en: null }).text).toBe('fi: Periaatteet\nsv: Principer\nen: –');
    expect(readableValue({ range: { from: 2020, to: 2024 }, tags: ['a', 'b'] }).text).toBe(
      'range: (from: 2020, to: 2024)\ntags: a, b',
    );
  });

  it("names a record's keys when asked, also inside lists and nested records", () => {
    const name = (key: string) => ({ title: 'Otsikko', at: 'Ajankohta' })[key] ?? key;
    expect(readableValue({ title: { at: '1.1.2026', userId: 'u1' } }, 160, name).text).toBe(
      'Otsikko: (Ajankohta: 1.1.2026, userId: u1)',
    );
    expect(readableValue([{ at: 'x', n: 1 }], 160, name).text).toBe('(Ajankohta: x, n: 1)');
  });

  it('shows a record with a label by its label', () => {
    expect(readableValue({ id: 'x', label: 'Hyväksytty' }).text).toBe('Hyväksytty');
  });

  it('joins a list of plain values with commas', () => {
    expect(readableValue(['091', '179']).text).toBe('091, 179');
    expect(readableValue([]).text).toBe('–');
  });

  it('cuts long text with an ellipsis and keeps the whole value', () => {
    const long = 'x'.repeat(300);
    const value = readableValue(long, 100);
    expect(value.truncated).toBe(true);
    expect(value.text).toBe(`${'x'.repeat(99)}…`);
    expect(value.full).toBe(long);
    expect(readableValue('short', 100).truncated).toBe(false);
  });
});

describe('presentValue', () => {
  const JKL = '499258b3-2af8-4ad6-a0eb-0fc749d9829a';
  const names = new Map([[JKL, 'Jyväskylä']]);

  it('writes dates and times as the language does, times in Finland', () => {
    expect(presentValue('2026-11-14', 'fi', names)).toBe('14.11.2026');
    expect(presentValue('2026-11-14', 'en', names)).toBe('14/11/2026');
    // 21.23 UTC in May is 0.23 the next day in Helsinki (UTC+3).
    expect(presentValue('2026-05-08T21:23:44.195Z', 'fi', names)).toMatch(/^9\.5\.2026 klo 0\.23$/);
    expect(presentValue('2026-05-08T21:23:44+00:00', 'sv', names)).toBe('9.5.2026 0.23');
  });

  it('names known ids, also in lists and records, and leaves other text alone', () => {
    expect(presentValue(JKL, 'fi', names)).toBe('Jyväskylä');
    expect(presentValue([JKL, 'other'], 'fi', names)).toEqual(['Jyväskylä', 'other']);
    expect(presentValue({ title: { at: '2026-01-02', userId: JKL } }, 'fi', names)).toEqual({
      title: { at: '2.1.2026', userId: 'Jyväskylä' },
    });
    expect(presentValue('Kokous 2026-11-14 klo 10', 'fi', names)).toBe('Kokous 2026-11-14 klo 10');
  });

  it('writes numbers in the UI language: a decimal comma in Finnish and Swedish, years without grouping', () => {
    expect(presentValue(5.5, 'fi', names)).toBe('5,5');
    expect(presentValue(5.1, 'sv', names)).toBe('5,1');
    expect(presentValue(5.5, 'en', names)).toBe('5.5');
    expect(presentValue(2026, 'fi', names)).toBe('2026');
    expect(presentValue(-0.125, 'fi', names)).toBe('−0,125');
    expect(presentValue(123456.75, 'fi', names)).toBe('123\u00a0456,75');
    expect(presentValue({ targetValue: 5.5, year: 2026 }, 'fi', names)).toEqual({ targetValue: '5,5', year: '2026' });
    expect(presentValue([1.5, 2], 'fi', names)).toEqual(['1,5', '2']);
  });

  const ANNA = 'a1e0c5d2-7b3f-4c8e-9d1a-2b3c4d5e6f70';
  const HIDDEN = 'b2f1d6e3-8c4a-4d9f-8e2b-3c4d5e6f7081';
  const users = { names: new Map([[ANNA, 'Anna Analyytikko']]), unnamed: 'käyttäjä' };

  it("names a user's id by the name the server gave, under userId and …UserId keys, also inside records", () => {
    expect(presentValue(ANNA, 'fi', names, users, 'createdByUserId')).toBe('Anna Analyytikko');
    expect(presentValue(ANNA, 'fi', names, users, 'userId')).toBe('Anna Analyytikko');
    expect(
      presentValue({ title: { userId: ANNA, partyId: JKL, at: '2026-01-02' }, recordedByUserId: ANNA }, 'fi', names, users, 'x'),
    ).toEqual({
      title: { userId: 'Anna Analyytikko', partyId: 'Jyväskylä', at: '2.1.2026' },
      recordedByUserId: 'Anna Analyytikko',
    });
  });

  it('shows a neutral word, never the id, for a user the server did not name for this reader', () => {
    expect(presentValue(HIDDEN, 'fi', names, users, 'recordedByUserId')).toBe('käyttäjä');
    expect(presentValue({ status: { userId: HIDDEN } }, 'fi', names, users, 'fieldProvenance')).toEqual({
      status: { userId: 'käyttäjä' },
    });
    // The same id under a key that is not a user's stays as it is (a record's own id is the API's handle).
    expect(presentValue(HIDDEN, 'fi', names, users, 'id')).toBe(HIDDEN);
    expect(JSON.stringify(readableValue(presentValue({ a: { userId: HIDDEN } }, 'fi', names, users, 'x')))).not.toContain(HIDDEN);
  });
});

describe('isUserKey', () => {
  it('knows the keys that hold a user id, and no others', () => {
    for (const key of ['userId', 'createdByUserId', 'recordedByUserId', 'decidedByUserId', 'updatedByUserId', 'checkedByUserId'])
      expect(isUserKey(key), key).toBe(true);
    for (const key of ['id', 'partyId', 'createdByPartyId', 'ownerBodyId', 'users']) expect(isUserKey(key), key).toBe(false);
  });
});

describe('fieldLabel', () => {
  it('names a recorded field in each language, and leaves a field it does not know nameless', () => {
    const label = (lang: 'fi' | 'sv' | 'en', key: string) => fieldLabel(createTranslate(analyticsMessages[lang], lang), key);
    expect(label('fi', 'dueDate')).toBe('Määräpäivä');
    expect(label('sv', 'dueDate')).toBe('Förfallodag');
    expect(label('en', 'ownerPartyId')).toBe('Owner party');
    expect(label('fi', 'somethingNew')).toBeUndefined();
  });
});

describe("the audit trail's filters in the URL", () => {
  const types = ['membership', 'api_token'];
  it('reads a type the trail offers and an author, and nothing else', () => {
    expect(readAuditFilters(new URLSearchParams('type=membership&author=SYSTEM'), types)).toEqual({
      entityType: 'membership',
      author: 'SYSTEM',
    });
    expect(readAuditFilters(new URLSearchParams('type=nope&author=robot'), types)).toEqual({
      entityType: undefined,
      author: undefined,
    });
  });

  it('writes the filters, drops the cleared ones and keeps the other parameters', () => {
    const written = writeAuditFilters({ entityType: 'api_token', author: 'PERSON' }, new URLSearchParams('lang=sv'));
    expect(written.toString()).toBe('lang=sv&type=api_token&author=PERSON');
    expect(writeAuditFilters({}, written).toString()).toBe('lang=sv');
    expect(readAuditFilters(written, types)).toEqual({ entityType: 'api_token', author: 'PERSON' });
  });

  it("names a change's needs by the titles the server gave", () => {
    expect([...needTitles([{ id: 'n1', title: 'Nuorten mielenterveys' }])]).toEqual([['n1', 'Nuorten mielenterveys']]);
  });
});

describe('agendaItemNames', () => {
  it('names an agenda item by its § number and title, by its title alone while it has no number', () => {
    expect([
      ...agendaItemNames([
        { id: 'i1', section: 3, title: 'Talousarvio' },
        { id: 'i2', section: null, title: 'Kokouksen avaus' },
      ]),
    ]).toEqual([
      ['i1', '3 § Talousarvio'],
      ['i2', 'Kokouksen avaus'],
    ]);
  });
});

describe('namedReference', () => {
  const GOAL = '0a4f3c2e-1b5d-4e6f-8a7b-9c0d1e2f3a4b';
  const ACTION = '1b5d4e6f-2c3a-4b7e-9f8a-0d1e2f3a4b5c';
  const HIDDEN = '2c6e5f70-3d4b-4c8f-8a9b-1e2f3a4b5c6d';
  const ids = recordNames([
    { entityId: GOAL, title: 'Tavoite A' },
    { entityId: ACTION, title: 'Toimi 1' },
  ]);

  it('names referred ids by the names the server gave, and a plain word, never the id, for the others', () => {
    expect(namedReference(GOAL, ids, 'tavoite')).toBe('Tavoite A');
    expect(namedReference(HIDDEN, ids, 'tavoite')).toBe('tavoite');
    expect(namedReference([ACTION, HIDDEN], ids, 'toimenpide')).toEqual(['Toimi 1', 'toimenpide']);
  });
});
