import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, makeNeed, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const PHONE = { width: 390, height: 844 };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Every answer of /graphql with an HTTP error status the page gets from now on (the tester saw a 400 in the console). */
function failedApiCalls(page: Page): number[] {
  const failed: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/graphql' && response.status() >= 400) failed.push(response.status());
  });
  return failed;
}

/** The page's h1 text and the document title, once the h1 is there. */
async function headingAndTitle(page: Page): Promise<{ h1: string; title: string }> {
  const h1 = page.locator('main h1');
  await h1.waitFor();
  return { h1: (await h1.innerText()).trim(), title: await page.title() };
}

describe('a detail page whose id is malformed or names nothing', () => {
  it('/needs/not-a-uuid is the same "not found" page as an unknown id: h1, title, the page\'s words, no 400', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${UNKNOWN}` });
    const unknown = { ...(await headingAndTitle(page)), text: await page.locator('[data-error-code="NOT_FOUND"]').innerText() };
    expect(unknown).toEqual({
      h1: 'Ei löytynyt',
      title: 'Ei löytynyt – Yhteispeli',
      text: 'Tarvetta ei löydy, tai sinulla ei ole oikeutta nähdä sitä.',
    });
    const failed = failedApiCalls(page);
    await page.goto(`${suite.server.url}/needs/not-a-uuid`);
    // Before: "Osa tiedoista ei kelpaa. Korjaa merkityt kentät." with a retry button, no h1, the title "Yhteispeli".
    expect({ ...(await headingAndTitle(page)), text: await page.locator('[data-error-code="NOT_FOUND"]').innerText() }).toEqual(
      unknown,
    );
    expect(await page.locator('[data-error-code="BAD_USER_INPUT"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Yritä uudelleen' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Takaisin rekisteriin' }).count()).toBe(1);
    expect(failed).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('every detail page says "not found" with an h1 and a title, for a malformed id and an unknown one, without a 400', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/' });
    const failed = failedApiCalls(page);
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { agreements } = await api<{ agreements: { id: string }[] }>('{ agreements { id } }');
    const agreement = agreements[0]!.id;
    const paths = (id: string) => [
      `/parties/${id}`,
      `/cooperation/bodies/${id}`,
      `/agreements/${id}`,
      `/agreements/${agreement}/goals/${id}/report`,
      `/needs/${id}`,
      `/meetings/${id}`,
      `/meetings/${id}/room`,
      `/minutes/${id}`,
    ];
    const seen: Record<string, unknown> = {};
    for (const path of [...paths('not-a-uuid'), ...paths(UNKNOWN)]) {
      await page.goto(`${suite.server.url}${path}`);
      const shown = await headingAndTitle(page);
      await page.locator('[data-error-code="NOT_FOUND"]').waitFor();
      seen[path] = {
        ...shown,
        badInput: await page.locator('[data-error-code="BAD_USER_INPUT"]').count(),
        // Malformed ids are not asked for at all; unknown ones are answered (null or NOT_FOUND, with 200).
        failed: failed.splice(0),
      };
    }
    // Before: no h1 on a malformed id anywhere, nor on an unknown body, agreement, goal report, meeting or minutes.
    const expected = { h1: 'Ei löytynyt', title: 'Ei löytynyt – Yhteispeli', badInput: 0, failed: [] };
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((path) => [path, expected])));
  });
});

describe('an address that names no page', () => {
  it('/no-such-page says so (h1, title, a link home) instead of sending the visitor to the front page', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/' });
    await page.goto(`${suite.server.url}/no-such-page`);
    // Before: the address became / and the front page showed, without a word.
    expect(await headingAndTitle(page)).toEqual({ h1: 'Sivua ei löytynyt', title: 'Sivua ei löytynyt – Yhteispeli' });
    expect(new URL(page.url()).pathname).toBe('/no-such-page');
    await page.getByRole('link', { name: 'Etusivulle' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // In the other languages too.
    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitem', { name: /English/ }).click();
    await page.goto(`${suite.server.url}/no/such/page`);
    expect(await headingAndTitle(page)).toEqual({ h1: 'Page not found', title: 'Page not found – Yhteispeli' });
    expect(await page.getByRole('link', { name: 'Go to the front page' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the phone menu', () => {
  it('closes with Escape from inside it and gives the focus back to its button', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: PHONE, landing: '/' });
    const toggle = page.getByRole('button', { name: 'Valikko' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#yp-main-menu')))).toBe(true);
    await page.keyboard.press('Escape');
    // Before: aria-expanded stayed "true" and the menu open.
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#yp-main-menu').isVisible()).toBe(false);
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape on the button itself closes it too.
    await toggle.click();
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the need history', () => {
  it('writes an empty value as a word, not a struck-through dash', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const id = await makeNeed(api, 'Tyhjä kuvaus e2e');
    await api(
      'mutation ($id: ID!, $i: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: 1, input: $i) { id } }',
      {
        id,
        i: { summary: 'päivitys' },
      },
    );
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${id}` });
    const row = page.getByTestId('history').locator('.yp-timeline__diff div').filter({ hasText: 'päivitys' });
    await row.waitFor();
    // Before: "Kuvaus – → päivitys", the dash struck through (it read as "=").
    expect((await row.innerText()).replace(/\s+/g, ' ').trim()).toBe('Kuvaus (tyhjä) → päivitys');
    expect(await row.locator('del').count()).toBe(0);
  });
});

describe('the responsibility matrix at 390 px', () => {
  it('shows its caption whole, wrapped inside the table box', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: PHONE, landing: '/needs/matrix' });
    const caption = page.getByTestId('matrix').locator('caption');
    await caption.waitFor();
    const fits = () =>
      caption.evaluate((el) => {
        const box = el.closest('.yp-table-wrap')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        return { left: text.left >= box.left - 0.5, right: text.right <= box.right + 0.5 };
      });
    // Before: the caption ran on as wide as the table, cut at the box's right edge ("…terveyden edistä").
    expect(await fits()).toEqual({ left: true, right: true });
    // Scrolled sideways, it stays in view.
    await page.locator('.yp-needs-scroll').evaluate((el) => el.scrollBy(200, 0));
    expect(await fits()).toEqual({ left: true, right: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
