import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, seriousAxeViolations, sentOperations } from './helpers.js';

const suite = e2eSuite();

/** Opens the page in `lang` (the remembered choice of the language menu). */
async function inLanguage(page: Page, lang: 'fi' | 'sv' | 'en', path: string) {
  await page.evaluate((l) => localStorage.setItem('yhteispeli.lang', l), lang);
  await page.goto(`${suite.server.url}${path}`);
}

/** The words of the page's checkbox labels that are split over two lines (a letter or more broken off). */
const splitWords = (page: Page) =>
  page.evaluate(() => {
    const split: string[] = [];
    for (const label of document.querySelectorAll('label:has(input[type="checkbox"])')) {
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) split.push(m[0]);
        }
      }
    }
    return split;
  });

describe('numbers checked in the page’s language, and words that wrap whole', () => {
  it('the need form checks the estimated residents itself in Swedish: no server round, no English', async () => {
    const page = await suite.signedIn('admin@demo.local');
    await inLanguage(page, 'sv', '/needs/new');
    const form = page.getByTestId('need-create');
    await page.getByTestId('field-title').fill('Tal i svenska');
    await form.getByTestId('field-municipalities').locator('input[type="checkbox"]').first().check();
    const sent = sentOperations(page, 'CreateServiceNeed');
    const residents = page.getByTestId('field-estimatedResidents');
    const message = page.locator('#need-create-estimatedResidents-error');
    for (const [typed, said] of [
      ['-5', 'Det minsta tillåtna värdet är 0.'],
      ['99999999999', 'Det största tillåtna värdet är 10\u00a0000\u00a0000.'],
      ['12,5', 'Ange ett heltal utan decimaler, till exempel 1200.'],
    ] as const) {
      await residents.fill(typed);
      await page.getByTestId('need-create-save').click();
      await message.getByText(said, { exact: true }).waitFor();
      // The field is marked and has the keyboard, its message read with it.
      expect(await residents.getAttribute('aria-invalid')).toBe('true');
      expect(await residents.getAttribute('aria-describedby')).toBe('need-create-estimatedResidents-error');
      expect(await residents.evaluate((el) => el === document.activeElement)).toBe(true);
    }
    expect(sent).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A refusal of the server the client has no words for reads as a Swedish sentence beside its field, not in English.
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('"operationName":"CreateServiceNeed"')) return route.fallback();
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: null,
          errors: [
            {
              message: 'Invalid input',
              extensions: { code: 'BAD_USER_INPUT', fields: { 'input.legalBasis': 'Must cite a section of law' } },
            },
          ],
        }),
      });
    });
    await residents.fill('1 200');
    await page.getByTestId('need-create-save').click();
    const legal = page.locator('#need-create-legalBasis-error');
    await legal.getByText('Servern godtog inte det här värdet. Kontrollera det och försök igen.', { exact: true }).waitFor();
    expect(await legal.innerText()).not.toContain('Must cite');
    expect(await message.count()).toBe(0);
    await page.unroute('**/graphql');

    // A whole number, grouped as Swedish writes it, is saved.
    await page.getByTestId('need-create-save').click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('need-residents').innerText()).toMatch(/^1\s200$/);
  }, 120_000);

  it('the need form’s checkbox labels wrap between words in Swedish, Finnish and English, on a wide screen and a phone', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await suite.signedIn('admin@demo.local', { viewport });
      for (const lang of ['sv', 'fi', 'en'] as const) {
        await inLanguage(page, lang, '/needs/new');
        await page.getByTestId('field-themes').locator('label').first().waitFor();
        await page.getByTestId('field-otherParties').locator('label').first().waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect({ lang, width: viewport.width, split: await splitWords(page) }).toEqual({
          lang,
          width: viewport.width,
          split: [],
        });
      }
    }
  }, 120_000);
});
