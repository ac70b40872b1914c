import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, launchBrowser, login, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const { browsers } = suite;
const signedIn = (email: string): Promise<Page> => suite.signedIn(email);

describe('cooperation structure and the ratification round', () => {
  it('shows the four tiers as a picture and as a list that links to each body', async () => {
    const page = await signedIn('analyst@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Yhteistyörakenne' }).click();
    await page.getByTestId('structure-picture').waitFor();
    const outline = page.getByTestId('structure-outline');
    for (const name of [
      'Valtuustokauden strateginen foorumi',
      'Kuntakokous',
      'Kunnanjohtajakokous',
      'Alueellinen oppilashuoltoverkosto',
    ]) {
      await expect(outline.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("lists the municipal assembly's members by party in Finnish order, and names each end button with what it says and whose", async () => {
    const page = await signedIn('admin@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Yhteistyörakenne' }).click();
    await page.getByTestId('structure-outline').getByRole('link', { name: 'Kuntakokous', exact: true }).click();
    const captions = page.locator('table caption');
    await captions.filter({ hasText: 'Äänekoski' }).waitFor();
    const parties = (await captions.allInnerTexts()).map((c) => c.trim());
    const at = (party: string) => parties.indexOf(party);
    // Before: a sort without the language put Äänekoski first and Jämsä before Joutsa.
    expect(at('Äänekoski')).toBe(parties.length - 1);
    expect(at('Joutsa')).toBeLessThan(at('Jämsä'));
    const end = page.getByRole('table', { name: 'Laukaa' }).getByRole('button', { name: /^Päätä jäsenyys: / });
    // Before: "Päättymispäivä henkilölle …", a name without the words the button shows (WCAG 2.5.3).
    expect(await end.first().getAttribute('aria-label')).toBe('Päätä jäsenyys: Ilkka Kuvitteellinen (demo)');
  });

  it("names a negotiation's many parties behind their count, not a bare number", async () => {
    const page = await signedIn('analyst@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Sopimukset' }).click();
    const row = page.getByTestId('negotiations-table').getByRole('row').filter({ hasText: 'Sydämellä' });
    // Before: the party cell read "24".
    const count = row.getByText('24 osapuolta', { exact: true });
    await count.waitFor();
    expect(await row.getByText('Jyväskylä', { exact: false }).isVisible()).toBe(false);
    await count.click();
    expect(await row.locator('details').innerText()).toContain('Jyväskylä');
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
    // The form starts with no decision date (recordStart.ts): the decision's own date is typed.
    await recorder.fill('input[name=decisionDate]', '3.11.2025');
    await recorder.fill('input[name=section]', '89 §');
    await recorder.getByRole('button', { name: 'Kirjaa päätös' }).click();

    await summary.filter({ hasText: '18/24' }).waitFor({ timeout: 10_000 });
    expect(await summary.textContent()).toContain('5 odottaa');
    const row = watcher.locator('tr[data-party-code="179"]');
    await expect(row.textContent()).resolves.toContain('89 §');
  });

  it('lays the ratification form across its card at 1366 px, with date fields that carry no format hint', async () => {
    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/agreements`);
    await page.getByRole('link', { name: 'Strateginen yhteistyösopimus' }).click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    for (const field of [
      '#record-partyId_button',
      'input[name=decidingBody]',
      'input[name=decisionDate]',
      'input[name=section]',
      '#record-outcome_button',
    ]) {
      const box = await form.locator(field).boundingBox();
      expect(box?.width, field).toBeGreaterThanOrEqual(300);
    }
    expect(await form.textContent()).not.toMatch(/vvvv|pp\)/);
    // A section's kind is not repeated in brackets after a heading that already says it.
    const headings = await page.getByTestId('agreement-sections').locator('h3').allTextContents();
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(heading).not.toMatch(/\(/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('does not scroll sideways on a 390 px phone on a body page or the agreements', async () => {
    const browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    browsers.push(browser);
    const page = browser.page;
    await login(page, suite.server.url, 'admin@demo.local');
    await page.goto(`${suite.server.url}/cooperation`);
    await page
      .getByTestId('structure-outline')
      .getByRole('link', { name: 'Valtuustokauden strateginen foorumi', exact: true })
      .click();
    await page.getByTestId('members').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${suite.server.url}/agreements`);
    await page.getByTestId('agreements-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
