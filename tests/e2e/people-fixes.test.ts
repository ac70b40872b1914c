import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, launchBrowser, sentOperations } from './helpers.js';

// Defects an outside tester found on the people page and the invitation page.
const suite = e2eSuite();

const INVITE = 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link } }';

/** What has focus: its id, its data-action and whether it is inside `selector`. */
function focused(page: Page, selector = 'body') {
  return page.evaluate((inside) => {
    const el = document.activeElement;
    return {
      id: el?.id ?? '',
      tag: el?.tagName ?? '',
      action: el?.getAttribute('data-action') ?? '',
      inside: Boolean(el && el !== document.body && document.querySelector(inside)?.contains(el)),
    };
  }, selector);
}

/** A new invitation made over the API by the demo secretariat; the link on this test server. */
async function invitation(input: Record<string, unknown>): Promise<string> {
  const api = await apiAs(suite.server.url, 'admin@demo.local');
  const email = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 7)}@example.fi`;
  const { inviteUser } = await api<{ inviteUser: { link: string } }>(INVITE, {
    input: { email, displayName: 'Kaisa Kutsuttu', roles: ['ANALYST'], ...input },
  });
  return inviteUser.link.replace(/^https?:\/\/[^/]+/, suite.server.url);
}

describe('the invite form and a party representative', () => {
  it('starts with no role ticked; the representative role without a party is refused beside the party field before sending', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/people' });
    const form = page.getByTestId('invite-form');
    await form.waitFor();
    const invites = sentOperations(page, 'InviteUser');
    for (const role of ['SECRETARIAT', 'PARTY_REPRESENTATIVE', 'ANALYST'])
      expect(await page.locator(`#invite-roles-${role}`).isChecked(), role).toBe(false);
    await form.getByText('Pakollinen osapuolen edustajalle ja toimielinten jäsenelle.').waitFor();

    await page.locator('#invite-email').fill(`edustaja.${Date.now().toString(36)}@example.fi`);
    await page.locator('#invite-name').fill('Osapuoleton Edustaja');
    await form.getByText('Osapuolen edustaja', { exact: true }).click();
    expect(await page.locator('#invite-roles-PARTY_REPRESENTATIVE').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Kutsu', exact: true }).click();
    await form.getByText('Valitse osapuoli, jota henkilö edustaa: osapuolen edustajan oikeudet tulevat osapuolelta.').waitFor();
    // The keyboard lands on the party field, and nothing was sent.
    await expect.poll(async () => (await focused(page, '[data-testid="invite-party"], #invite-party')).inside).toBe(true);
    expect(invites).toEqual([]);

    await choose(page, page.getByTestId('invite-party'), { label: 'Jyväskylä' });
    await form.getByRole('button', { name: 'Kutsu', exact: true }).click();
    await page.getByTestId('one-time-link').waitFor();
    expect(invites).toHaveLength(1);
  }, 90_000);
});

describe('the invitation page', () => {
  it("opens in the invitation's language, the language switch still works, and a weak password is refused with the reason in the page's language", async () => {
    const link = await invitation({ language: 'sv' });
    const browser = await launchBrowser();
    suite.browsers.push(browser);
    const { page } = browser;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Ange lösenord' }).waitFor();
    await page.getByText('Välkommen till Yhteispeli, Kaisa Kutsuttu!').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await page.locator('#invitation-password').fill('password1234');
    await page.locator('#invitation-confirm').fill('password1234');
    await page.getByRole('button', { name: 'Ange lösenord och logga in' }).click();
    await page.getByText('Lösenordet är ett vanligt lösenord med siffror eller tecken tillagda', { exact: false }).waitFor();

    await page.getByRole('button', { name: /^Svenska \(SV\)/ }).click();
    await page.getByRole('menuitem', { name: 'Suomi (FI)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aseta salasana' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
    await page
      .getByText('Salasana on yleinen salasana, jonka alkuun tai loppuun on lisätty numeroita tai merkkejä.', {
        exact: false,
      })
      .waitFor();
    // Reloaded, the reader's own choice stands over the invitation's language.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Aseta salasana' }).waitFor();

    // A browser where English was chosen before keeps English for a Swedish invitation.
    await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await page.getByRole('menuitem', { name: 'English (EN)' }).click();
    await page.goto(await invitation({ language: 'sv' }));
    await page.getByText('Welcome to Yhteispeli, Kaisa Kutsuttu!').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  }, 90_000);
});

describe('the one-time link panel', () => {
  it('gives the keyboard back when "Sulje" closes it: to the invite form after an invitation, to the card\'s button after a new link', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/people' });
    const form = page.getByTestId('invite-form');
    await form.waitFor();
    await page.locator('#invite-email').fill(`sulje.${Date.now().toString(36)}@example.fi`);
    await page.locator('#invite-name').fill('Sulkeva Käyttäjä');
    await form.getByRole('button', { name: 'Kutsu', exact: true }).click();
    const panel = page.getByTestId('one-time-link');
    await panel.getByRole('button', { name: 'Sulje' }).click();
    await form.waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('invite-heading');

    const card = page.locator('[data-testid="account"][data-email="laukaa@demo.local"]');
    await card.getByRole('button', { name: /^Uusi salasanalinkki: / }).click();
    await panel.getByRole('button', { name: 'Sulje' }).click();
    await expect
      .poll(() => focused(page, '[data-testid="account"][data-email="laukaa@demo.local"]'))
      .toMatchObject({ action: 'send-link', inside: true });
    expect((await focused(page)).tag).not.toBe('BODY');
  }, 90_000);
});
