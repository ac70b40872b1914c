import { describe, expect, it } from 'vitest';
import { matchRegion, parseIndicatorCsv, parseNumber, splitCsv } from './indicators.csv.js';

const parties = [
  { id: 'jkl', kind: 'MUNICIPALITY', code: '179' },
  { id: 'hankasalmi', kind: 'MUNICIPALITY', code: '077' },
  { id: 'county', kind: 'WELLBEING_SERVICES_COUNTY', code: '15' },
  { id: 'region', kind: 'REGIONAL_COUNCIL', code: '13' },
];

describe('parseIndicatorCsv', () => {
  it('reads a semicolon-separated Sotkanet-shaped file with decimal commas and a BOM', () => {
    const csv =
      '\uFEFFIndikaattori ID;Indikaattori;Alue ID;Alue;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo\r\n5;"Toimeentulotukea saaneet 25–64-vuotiaat, %";179;Jyväskylä;2023;yhteensä;7,4;6 123\r\n';
    const { rows, skipped } = parseIndicatorCsv(csv);
    expect(skipped).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        indicatorCode: '5',
        regionCode: '179',
        year: 2023,
        gender: 'TOTAL',
        value: 7.4,
        absoluteValue: 6123,
      }),
    ]);
  });

  it('reads a comma-separated English file and skips bad rows with reasons', () => {
    const csv = [
      'indicator id,indicator title,region code,region title,year,gender,value,absolute value',
      '127,Population on 31 Dec,77,Hankasalmi,2023,total,4600,4600',
      '127,Population on 31 Dec,ABC,Nowhere,2023,total,1,1',
      '127,Population on 31 Dec,179,Jyväskylä,20x3,total,1,1',
      '127,Population on 31 Dec,179,Jyväskylä,2023,total,,',
      '127,Population on 31 Dec,179,Jyväskylä,2023,other,1,1',
    ].join('\n');
    const { rows, skipped } = parseIndicatorCsv(csv);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(skipped.map((s) => s.line)).toEqual([3, 4, 5, 6]);
    expect(skipped[0]!.reason).toMatch(/official code/);
    expect(skipped[2]!.reason).toMatch(/No value/);
    // A code and the cell, for a UI to say it in its own language.
    expect(skipped.map((s) => [s.code, s.value])).toEqual([
      ['BAD_REGION_CODE', 'ABC'],
      ['BAD_YEAR', '20x3'],
      ['NO_VALUE', null],
      ['UNKNOWN_GENDER', 'other'],
    ]);
  });

  it('names the missing columns when the header is not an indicator file', () => {
    const { rows, skipped } = parseIndicatorCsv('a;b;c\n1;2;3\n');
    expect(rows).toEqual([]);
    expect(skipped[0]!.reason).toMatch(/Missing column/);
    expect(skipped[0]).toMatchObject({ code: 'MISSING_COLUMNS', value: 'indicatorCode, regionCode, year, value' });
  });
});

describe('splitCsv', () => {
  it('numbers records by the line they start on across quoted line breaks, mixed line ends and blank lines', () => {
    const text = 'a;b\r\n1;"two\r\nlines"\r\n\r\n;  \n3;"say ""hi"""\r4;5';
    expect(splitCsv(text, ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'two\nlines'] },
      { line: 6, fields: ['3', 'say "hi"'] },
      { line: 7, fields: ['4', '5'] },
    ]);
  });

  it('reads an unclosed quote to the end of the file instead of losing the rows before it', () => {
    expect(splitCsv('a;b\n1;2\n3;"open\n', ';')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', 'open\n'] },
    ]);
  });
});

describe('parseNumber', () => {
  it('reads Finnish and English decimals and refuses words', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('..')).toBeUndefined();
    expect(parseNumber('abc')).toBeUndefined();
  });
});

describe('matchRegion', () => {
  it('maps municipality codes (leading zeros restored), the county 15 and the region 13', () => {
    expect(matchRegion({ regionCode: '77', regionKind: null }, parties)).toEqual({ partyId: 'hankasalmi' });
    expect(matchRegion({ regionCode: '179', regionKind: null }, parties)).toEqual({ partyId: 'jkl' });
    expect(matchRegion({ regionCode: '15', regionKind: null }, parties)).toEqual({ partyId: 'county' });
    expect(matchRegion({ regionCode: '13', regionKind: 'REGIONAL_COUNCIL' }, parties)).toEqual({ partyId: 'region' });
    expect(matchRegion({ regionCode: '999', regionKind: null }, parties)).toMatchObject({ code: 'UNKNOWN_REGION', value: '999' });
  });
});
