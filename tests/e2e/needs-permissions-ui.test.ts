import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, makeNeed, optionsOf } from './helpers.js';

// The need page offers only what the server allows (NeedPermissions' parties and roles), and says who does the rest;
// the table pages fit a 390 px phone, a table's visually hidden text staying inside its scroll box.

const suite = e2eSuite();

describe('the need page of a need the representative recorded', () => {
  it("offers only the representative's own party and roles the server accepts, and says who names the lead", async () => {
    const api = await apiAs(suite.server.url, 'jyvaskyla@demo.local');
    const needId = await makeNeed(api, 'E2E edustajan kirjaama tarve');
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/needs/${needId}` });

    const party = page.locator('[id="responsibility-party_button"]');
    await party.waitFor();
    expect(await optionsOf(page, party)).toEqual(['Jyväskylä']);
    const role = page.locator('[id="responsibility-role_button"]');
    expect(await optionsOf(page, role)).toEqual(['Osallistuja', 'Tiedonsaaja']);
    expect(await page.getByTestId('responsibility-who').innerText()).toContain('Voit kirjata oman osapuolesi osuuden');

    await choose(page, party, { label: 'Jyväskylä' });
    await page.getByRole('button', { name: 'Aseta vastuu' }).click();
    await page.getByRole('status').filter({ hasText: 'Vastuu tallennettu' }).waitFor();
    expect(await page.locator('[data-testid=responsibilities] th[scope=row]').allTextContents()).toEqual(['Jyväskylä']);
    expect(await page.getByText('Sinulla ei ole oikeutta tähän toimintoon').count()).toBe(0);

    expect(await optionsOf(page, page.locator('[id="action-owner_button"]'))).toEqual(['Jyväskylä']);
    expect(await page.getByTestId('need-who-names-lead').innerText()).toContain('Vastuutahon nimeää sihteeristö.');
  });
});

describe('the table pages on a 390 px phone', () => {
  it('never scroll sideways, the tokens page with a token included', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    await admin('mutation { createApiToken(name: "E2E kapea näyttö", scopes: [READ]) { token } }');
    const page = await suite.signedIn('admin@demo.local', { viewport: { width: 390, height: 844 } });
    await page.goto(`${suite.server.url}/api-tokens`);
    await page.getByText('E2E kapea näyttö').first().waitFor();
    const widths: { path: string; width: number }[] = [];
    for (const path of [
      '/api-tokens',
      '/needs',
      '/needs/actions',
      '/needs/matrix?theme=STUDENT_WELFARE',
      '/audit',
      '/dashboard',
    ]) {
      await page.goto(`${suite.server.url}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      // Each page has its table in the document (the dashboard's may sit in a closed details).
      expect({ path, tables: (await page.locator('main table').count()) > 0 }).toEqual({ path, tables: true });
      widths.push({ path, width: await page.evaluate(() => document.documentElement.scrollWidth) });
    }
    expect(widths).toEqual(widths.map(({ path }) => ({ path, width: 390 })));
  });
});
