import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();

describe('profile page', () => {
  it('opens from the name in the header, ends another session, refuses a wrong or weak password and changes it, without serious accessibility violations', async () => {
    const page = await suite.signedIn('laukaa@demo.local', { landing: '/' });
    // Two more sessions of the same person (other devices): one is ended on the page, the other by the change.
    const others = [await apiAs(suite.server.url, 'laukaa@demo.local'), await apiAs(suite.server.url, 'laukaa@demo.local')];
    await page.getByTestId('user-name').click();
    await page.getByRole('heading', { level: 1, name: 'Oma profiili' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/profile');

    const sessions = page.getByTestId('session');
    await page.locator('[data-testid="session"][data-current="true"]').waitFor();
    expect(await page.locator('[data-testid="session"][data-current="true"]').innerText()).toContain('Tämä istunto');
    const before = await sessions.count();
    expect(before).toBeGreaterThanOrEqual(3);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page
      .locator('[data-testid="session"][data-current="false"]')
      .first()
      .getByRole('button', { name: 'Päätä istunto' })
      .click();
    await page.getByTestId('profile-status').getByText('Istunto päätetty.').waitFor();
    await expect.poll(() => sessions.count(), { timeout: 10_000 }).toBe(before - 1);

    await page.locator('#current-password').fill('not the password');
    await page.locator('#new-password').fill('lyhyt');
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await page.getByText('Salasanassa on oltava vähintään 12 merkkiä.').waitFor();

    await page.locator('#new-password').fill('Laukaan uusi pitkä salasana');
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await page.getByText('Nykyinen salasana on väärä.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('#current-password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await page.getByTestId('profile-status').getByText('Salasana vaihdettu. Muut istuntosi päätettiin.').waitFor();
    await expect.poll(() => sessions.count(), { timeout: 10_000 }).toBe(1);
    // The other devices' sessions have ended.
    for (const other of others) await expect(other('{ me { id } }')).rejects.toThrow();
  }, 120_000);
});
