import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, plainSpaces, seriousAxeViolations, startServer, type Browser, type E2eServer } from './helpers.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('signing in and the party list', () => {
  it('an anonymous visitor of the party list is sent to the login page, which has no serious accessibility violations', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/parties`);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a wrong password is explained in words next to the form', async () => {
    const { page } = browser;
    await page.locator('#login-email').fill('admin@demo.local');
    await page.locator('#login-password').fill('not-the-password');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    const alert = page.locator('[data-error-code="UNAUTHENTICATED"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Sähköpostiosoite tai salasana on väärin');
  });

  it('the admin sees all 24 parties, Jyväskylä with code 179 and its newest population 141 125 (31.12.2024)', async () => {
    const { page } = browser;
    await login(page, server.url, 'admin@demo.local');
    const rows = page.locator('[data-testid="party-table"] tbody tr');
    await rows.nth(23).waitFor();
    expect(await rows.count()).toBe(24);

    const jyvaskyla = rows.filter({ has: page.getByRole('rowheader', { name: 'Jyväskylä', exact: true }) });
    expect(await jyvaskyla.locator('td').first().innerText()).toBe('179');
    expect(plainSpaces(await jyvaskyla.locator('[data-testid="population"]').innerText())).toContain('141 125');
    expect(plainSpaces(await jyvaskyla.locator('[data-testid="population"]').innerText())).toContain('31.12.2024');
    expect(plainSpaces(await page.getByTestId('population-total').innerText())).toBe('268 255');
    await expect.poll(() => page.getByTestId('user-name').innerText()).not.toBe('');
  });

  it('the party list has no serious accessibility violations', async () => {
    expect(await seriousAxeViolations(browser.page)).toEqual([]);
  });

  it('the list filters by text and by kind', async () => {
    const { page } = browser;
    const rows = page.locator('[data-testid="party-table"] tbody tr');
    await page.locator('#party-filter-text').fill('jyvaskyla');
    await expect.poll(() => rows.count()).toBe(1);
    await page.locator('#party-filter-text').fill('');
    await expect.poll(() => rows.count()).toBe(24);
    await page.locator('#party-filter-kind').click();
    await page.getByRole('option', { name: 'Hyvinvointialue' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Keski-Suomen hyvinvointialue');
    await page.getByRole('button', { name: 'Tyhjennä rajaukset' }).click();
    await expect.poll(() => rows.count()).toBe(24);
  });

  it('the party page shows the details and figures and has no serious accessibility violations', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Jyväskylä', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Jyväskylä' }).waitFor();
    expect(await page.getByTestId('detail-code').innerText()).toContain('179');
    expect(plainSpaces(await page.getByTestId('population-table').innerText())).toContain('143 420');
    await page.getByTestId('party-edit').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a value the server refuses is explained next to its field', async () => {
    const { page } = browser;
    await page.locator('#edit-subRegion').fill('x'.repeat(101));
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    const field = page.locator('.fi-text-input', { has: page.locator('#edit-subRegion') });
    await field.getByText('Enintään 100 merkkiä.').waitFor();
    expect(await page.locator('#edit-subRegion').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Peru muutokset' }).click();
  });

  it('the language menu switches the UI to Swedish and to English and remembers the choice', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Osapuolet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Osapuolet' }).waitFor();

    await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Parter' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await page.getByRole('columnheader', { name: 'Invånarantal' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Logga ut' }).count()).toBe(1);

    await page.getByRole('button', { name: /^Svenska \(SV\)/ }).click();
    await page.getByRole('menuitem', { name: 'English (EN)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Parties' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const jyvaskyla = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Jyväskylä', exact: true }) });
    expect(await jyvaskyla.locator('[data-testid="population"]').innerText()).toContain('141,125');
    expect(await page.getByText('Wellbeing Services County of Central Finland').count()).toBe(1);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Parties' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('logging out returns to the login page and the list is no longer reachable', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.goto(`${server.url}/parties`);
    await page.waitForURL(/\/login$/);
    expect(browser.errors).toEqual([]);
  });
});
