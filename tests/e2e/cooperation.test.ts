import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, seriousAxeViolations, startServer, type Browser, type E2eServer } from './helpers.js';

let server: E2eServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

async function signedIn(email: string): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  await login(browser.page, server.url, email);
  return browser.page;
}

describe('cooperation structure and the ratification round', () => {
  it('shows the four tiers as a picture and as a list that links to each body', async () => {
    const page = await signedIn('analyst@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Yhteistyörakenne' }).click();
    await page.getByTestId('structure-picture').waitFor();
    const outline = page.getByTestId('structure-outline');
    for (const name of ['Valtuustokauden strateginen foorumi', 'Kuntakokous', 'Kunnanjohtajakokous', 'Alueellinen oppilashuoltoverkosto']) {
      await expect(outline.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("moves the progress bar in one browser while Jyväskylä's representative records its decision in another", async () => {
    const watcher = await signedIn('hyvinvointialue@demo.local');
    await watcher.getByRole('navigation').getByRole('link', { name: 'Sopimukset' }).click();
    await watcher.getByRole('link', { name: 'Strateginen yhteistyösopimus' }).click();
    const summary = watcher.getByTestId('ratification-summary');
    await summary.filter({ hasText: '17/24' }).waitFor();

    const recorder = await signedIn('jyvaskyla@demo.local');
    await recorder.goto(watcher.url());
    await recorder.getByTestId('record-form').waitFor();
    await recorder.fill('input[name=decidingBody]', 'Kaupunginvaltuusto');
    await recorder.fill('input[name=section]', '89 §');
    await recorder.getByRole('button', { name: 'Kirjaa päätös' }).click();

    await summary.filter({ hasText: '18/24' }).waitFor({ timeout: 10_000 });
    expect(await summary.textContent()).toContain('5 odottaa');
    const row = watcher.locator('tr[data-party-code="179"]');
    await expect(row.textContent()).resolves.toContain('89 §');
  });
});
