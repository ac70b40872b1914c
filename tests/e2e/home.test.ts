import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO_PASSWORD,
  launchBrowser,
  login,
  seriousAxeViolations,
  startServer,
  type Browser,
  type E2eServer,
} from './helpers.js';

let server: E2eServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

async function signedIn(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const browser = await launchBrowser(viewport ? { viewport } : {});
  browsers.push(browser);
  await login(browser.page, server.url, email, undefined, '/');
  return browser.page;
}

/** A need with Jyväskylä as LEAD and an action Jyväskylä owns, due long ago (so overdue whatever today is). */
async function needWithOverdueAction(title: string, actionTitle: string) {
  const admin = await apiAs(server.url, 'admin@demo.local');
  const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  const jyvaskyla = parties.find((p) => p.code === '179')!.id;
  const { createServiceNeed } = await admin<{ createServiceNeed: { id: string } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
    { input: { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [jyvaskyla] } },
  );
  await admin('mutation ($n: ID!, $p: ID!) { setResponsibility(needId: $n, partyId: $p, role: LEAD) { id } }', {
    n: createServiceNeed.id,
    p: jyvaskyla,
  });
  await admin('mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }', {
    input: { needId: createServiceNeed.id, title: actionTitle, ownerPartyId: jyvaskyla, dueDate: '2020-01-31' },
  });
  return createServiceNeed.id;
}

describe('the front page', () => {
  it("lands a representative on their party's meetings, overdue actions first, and needs they lead, without serious accessibility violations", async () => {
    const needTitle = `Etusivun testitarve ${Date.now()}`;
    const actionTitle = `Myöhässä oleva toimenpide ${Date.now()}`;
    const needId = await needWithOverdueAction(needTitle, actionTitle);
    // Signed in by hand: the front page is where sign-in lands.
    const browser = await launchBrowser();
    browsers.push(browser);
    const { page } = browser;
    await page.goto(`${server.url}/login`);
    await page.locator('#login-email').fill('jyvaskyla@demo.local');
    await page.locator('#login-password').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(`${server.url}/`);

    await page.getByRole('heading', { level: 1, name: 'Hei, Jyväskylän edustaja (demo)' }).waitFor();
    // The seeded municipal assembly meeting, which Jyväskylä's representative sits in.
    await page
      .getByTestId('home-meetings')
      .getByRole('link', { name: /^Kuntakokous/ })
      .first()
      .waitFor();

    const actions = page.getByTestId('home-actions');
    const first = actions.locator('li').first();
    await first.getByRole('link', { name: actionTitle }).waitFor();
    expect(await first.getAttribute('class')).toContain('overdue');
    expect(await first.innerText()).toContain('31.1.2020');
    expect(await first.innerText()).toContain('Myöhässä');

    const need = page.getByTestId('home-needs').getByRole('link', { name: needTitle });
    await need.waitFor();
    expect(await page.getByTestId('home-needs').locator('li').first().innerText()).toContain('Rooli: Vastuutaho');
    // The secretariat's gap count is not a representative's business.
    expect(await page.getByTestId('home-gaps').count()).toBe(0);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await need.click();
    await page.waitForURL(`${server.url}/needs/${needId}`);
  });

  it('shows the secretariat the needs without a lead, with a link to them in the register', async () => {
    const page = await signedIn('admin@demo.local');
    const gaps = page.getByTestId('home-gaps');
    await gaps.waitFor();
    expect(await gaps.innerText()).toMatch(
      /\d+ avointa tarvetta ilman vetovastuussa olevaa osapuolta|Jokaisella avoimella tarpeella/,
    );
    await gaps.getByRole('link').click();
    await page.waitForURL(/\/needs\?gaps=1$/);
    await page.getByRole('navigation', { name: 'Palvelutarpeiden näkymät' }).getByRole('link', { name: 'Rekisteri' }).waitFor();
  });

  it('greets a person with no party, invited as an analyst, with the meetings and gaps and no party sections or error', async () => {
    const admin = await apiAs(server.url, 'admin@demo.local');
    const email = `ei.osapuolta.${Date.now().toString(36)}@example.fi`;
    const { inviteUser } = await admin<{ inviteUser: { link: string } }>(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link } }',
      { input: { email, displayName: 'Anna Analyytikko', roles: ['ANALYST'], partyId: null } },
    );
    const browser = await launchBrowser();
    browsers.push(browser);
    const { page } = browser;
    await page.goto(inviteUser.link.replace(/^https?:\/\/[^/]+/, server.url));
    await page.locator('#invitation-password').fill('Kolme karhua kalliolla 3');
    await page.locator('#invitation-confirm').fill('Kolme karhua kalliolla 3');
    await page.getByRole('button', { name: 'Aseta salasana ja kirjaudu' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Hei, Anna Analyytikko' }).waitFor();
    // Before: only "Virhe – Osa tiedoista ei kelpaa. Korjaa merkityt kentät." (400, partyId: Not a valid id).
    await page.getByTestId('home-meetings').waitFor();
    await page.getByTestId('home-gaps').waitFor();
    for (const card of ['home-actions', 'home-needs', 'home-agreements'])
      expect(await page.getByTestId(card).count(), card).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The other pages of "my party" and "mine" open for them too.
    for (const [path, ready] of [
      ['/notifications', page.getByRole('heading', { level: 1, name: 'Ilmoitukset' })],
      ['/needs/actions', page.getByTestId('party-actions')],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await ready.waitFor();
      expect(await page.getByRole('alert').count(), path).toBe(0);
    }
  });

  it('keeps the main menu on one row beside the connection state on a 1366 px laptop screen', async () => {
    const page = await signedIn('admin@demo.local', { width: 1366, height: 768 });
    await page.locator('[data-connection="connected"]').waitFor();
    const menu = await page
      .getByRole('navigation', { name: 'Päävalikko' })
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
    expect(new Set(menu).size).toBe(1);
    const menuTop = menu[0]!;
    const indicator = await page.locator('.yp-connection').boundingBox();
    expect(Math.abs(indicator!.y - menuTop)).toBeLessThan(40);
  });
});
