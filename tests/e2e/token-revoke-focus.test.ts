import { describe, expect, it } from 'vitest';
import { e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();

describe('revoking an API token', () => {
  it('moves the focus to the list’s heading and hides the secret of the token just revoked', async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: '/api-tokens' });
    await page.locator('#token-name').fill('Power BI e2e');
    await page.getByRole('button', { name: 'Luo lukuavain' }).click();
    const panel = page.getByTestId('new-token');
    await panel.waitFor();

    await page.getByRole('button', { name: 'Poista avain Power BI e2e käytöstä' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByTestId('confirm-revoke').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('token-status-message').filter({ hasText: 'on poistettu käytöstä' }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // The secret of a revoked token is no use: its panel (and its copy button) is gone, the form to create one is back.
    await panel.waitFor({ state: 'detached' });
    expect(await page.getByTestId('copy-token').count()).toBe(0);
    await page.locator('#token-name').waitFor();
    const heading = page.getByRole('heading', { name: 'Omat avaimesi' });
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement), { timeout: 5_000 }).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 120_000);
});
