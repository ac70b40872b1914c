import { describe, expect, it } from 'vitest';
import {
  accountStatusOn,
  apiAs,
  e2eSuite,
  focused,
  launchBrowser,
  plainSpaces,
  screenshotTo,
  seriousAxeViolations,
} from './helpers.js';

// An outside tester: a person invited by mistake could not be uninvited; the pending link went on working.
const suite = e2eSuite();
const SHOTS = process.env.E2E_SCREENSHOTS;
const ADMIN = 'admin@demo.local';
const PASSWORD = 'Kaisan oma pitkä salasana';

/** An account's status as the secretariat's API sees it. */
const statusOf = (email: string) => accountStatusOn(suite.server.url, email);

const uniqueEmail = (who: string) => `${who}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 6)}@example.fi`;
const onThisServer = (link: string) => link.replace(/^https?:\/\/[^/]+/, suite.server.url);

describe('cancelling an invitation on the people page', () => {
  it('"Peru kutsu" asks first ("Älä peru" keeps it), then the link stops working, the card shows the account deactivated and the keyboard goes to "Ota käyttöön"', async () => {
    const page = await suite.signedIn(ADMIN, { landing: '/people' });
    const email = uniqueEmail('kaisa');
    await page.locator('#invite-email').fill(email);
    await page.locator('#invite-name').fill('Kaisa Kutsuttu');
    await page.getByTestId('invite-form').getByText('Analyytikko', { exact: true }).click();
    await page.locator('#invite-name').press('Enter');
    await page.getByTestId('one-time-link').waitFor();
    const link = onThisServer(await page.locator('#people-link').inputValue());
    await page.getByTestId('one-time-link').getByRole('button', { name: 'Sulje' }).click();

    const card = page.locator(`[data-testid="account"][data-email="${email}"]`);
    // An invitation is cancelled, not deactivated: the card offers that, named by whose it is.
    const cancel = card.getByRole('button', { name: 'Peru kutsu: Kaisa Kutsuttu', exact: true });
    expect(await card.getByRole('button', { name: /^Poista käytöstä/ }).count()).toBe(0);
    await cancel.click();
    const confirm = card.getByTestId('cancel-invitation-confirm');
    await confirm.waitFor();
    expect(await cancel.getAttribute('aria-expanded')).toBe('true');
    expect(await cancel.getAttribute('aria-controls')).toBe(await confirm.getAttribute('id'));
    expect(plainSpaces(await confirm.locator('p').innerText())).toMatch(
      /^Perutaanko käyttäjän Kaisa Kutsuttu kutsu\? Kutsulinkki lakkaa toimimasta heti/,
    );
    await expect.poll(async () => (await focused(page)).question).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, card, 'people-cancel-invitation-confirm.png');

    await confirm.getByRole('button', { name: 'Älä peru', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatchObject({ action: 'cancel-invitation', card: email });
    expect(await statusOf(email)).toBe('INVITED');

    await cancel.press('Enter');
    await confirm.getByRole('button', { name: 'Peru kutsu', exact: true }).click();
    const status = page.getByTestId('people-status');
    await status
      .getByText('Käyttäjän Kaisa Kutsuttu kutsu peruttiin. Kutsulinkki ei enää toimi, ja tunnus on poistettu käytöstä.')
      .waitFor();
    expect(await status.getAttribute('role')).toBe('status');
    // The list shows it at once, without a reload: deactivated, no pending link.
    await page.locator(`[data-testid="account"][data-email="${email}"][data-status="DEACTIVATED"]`).waitFor();
    expect(await card.innerText()).not.toMatch(/Kutsu voimassa/);
    await expect.poll(() => focused(page)).toMatchObject({ action: 'reactivate', card: email });
    expect(await statusOf(email)).toBe('DEACTIVATED');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The link in the invited person's own browser: as an unknown link, and no password can be set with it.
    const invited = await launchBrowser();
    suite.browsers.push(invited);
    await invited.page.goto(link);
    const refused = invited.page.getByTestId('link-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('kutsu on peruttu');
    expect(await invited.page.locator('#invitation-password').count()).toBe(0);
    await screenshotTo(SHOTS, invited.page, 'invitation-cancelled.png', { fullPage: true });

    // Undone: reactivated, the account is invited again and the keyboard is on its "Peru kutsu".
    await page.keyboard.press('Enter');
    await status.getByText('Kaisa Kutsuttu otettiin käyttöön.').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ action: 'cancel-invitation', card: email });
    expect(await statusOf(email)).toBe('INVITED');
  }, 120_000);

  it('an invitation accepted while the question was open is not cancelled: the card says so in Swedish, shows the account active and keeps the keyboard', async () => {
    const api = await apiAs(suite.server.url, ADMIN);
    const email = uniqueEmail('sven');
    const { inviteUser } = await api<{ inviteUser: { link: string } }>(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link } }',
      { input: { email, displayName: 'Sven Snabb', roles: ['ANALYST'] } },
    );
    const page = await suite.signedIn(ADMIN, { landing: '/people' });
    await page.evaluate(() => localStorage.setItem('yhteispeli.lang', 'sv'));
    await page.reload();
    const card = page.locator(`[data-testid="account"][data-email="${email}"]`);
    await card.getByRole('button', { name: 'Återkalla inbjudan: Sven Snabb', exact: true }).click();
    const confirm = card.getByTestId('cancel-invitation-confirm');
    await confirm.waitFor();

    // Meanwhile the person sets a password with the link.
    const token = inviteUser.link.slice(inviteUser.link.lastIndexOf('/') + 1);
    const accepted = await fetch(`${suite.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($t: String!, $p: String!) { acceptAccountLink(token: $t, password: $p) { user { status } } }',
        variables: { t: token, p: PASSWORD },
      }),
    });
    expect(((await accepted.json()) as { data: { acceptAccountLink: { user: { status: string } } } }).data).toEqual({
      acceptAccountLink: { user: { status: 'ACTIVE' } },
    });

    await confirm.getByRole('button', { name: 'Återkalla inbjudan', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    const refusal = card.getByRole('alert');
    await refusal
      .getByText('Inbjudan kan inte längre återkallas: Sven Snabb har redan tagit emot den', { exact: false })
      .waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ role: 'alert', card: email });
    await page.locator(`[data-testid="account"][data-email="${email}"][data-status="ACTIVE"]`).waitFor();
    await card.getByRole('button', { name: 'Inaktivera: Sven Snabb', exact: true }).waitFor();
    expect(await statusOf(email)).toBe('ACTIVE');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, card, 'people-cancel-invitation-refused.png');
  }, 120_000);
});
