import { describe, expect, it } from 'vitest';
import {
  classBreaks,
  classRanges,
  layoutTiles,
  levelOf,
  linearScale,
  linePath,
  MUNICIPALITY_TILES,
  niceTicks,
  paddedDomain,
  partySeries,
  ratificationTotals,
  percent,
  pivot,
  residents,
  shadeOf,
  seriesTotals,
  shareTicks,
  stack,
  tickRoom,
  valuedPoints,
} from './chartLogic';
import { dashboardFilter, readDashboardView, registerLink, writeDashboardView } from './dashboardFilters';
import { exportUrl, filtersFromRegister } from './exportUrl';

const key = (dimension: string, value: string, label = value) => ({ dimension, value, label });

describe('scales and ticks', () => {
  it('maps a domain onto a range, reversed too', () => {
    const x = linearScale([0, 10], [0, 200]);
    expect(x(5)).toBe(100);
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });

  it('gives nice integer ticks covering the maximum', () => {
    expect(niceTicks(7, { integer: true })).toEqual({ min: 0, max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceTicks(23, { count: 5 }).max).toBe(25);
    expect(niceTicks(0, { integer: true }).ticks).toEqual([0, 1]);
    expect(niceTicks(0.3, { count: 3 }).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    // Counts never get half ticks.
    expect(niceTicks(2, { integer: true, count: 5 }).ticks.every(Number.isInteger)).toBe(true);
  });

  it('gives a narrow share axis fewer ticks, so the percentages never overlap', () => {
    expect(shareTicks(400)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(shareTicks(150)).toEqual([0, 0.5, 1]);
    expect(shareTicks(80)).toEqual([0, 1]);
  });

  it('leaves room between count labels: a phone-wide axis gets one or two intervals, never zero', () => {
    expect(tickRoom(110, 8)).toBe(3);
    expect(tickRoom(110, 30)).toBe(2);
    expect(tickRoom(10, 30)).toBe(1);
    const axis = niceTicks(9, { integer: true, count: tickRoom(110, 15) });
    expect(110 / (axis.ticks.length - 1) >= 15 + 24).toBe(true);
    expect(axis.ticks.every(Number.isInteger)).toBe(true);
  });

  it('pads a trend domain without dropping below zero for positive data', () => {
    expect(paddedDomain([10, 20])).toEqual([9, 21]);
    expect(paddedDomain([0.5, 0.6])[0]).toBeCloseTo(0.49);
    expect(paddedDomain([])).toEqual([0, 1]);
    expect(paddedDomain([5, 5])).toEqual([4, 6]);
  });
});

describe('stacking', () => {
  const rows = [
    { keys: [key('THEME', 'YOUTH', 'Nuoret'), key('STATUS', 'AGREED')], count: 2 },
    { keys: [key('THEME', 'YOUTH', 'Nuoret'), key('STATUS', 'IDENTIFIED')], count: 1 },
    { keys: [key('THEME', 'HYTE', 'Hyte'), key('STATUS', 'RESOLVED')], count: 5 },
    { keys: [key('THEME', 'UNSET', 'Ei teemaa'), key('STATUS', 'RESOLVED')], count: 9 },
    { keys: [key('THEME', 'SAFETY', 'Turvallisuus'), key('STATUS', 'AGREED')], count: 3 },
  ];

  it('pivots rows into categories, largest first and UNSET last', () => {
    const cats = pivot(rows);
    expect(cats.map((c) => c.value)).toEqual(['HYTE', 'YOUTH', 'SAFETY', 'UNSET']);
    expect(cats[1]).toMatchObject({ label: 'Nuoret', total: 3, values: { AGREED: 2, IDENTIFIED: 1 } });
  });

  it('breaks ties by label', () => {
    const cats = pivot([
      { keys: [key('THEME', 'B', 'Beta'), key('STATUS', 'AGREED')], count: 1 },
      { keys: [key('THEME', 'A', 'Alfa'), key('STATUS', 'AGREED')], count: 1 },
    ]);
    expect(cats.map((c) => c.label)).toEqual(['Alfa', 'Beta']);
  });

  it('stacks in series order, skipping zeros, unknown series last', () => {
    expect(stack({ AGREED: 2, IDENTIFIED: 1, NEW: 4, RESOLVED: 0 }, ['IDENTIFIED', 'AGREED', 'RESOLVED'])).toEqual([
      { series: 'IDENTIFIED', value: 1, start: 0, end: 1 },
      { series: 'AGREED', value: 2, start: 1, end: 3 },
      { series: 'NEW', value: 4, start: 3, end: 7 },
    ]);
  });

  it('totals each series over the categories', () => {
    expect(seriesTotals(pivot(rows))).toEqual({ AGREED: 5, IDENTIFIED: 1, RESOLVED: 14 });
  });
});

describe('the municipality tile map', () => {
  it('places the 22 municipalities of Central Finland on distinct tiles', () => {
    const places = Object.values(MUNICIPALITY_TILES).map((p) => `${p.col},${p.row}`);
    expect(places).toHaveLength(22);
    expect(new Set(places).size).toBe(22);
    // North above south: Pihtipudas above Jyväskylä above Joutsa.
    expect(MUNICIPALITY_TILES['601']!.row).toBeLessThan(MUNICIPALITY_TILES['179']!.row);
    expect(MUNICIPALITY_TILES['179']!.row).toBeLessThan(MUNICIPALITY_TILES['172']!.row);
    // West left of east: Keuruu left of Hankasalmi.
    expect(MUNICIPALITY_TILES['249']!.col).toBeLessThan(MUNICIPALITY_TILES['077']!.col);
  });

  it('lays out known codes by the map, others in extra rows, with counts and colour levels', () => {
    const { tiles, rows, cols, breaks } = layoutTiles(
      [
        { id: 'a', code: '179', name: 'Jyväskylä' },
        { id: 'b', code: '410', name: 'Laukaa' },
        { id: 'c', code: '999', name: 'Uusikunta' },
        { id: 'd', code: null, name: 'Nimetön' },
      ],
      new Map([
        ['a', 10],
        ['b', 1],
      ]),
    );
    expect(cols).toBe(5);
    expect(rows).toBe(7);
    expect(breaks).toEqual([2, 4, 6, 8, 10]);
    expect(tiles.find((t) => t.id === 'a')).toMatchObject({ col: 2, row: 3, count: 10, level: 5 });
    expect(tiles.find((t) => t.id === 'b')).toMatchObject({ count: 1, level: 1 });
    expect(tiles.find((t) => t.id === 'c')).toMatchObject({ col: 0, row: 6, count: 0, level: 0 });
    expect(tiles.find((t) => t.id === 'd')).toMatchObject({ col: 1, row: 6 });
  });

  it('makes integer colour classes, one per count when counts are small', () => {
    expect(classBreaks(0)).toEqual([]);
    expect(classBreaks(3)).toEqual([1, 2, 3]);
    expect(classBreaks(7)).toEqual([2, 3, 5, 6, 7]);
    expect(classRanges([2, 3, 5])).toEqual([
      [1, 2],
      [3, 3],
      [4, 5],
    ]);
    expect(levelOf(0, [1, 2])).toBe(0);
    expect(levelOf(2, [1, 2])).toBe(2);
    expect(levelOf(9, [1, 2])).toBe(2);
    // Three classes still run from the lightest shade to the darkest.
    expect([0, 1, 2, 3].map((l) => shadeOf(l, 3))).toEqual([0, 1, 3, 5]);
    expect(shadeOf(1, 1)).toBe(5);
    expect([1, 2, 3, 4, 5].map((l) => shadeOf(l, 5))).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('lines, residents and percentages', () => {
  it('draws a path in x order and breaks it at a missing value', () => {
    const id = (n: number) => n;
    expect(
      linePath(
        [
          { x: 3, y: 30 },
          { x: 1, y: 10 },
          { x: 2, y: null },
          { x: 4, y: 40 },
        ],
        id,
        id,
      ),
    ).toBe('M1,10M3,30L4,40');
  });

  it("reads one party's series of an indicator, all genders together, by year, keeping the years without a value", () => {
    const v = (party: string, year: number, value: number | null, gender?: string | null) => ({
      party: { id: party },
      year,
      value,
      gender,
    });
    const values = [
      v('jkl', 2023, 12),
      v('jkl', 2021, 10, 'TOTAL'),
      v('jkl', 2022, null, null),
      v('jkl', 2022, 99, 'FEMALE'),
      v('laukaa', 2021, 50),
    ];
    const series = partySeries(values, 'jkl');
    expect(series).toEqual([
      { x: 2021, y: 10 },
      { x: 2022, y: null },
      { x: 2023, y: 12 },
    ]);
    expect(valuedPoints(series)).toEqual([
      { x: 2021, y: 10 },
      { x: 2023, y: 12 },
    ]);
  });

  it("counts the parties that have decided on the agreements' ratifications, whichever way, of all of them", () => {
    const progress = (approved: number, approvedWithChanges: number, rejected: number, total: number) => ({
      progress: { approved, approvedWithChanges, rejected, total },
    });
    expect(ratificationTotals([progress(4, 1, 1, 10), progress(2, 2, 0, 4)])).toEqual({ done: 7, total: 14 });
    expect(ratificationTotals([])).toEqual({ done: 0, total: 0 });
  });

  it('never shows a suppressed estimate as a number', () => {
    expect(residents(null)).toEqual({ kind: 'suppressed' });
    expect(residents(3)).toEqual({ kind: 'suppressed' });
    expect(residents(120)).toEqual({ kind: 'value', value: 120 });
  });

  it('rounds shares, never to 100 % unless all', () => {
    expect(percent(0.5)).toBe(50);
    expect(percent(0.998)).toBe(99);
    expect(percent(1)).toBe(100);
    expect(percent(null)).toBeNull();
  });
});

describe('the URL of the dashboard and the exports', () => {
  it('reads and writes filters, at most four trend parties', () => {
    const view = readDashboardView(new URLSearchParams('theme=YOUTH&municipality=p1&parties=a,b,a,c,d,e'));
    expect(view).toEqual({ theme: 'YOUTH', municipality: 'p1', parties: ['a', 'b', 'c', 'd'] });
    expect(writeDashboardView(view).toString()).toBe('theme=YOUTH&municipality=p1&parties=a%2Cb%2Cc%2Cd');
    expect(dashboardFilter(view)).toEqual({ themeCodes: ['YOUTH'], municipalityIds: ['p1'] });
    expect(dashboardFilter(readDashboardView(new URLSearchParams()))).toEqual({});
    expect(registerLink(view, { status: 'AGREED' })).toBe('/needs?status=AGREED&theme=YOUTH&municipality=p1');
    expect(registerLink({ ...view, theme: '' }, { theme: 'UNSET' })).toBe('/needs?municipality=p1');
  });

  it('builds export URLs from the register view', () => {
    const filters = filtersFromRegister(
      new URLSearchParams('q=asumisen tuki&status=AGREED,IN_PROGRESS&group=YOUTH&body=b1&view=board&sort=TITLE_ASC'),
    );
    expect(filters).toEqual({ text: 'asumisen tuki', status: ['AGREED', 'IN_PROGRESS'], targetGroup: 'YOUTH', ownerBody: 'b1' });
    expect(exportUrl('csv', filters)).toBe(
      '/export/service-needs.csv?status=AGREED%2CIN_PROGRESS&targetGroup=YOUTH&ownerBody=b1&text=asumisen+tuki',
    );
    expect(exportUrl('xlsx', {})).toBe('/export/service-needs.xlsx');
    expect(exportUrl('xlsx', { status: [] }, 'sv')).toBe('/export/service-needs.xlsx?lang=sv');
    expect(exportUrl('csv', { theme: 'HYTE', municipality: '' })).toBe('/export/service-needs.csv?theme=HYTE');
  });
});

describe('reading an uploaded CSV', () => {
  it('reads UTF-8 with a BOM and falls back to Windows-1252', async () => {
    const { decodeCsv } = await import('./csvText');
    const utf8 = new TextEncoder().encode('\uFEFFalue;Jyväskylä');
    expect(decodeCsv(utf8.buffer as ArrayBuffer)).toBe('alue;Jyväskylä');
    const latin = new Uint8Array([0x4a, 0x79, 0x76, 0xe4, 0x73]); // "Jyväs" in Windows-1252
    expect(decodeCsv(latin.buffer)).toBe('Jyväs');
  });
});
