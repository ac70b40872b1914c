import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

/**
 * A shared link with a filter value the page does not know (an unknown municipality, a malformed id, a status that
 * does not exist): the page leaves it out in one place (useUrlFilters), says so politely, and never sends it to the
 * server (which answered 400 BAD_USER_INPUT and broke the register and three dashboard charts). Valid links still work.
 */
const suite = e2eSuite();
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const NOTICE = 'Linkissä oli suodatin, jonka arvoa ei tunneta. Se jätettiin pois, ja näet tiedot ilman sitä.';

let page: Page;
let laukaa = '';
/** The HTTP 400 answers the page has had since the last open(). */
let badRequests: string[] = [];

async function open(path: string): Promise<void> {
  badRequests = [];
  await page.goto(`${suite.server.url}${path}`);
}

beforeAll(async () => {
  const api = await apiAs(suite.server.url, 'jyvaskyla@demo.local');
  const { parties } = await api<{ parties: { id: string; code: string | null }[] }>('{ parties { id code } }');
  laukaa = parties.find((p) => p.code === '410')!.id;
  page = await suite.signedIn('jyvaskyla@demo.local');
  page.on('response', (r) => {
    if (r.status() === 400) badRequests.push(r.url());
  });
});

describe('the register with a shared link', () => {
  for (const municipality of ['999', UNKNOWN_ID])
    it(`leaves out an unknown municipality (${municipality}) and shows the needs`, async () => {
      await open(`/needs?municipality=${municipality}&priority=HIGH`);
      await expect.poll(() => page.getByTestId('unknown-filter-notice').textContent()).toBe(NOTICE);
      await expect.poll(() => page.getByTestId('needs-count').textContent()).toMatch(/\d/);
      await expect.poll(() => new URL(page.url()).search).toBe('?priority=HIGH');
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByTestId('filter-municipality').textContent()).toContain('Kaikki');
      expect(badRequests).toEqual([]);
    });

  it('says the same of a status that does not exist', async () => {
    await open('/needs?status=BOGUS');
    await expect.poll(() => page.getByTestId('unknown-filter-notice').textContent()).toBe(NOTICE);
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });

  it('keeps a valid shared link as it is, with no notice', async () => {
    await open(`/needs?municipality=${laukaa}&status=AGREED`);
    await expect.poll(() => page.getByTestId('needs-count').textContent()).toMatch(/\d/);
    expect(await page.getByTestId('filter-municipality').textContent()).toContain('Laukaa');
    expect(new URL(page.url()).searchParams.get('municipality')).toBe(laukaa);
    expect(await page.getByTestId('unknown-filter-notice').textContent()).toBe('');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the dashboard with a shared link', () => {
  it('leaves out an unknown municipality: every chart and key figure shows', async () => {
    await open('/dashboard?municipality=999');
    await expect.poll(() => page.getByTestId('unknown-filter-notice').textContent()).toBe(NOTICE);
    await page.getByTestId('themes-svg').waitFor();
    for (const kpi of ['needs', 'open', 'overdue', 'median'])
      await expect.poll(() => page.locator(`[data-kpi="${kpi}"] .yp-kpi__value`).textContent()).not.toBe('–');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(badRequests).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('keeps a valid municipality', async () => {
    await open(`/dashboard?municipality=${laukaa}`);
    await page.getByTestId('themes-svg').waitFor();
    expect(await page.getByTestId('dash-filter-municipality').textContent()).toContain('Laukaa');
    expect(await page.getByTestId('unknown-filter-notice').textContent()).toBe('');
  });
});

describe('other pages reading filters from the URL', () => {
  for (const path of ['/needs/actions?party=999', '/needs/matrix?theme=NOPE', '/parties?kind=NOPE'])
    it(`leave out the unknown value of ${path}`, async () => {
      await open(path);
      await expect.poll(() => page.getByTestId('unknown-filter-notice').textContent()).toBe(NOTICE);
      await expect.poll(() => new URL(page.url()).search).toBe('');
      expect(badRequests).toEqual([]);
    });

  it('say so in Swedish and English too', async () => {
    for (const [lang, text] of [
      ['sv', 'Länken hade ett filter med ett okänt värde. Det har utelämnats och du ser uppgifterna utan det.'],
      ['en', 'The link had a filter value that is not known. It was left out, and you see the information without it.'],
    ] as const) {
      await page.evaluate((l) => localStorage.setItem('yhteispeli.lang', l), lang);
      await open('/dashboard?theme=NOPE');
      await expect.poll(() => page.getByTestId('unknown-filter-notice').textContent()).toBe(text);
    }
    await page.evaluate(() => localStorage.setItem('yhteispeli.lang', 'fi'));
  });
});
