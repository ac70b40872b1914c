import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, launchBrowser, login, plainSpaces, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const { browsers } = suite;
const signedIn = (email: string): Promise<Page> => suite.signedIn(email);

/** A figure as the page writes it ("1 234" in Finnish) as a number. */
const num = (text: string | null) => Number(plainSpaces(text ?? '').replace(/\s/g, ''));

/** Opens a chart's table ("Näytä lukuina") and returns it. */
async function openTable(page: Page, chart: string) {
  const toggle = page.getByTestId(`toggle-${chart}`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const table = page.getByTestId(`table-${chart}`);
  await table.locator('table').waitFor();
  return table;
}

/** The needs-by-theme table's figures: each theme row's cells and total, and the footer where each need counts once. */
async function themeFigures(page: Page) {
  const table = await openTable(page, 'themes');
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/[\s\u00a0\u202f]/g, ''))),
    );
  const allNeeds = await table.getByTestId('themes-all-needs').locator('td[data-status]').allTextContents();
  const total = num(await table.getByTestId('all-needs-total').textContent());
  return { rows: rows.map((cells) => cells.map(Number)), byStatus: allNeeds.map(num), total };
}

describe('the dashboard', () => {
  let page: Page;
  let registerTotal: number;
  let laukaa: { id: string };

  beforeAll(async () => {
    const api = await apiAs(suite.server.url, 'jyvaskyla@demo.local');
    const data = await api<{ serviceNeeds: { totalCount: number }; parties: { id: string; code: string | null }[] }>(
      '{ serviceNeeds(first: 1) { totalCount } parties(kind: MUNICIPALITY) { id code } }',
    );
    registerTotal = data.serviceNeeds.totalCount;
    laukaa = data.parties.find((p) => p.code === '410')!;
    page = await signedIn('jyvaskyla@demo.local');
  });

  it('shows every chart with a summary and its figures as a table that adds up to the register', async () => {
    await page.goto(`${suite.server.url}/dashboard`);
    await page.getByTestId('themes-svg').waitFor();
    expect(registerTotal).toBeGreaterThan(0);

    // Each chart has a text alternative (the SVG points at the summary) and a table.
    for (const chart of ['themes', 'municipalities', 'actions', 'ratifications', 'resolution']) {
      const card = page.getByTestId(`chart-${chart}`);
      await card.getByTestId(`summary-${chart}`).waitFor();
      expect((await card.getByTestId(`summary-${chart}`).textContent())?.length).toBeGreaterThan(10);
      const table = await openTable(page, chart);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    }
    const svg = page.getByTestId('themes-svg');
    const summaryId = await svg.getAttribute('aria-labelledby');
    expect(await page.locator(`[id="${summaryId}"]`).textContent()).toContain(`${registerTotal} palvelutarvetta`);

    // Needs by theme and status: every theme row adds up to its total; by status each need counts once, so the
    // footer adds up to the register's total, and no theme has more needs than the register.
    const figures = await themeFigures(page);
    expect(figures.rows.length).toBeGreaterThan(3);
    for (const cells of figures.rows) {
      const total = cells.at(-1)!;
      expect(cells.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(total);
      expect(total).toBeLessThanOrEqual(registerTotal);
    }
    expect(figures.byStatus.reduce((a, b) => a + b, 0)).toBe(registerTotal);
    expect(figures.total).toBe(registerTotal);
    expect(num(await page.locator('[data-kpi=needs] .yp-kpi__value').textContent())).toBe(registerTotal);

    // The tile map: 22 municipalities, each a link to its needs in the register.
    const tiles = page.getByTestId('tile-map').locator('a');
    expect(await tiles.count()).toBe(22);
    expect(await page.getByTestId('tile-map').locator('a[data-code="179"]').getAttribute('href')).toMatch(
      /^\/needs\?municipality=/,
    );

    // Suppressed estimates are words, never small numbers.
    const residentCells = await page.getByTestId('municipalities-table').locator('tbody td:last-child').allTextContents();
    const numbers = residentCells.map(num).filter((n) => !Number.isNaN(n));
    expect(numbers.filter((n) => n < 5)).toEqual([]);

    // The footnote on suppressed estimates stands under exactly the charts whose figures hide one.
    const notes: Record<string, [boolean, boolean]> = {};
    for (const chart of ['municipalities', 'actions', 'resolution']) {
      const card = page.getByTestId(`chart-${chart}`);
      const hides = (await card.locator('[data-suppressed]').count()) > 0;
      const noted = (await card.getByText('arvio on alle 5 asukasta', { exact: false }).count()) > 0;
      notes[chart] = [hides, noted];
    }
    expect(Object.entries(notes).filter(([, [hides, noted]]) => hides !== noted)).toEqual([]);
    // The demo region has small estimates somewhere, so the note's presence is tested too, not only its absence.
    expect(Object.values(notes).some(([hides]) => hides)).toBe(true);
  });

  it('has no serious accessibility violations with the tables open', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('filters every chart by a municipality, in the URL', async () => {
    const api = await apiAs(suite.server.url, 'jyvaskyla@demo.local');
    const { serviceNeeds } = await api<{ serviceNeeds: { totalCount: number } }>(
      'query ($f: ServiceNeedFilter) { serviceNeeds(filter: $f, first: 1) { totalCount } }',
      { f: { municipalityIds: [laukaa.id] } },
    );
    expect(serviceNeeds.totalCount).toBeLessThan(registerTotal);

    await choose(page, page.getByTestId('dash-filter-municipality'), { value: laukaa.id });
    await page.waitForURL(new RegExp(`municipality=${laukaa.id}`));
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid=all-needs-total]')?.textContent?.replace(/\s/g, '') === String(expected),
      serviceNeeds.totalCount,
    );
    const figures = await themeFigures(page);
    expect(figures.total).toBe(serviceNeeds.totalCount);
    expect(figures.byStatus.reduce((a, b) => a + b, 0)).toBe(serviceNeeds.totalCount);
    expect(await page.getByTestId('summary-themes').textContent()).toContain(`${serviceNeeds.totalCount} palvelutarvetta`);
    // The chosen municipality is marked on the map, and the export link carries the filter.
    expect(await page.getByTestId('tile-map').locator('a[data-code="410"]').getAttribute('aria-current')).toBe('true');
    expect(await page.getByTestId('export-csv').getAttribute('href')).toContain(`municipality=${laukaa.id}`);

    // The URL is the view: opening it again shows the same figures.
    await page.goto(page.url());
    await page.getByTestId('themes-svg').waitFor();
    expect((await themeFigures(page)).total).toBe(serviceNeeds.totalCount);
  });

  it('downloads the filtered needs as CSV with the expected header row', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^service-needs-.*\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = text.split(/\r?\n/).filter(Boolean);
    expect(header!.split(';').slice(0, 3)).toEqual(['Tunniste', 'Otsikko', 'Tila']);
    expect(header).toContain('Kuntanumerot;Kunnat');
    const { serviceNeeds } = await (
      await apiAs(suite.server.url, 'jyvaskyla@demo.local')
    )<{ serviceNeeds: { totalCount: number } }>(
      'query ($f: ServiceNeedFilter) { serviceNeeds(filter: $f, first: 1) { totalCount } }',
      { f: { municipalityIds: [laukaa.id] } },
    );
    // One line per need (a summary with a line break is quoted, so count the ids).
    expect(lines.filter((l) => /^[0-9a-f-]{36};/.test(l)).length).toBe(serviceNeeds.totalCount);
  });

  it('offers the register view as CSV and Excel, with the register filters', async () => {
    await page.goto(`${suite.server.url}/needs?status=AGREED&q=tuki`);
    const csv = page.getByTestId('export-csv');
    await csv.waitFor();
    const href = (await csv.getAttribute('href'))!;
    expect(href).toMatch(/^\/export\/service-needs\.csv\?/);
    expect(href).toContain('status=AGREED');
    expect(href).toContain('text=tuki');
    expect(await page.getByTestId('export-xlsx').getAttribute('href')).toMatch(/^\/export\/service-needs\.xlsx\?status=AGREED/);
  });
});

describe('the dashboard on a phone', () => {
  it('does not scroll sideways at 390 px, writes counts in the right number and the update time as a time', async () => {
    const browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    browsers.push(browser);
    const page = browser.page;
    await login(page, suite.server.url, 'jyvaskyla@demo.local');
    await page.goto(`${suite.server.url}/dashboard`);
    await page.getByTestId('kpis').waitFor();
    await page.locator('.yp-dash__updated', { hasText: 'Päivitetty klo ' }).waitFor();
    await page.locator('.yp-indicator').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const hint = plainSpaces((await page.getByTestId('kpis').textContent()) ?? '');
    const count = Number(/(\d+) ratkaistu/.exec(hint)?.[1]);
    expect(hint).toContain(count === 1 ? '1 ratkaistu tarve' : `${count} ratkaistua tarvetta`);
  });
});

describe('importing indicators', () => {
  it('imports a pasted CSV, reports skipped lines with reasons, and has no serious accessibility violations', async () => {
    const admin = await signedIn('admin@demo.local');
    await admin.goto(`${suite.server.url}/dashboard`);
    await admin.getByTestId('indicator-import-link').click();
    await admin.waitForURL(/\/indicators\/import$/);
    await admin.getByTestId('import-form').waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);

    await admin.getByTestId('import-submit').click();
    await admin.getByText('Liitä CSV-sisältö tai valitse tiedosto.').waitFor();

    const csv = [
      'Indikaattori ID;Indikaattori;Alue ID;Alue;Aluetyyppi;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo',
      '990001;E2E-testi-indikaattori;179;Jyväskylä;kunta;2023;yhteensä;12,5;',
      '990001;E2E-testi-indikaattori;410;Laukaa;kunta;2023;yhteensä;11,0;',
      '990001;E2E-testi-indikaattori;999;Tuntematon;kunta;2023;yhteensä;1,0;',
    ].join('\n');
    await admin.getByTestId('import-csv').fill(csv);
    await admin.getByTestId('import-submit').click();
    const result = admin.getByTestId('import-result');
    await result.waitFor();
    expect(await result.getByTestId('import-imported').textContent()).toContain('2 arvoa');
    expect(await result.textContent()).toContain('E2E-testi-indikaattori');
    const skipped = result.getByTestId('import-skipped').locator('tbody tr');
    expect(await skipped.count()).toBe(1);
    expect(await skipped.first().locator('th').textContent()).toBe('4');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    // The new indicator shows on the dashboard for Jyväskylä.
    await admin.goto(`${suite.server.url}/dashboard?parties=${encodeURIComponent(await partyId('179'))}`);
    await admin.getByTestId('chart-indicator-990001').waitFor();
    expect(await admin.getByTestId('summary-indicator-990001').textContent()).toContain('12,5');
  });

  it('tells others that only the secretariat imports', async () => {
    const page = await signedIn('laukaa@demo.local');
    await page.goto(`${suite.server.url}/indicators/import`);
    await page.getByTestId('import-forbidden').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

async function partyId(code: string): Promise<string> {
  const api = await apiAs(suite.server.url, 'admin@demo.local');
  const { parties } = await api<{ parties: { id: string; code: string | null }[] }>('{ parties { id code } }');
  return parties.find((p) => p.code === code)!.id;
}
