import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, apiAs, e2eSuite, makeNeed, seriousAxeViolations } from './helpers.js';

const e2e = e2eSuite();

const commentBox = (page: Page) => page.locator('#comment-body');
const sessionEnded = (page: Page) => page.getByTestId('session-ended');

/** Signs in again on the login page the tab was sent to. */
async function signInAgain(page: Page, password = DEMO_PASSWORD): Promise<void> {
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

describe('a session that ends under an open page', () => {
  it('a password change elsewhere: the login page says the session ended, and the typed comment is back after signing in', async () => {
    const api = await apiAs(e2e.server.url, 'jyvaskyla@demo.local');
    const needId = await makeNeed(api, 'Istunnon päättyminen kesken kommentin');
    const page = await e2e.signedIn('jyvaskyla@demo.local', { landing: `/needs/${needId}` });
    await commentBox(page).fill('Kommentti, jota en ehtinyt lähettää');

    // Elsewhere (another browser, by the API) the user changes the password: the server ends the other sessions.
    await api('mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }', {
      c: DEMO_PASSWORD,
      n: 'uusi-salasana-joulukuu-2026',
    });

    await page.waitForURL((url) => url.pathname === '/login');
    await sessionEnded(page).waitFor();
    expect(await sessionEnded(page).getAttribute('role')).toBe('alert');
    expect((await sessionEnded(page).innerText()).trim()).toBe(
      'Istuntosi päättyi. Kirjaudu uudelleen. Kirjoittamasi lähettämätön teksti palautetaan, kun kirjaudut uudelleen.',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('#login-email').fill('jyvaskyla@demo.local');
    await signInAgain(page, 'uusi-salasana-joulukuu-2026');
    expect(new URL(page.url()).pathname).toBe(`/needs/${needId}`);
    await expect.poll(() => commentBox(page).inputValue()).toBe('Kommentti, jota en ehtinyt lähettää');
    // No password is ever kept.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('salasana');
    // The restored text is the page's own state: sending it sends it.
    await page.getByTestId('comment-send').click();
    await page.getByTestId('comments').getByText('Kommentti, jota en ehtinyt lähettää').waitFor();
    await expect.poll(() => commentBox(page).inputValue()).toBe('');
  });

  it('a logout in another tab: the open tab says so on the login page and keeps the typed comment', async () => {
    const api = await apiAs(e2e.server.url, 'laukaa@demo.local');
    const { parties } = await api<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const { createServiceNeed } = await api<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      {
        input: {
          title: 'Uloskirjautuminen toisessa välilehdessä',
          targetGroups: ['YOUTH'],
          themeCodes: ['YOUTH'],
          municipalityIds: [parties.find((p) => p.code === '410')!.id],
          priority: 'LOW',
        },
      },
    );
    const page = await e2e.signedIn('laukaa@demo.local', { landing: `/needs/${createServiceNeed.id}` });
    await commentBox(page).fill('Luonnos toisen välilehden uloskirjautumisen ajalta');

    const other = await page.context().newPage();
    await other.goto(`${e2e.server.url}/`);
    await other.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await other.waitForURL((url) => url.pathname === '/login');

    await page.waitForURL((url) => url.pathname === '/login');
    await sessionEnded(page).waitFor();
    expect((await sessionEnded(page).innerText()).trim()).toBe(
      'Kirjauduit ulos toisessa välilehdessä. Kirjaudu uudelleen. Kirjoittamasi lähettämätön teksti palautetaan, kun kirjaudut uudelleen.',
    );
    // The tab that signed out says nothing of the kind.
    expect(await sessionEnded(other).count()).toBe(0);
    await other.close();

    await page.locator('#login-email').fill('laukaa@demo.local');
    await signInAgain(page);
    expect(new URL(page.url()).pathname).toBe(`/needs/${createServiceNeed.id}`);
    await expect.poll(() => commentBox(page).inputValue()).toBe('Luonnos toisen välilehden uloskirjautumisen ajalta');
  });
});
