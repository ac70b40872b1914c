import { describe, expect, it } from 'vitest';
import { choose, launchBrowser, screenshotTo, seriousAxeViolations, e2eSuite } from './helpers.js';

// Single sign-on configured with a provider that is not there: the login page offers the button, and
// following it comes back with the failure explained (the full flow is tested in tests/integration/oidc.test.ts).
// Given to this file's server only: e2e files share one process, and the ones after this must not get it.
const suite = e2eSuite({
  env: { OIDC_ISSUER: 'http://127.0.0.1:9/no-provider', OIDC_CLIENT_ID: 'yhteispeli', OIDC_CLIENT_SECRET: 'unused' },
});
const SHOTS = process.env.E2E_SCREENSHOTS;

describe('people and accounts', () => {
  it('the secretariat invites a representative from the people page; the representative sets a password with the link and is signed in; no serious accessibility violations', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/' });
    await page.getByRole('navigation').getByRole('link', { name: 'Henkilöt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Henkilöt ja tunnukset' }).waitFor();
    await page.getByTestId('account').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const email = `reetta.${Date.now().toString(36)}@example.fi`;
    await page.locator('#invite-name').fill('Reetta Edustaja');
    await choose(page, page.getByTestId('invite-party'), { label: 'Jyväskylä' });
    await page.getByTestId('invite-form').getByText('Osapuolen edustaja', { exact: true }).click();
    // A mistyped address: the server's refusal in the page's language, not its English.
    await page.locator('#invite-email').fill('reetta.example.fi');
    await page.locator('#invite-name').press('Enter');
    await page.getByTestId('invite-form').getByText('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.').waitFor();
    await page.locator('#invite-email').fill(email);
    // Keyboard: the form submits with Enter from a field.
    await page.locator('#invite-name').press('Enter');
    const linkPanel = page.getByTestId('one-time-link');
    await linkPanel.waitFor();
    // Focus moved to the new link's heading, so a screen reader reads it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('people-link-heading');
    const link = await page.locator('#people-link').inputValue();
    expect(link).toMatch(/\/invitation\/ypl_/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'people-link.png', { fullPage: true });

    await choose(page, page.getByTestId('filter-status'), { value: 'INVITED' });
    const invited = page.locator(`[data-testid="account"][data-email="${email}"]`);
    await invited.waitFor();
    expect(await invited.innerText()).toContain('Kutsuttu');
    expect(await invited.innerText()).toMatch(/Kutsu voimassa .* asti/);
    expect(new URL(page.url()).searchParams.get('status')).toBe('INVITED');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'people-list.png', { fullPage: true });

    // The representative opens the link in their own browser.
    const rep = await launchBrowser();
    suite.browsers.push(rep);
    await rep.page.goto(link.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await rep.page.getByText('Tervetuloa Yhteispeliin, Reetta Edustaja!').waitFor();
    expect(await seriousAxeViolations(rep.page)).toEqual([]);
    await rep.page.locator('#invitation-password').fill('lyhyt');
    await rep.page.locator('#invitation-confirm').fill('lyhyt');
    await rep.page.getByRole('button', { name: 'Aseta salasana ja kirjaudu' }).click();
    await rep.page.getByText('Salasanassa on oltava vähintään 12 merkkiä.').waitFor();
    await rep.page.locator('#invitation-password').fill('Reetan oma pitkä salasana');
    await rep.page.locator('#invitation-confirm').fill('Reetan oma pitkä salasana');
    await rep.page.getByRole('button', { name: 'Aseta salasana ja kirjaudu' }).click();
    await rep.page.waitForURL((url) => url.pathname === '/');
    await rep.page.getByTestId('user-name').getByText('Reetta Edustaja').waitFor();

    // Used once: the same link now says so.
    await rep.page.goto(link.replace(/^https?:\/\/[^/]+/, suite.server.url));
    await rep.page.locator('[data-testid="link-refused"][data-reason="USED"]').waitFor();
    expect(await seriousAxeViolations(rep.page)).toEqual([]);

    // Back on the people page the account is active; the secretariat deactivates it and its browser is signed out.
    await choose(page, page.getByTestId('filter-status'), { value: 'ACTIVE' });
    const active = page.locator(`[data-testid="account"][data-email="${email}"][data-status="ACTIVE"]`);
    await active.waitFor();
    await active.getByRole('button', { name: 'Poista käytöstä' }).click();
    await active.getByTestId('deactivate-confirm').getByRole('button', { name: 'Poista käytöstä', exact: true }).click();
    await page.getByTestId('people-status').getByText('Reetta Edustaja poistettiin käytöstä.', { exact: false }).waitFor();
    await rep.page.goto(`${suite.server.url}/`);
    await rep.page.waitForURL((url) => url.pathname === '/login');
  }, 180_000);

  it("names each card's buttons by the person they act on, so a list of buttons tells them apart", async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/people' });
    const cards = page.getByTestId('account');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      const who = await card.locator('h3').evaluate((h) => h.firstChild?.textContent?.trim() ?? '');
      await card.getByRole('button', { name: `Muuta rooleja: ${who}`, exact: true }).waitFor();
    }
    // The same action on every card: one name each.
    const names = async (action: string) => {
      const buttons = page.getByRole('button', { name: new RegExp(`^${action}`) });
      return buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent));
    };
    for (const action of ['Muuta rooleja', 'Poista käytöstä']) {
      const shown = await names(action);
      expect(shown.length).toBeGreaterThan(1);
      expect(new Set(shown).size).toBe(shown.length);
    }
  });

  it('takes the keyboard into the role editor when it opens and back to its button when it closes', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/people' });
    const card = page.locator('[data-testid="account"][data-email="laukaa@demo.local"]');
    const open = card.getByRole('button', { name: /^Muuta rooleja: / });
    await open.click();
    // Before: the button was replaced by the form and the focus fell to the page's start.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('checkbox');
    expect(await card.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await card.getByRole('button', { name: 'Peruuta' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('edit-roles');
    expect(await card.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  });

  it('keeps the people page for the secretariat: a representative has no link to it and is refused', async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: '/' });
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Henkilöt' }).count()).toBe(0);
    await page.goto(`${suite.server.url}/people`);
    await page.getByRole('heading', { level: 1, name: 'Henkilöt ja tunnukset' }).waitFor();
    await page.getByTestId('people-secretariat-only').waitFor();
    expect(await page.getByTestId('account').count()).toBe(0);
    // No invitation form the server would refuse, and no refusal shown for it.
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  }, 60_000);

  it('offers the organisation sign-in on the login page and explains a failure; no serious accessibility violations', async () => {
    const browser = await launchBrowser();
    suite.browsers.push(browser);
    const { page } = browser;
    await page.goto(`${suite.server.url}/login`);
    const sso = page.getByTestId('sso-button');
    await sso.waitFor();
    expect(await sso.innerText()).toBe('Kirjaudu organisaation tunnuksilla');
    await sso.click();
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('sso') === 'failed');
    await page
      .getByTestId('sso-problem')
      .getByText('Kirjautuminen organisaation tunnuksilla epäonnistui.', { exact: false })
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'login-sso.png', { fullPage: true });
  }, 60_000);
});
