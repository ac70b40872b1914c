import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const signedIn = (email: string): Promise<Page> => suite.signedIn(email);

const NEW_NAME = 'E2E-yhteistyöverkosto';
const EDITED_NAME = 'E2E-yhteistyöverkosto (muokattu)';
let bodyPath = '';

describe('the secretariat edits the cooperation structure', () => {
  it('creates a body under the municipal assembly and sees it in the structure', async () => {
    const page = await signedIn('admin@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Yhteistyörakenne' }).click();
    const outline = page.getByTestId('structure-outline');
    await outline.waitFor();
    await page.getByRole('button', { name: 'Uusi elin' }).click();
    const form = page.getByTestId('body-new');
    await form.getByLabel('Nimi suomeksi').fill(NEW_NAME);
    await form.getByLabel(/Nimi ruotsiksi/).fill('E2E-samarbetsnätverk');
    await choose(page, form.locator('[id$="-tier_button"]'), { value: 'OPERATIONAL' });
    await choose(page, form.locator('[id$="-level_button"]'), { value: '4' });
    await choose(page, form.locator('[id$="-cadence_button"]'), { value: 'QUARTERLY' });
    await choose(page, form.locator('[id$="-parentId_button"]'), { label: 'Kuntakokous' });
    await form.locator('input[name=themeCodes]').first().check();
    await form.getByLabel(/Tehtävä/).fill('Testaa rakenteen muokkausta.');
    await form.getByRole('button', { name: 'Luo elin' }).click();
    await page
      .getByTestId('body-new-status')
      .filter({ hasText: `Elin luotu: ${NEW_NAME}.` })
      .waitFor();

    // In the outline the new body sits inside the municipal assembly's item.
    const assembly = outline.locator('xpath=.//li[a[normalize-space(.)="Kuntakokous"]]');
    const link = assembly.getByRole('link', { name: NEW_NAME, exact: true });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: NEW_NAME }).waitFor();
    bodyPath = new URL(page.url()).pathname;
    expect(await page.getByText('Kuntakokous', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('edits the body, says a conflict in words, and the open form passes axe', async () => {
    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}${bodyPath}`);
    await page.getByRole('heading', { level: 1, name: NEW_NAME }).waitFor();
    await page.getByRole('button', { name: 'Muokkaa elintä' }).click();
    const form = page.getByTestId('body-edit');
    await expect(form.getByLabel('Nimi suomeksi').inputValue()).resolves.toBe(NEW_NAME);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Someone else saves first (version 1 → 2).
    const id = decodeURIComponent(bodyPath.split('/').pop() ?? '');
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    await api(
      'mutation($id: ID!) { updateCooperationBody(id: $id, expectedVersion: 1, input: { mandate: "Toisen muutos." }) { version } }',
      { id },
    );
    await page.getByText('Toisen muutos.').waitFor();

    await form.getByLabel('Nimi suomeksi').fill(EDITED_NAME);
    await form.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await form.getByText('Joku muu muutti tietoa sillä välin. Nykyinen versio on 2.').waitFor();
    await expect(form.getByLabel('Nimi suomeksi').inputValue()).resolves.toBe(EDITED_NAME);

    // Saving again replaces the current version with the user's values.
    await choose(page, form.locator('[id$="-cadence_button"]'), { value: 'MONTHLY' });
    await form.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByTestId('body-edit-status').filter({ hasText: 'Elin on nyt versiossa 3.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: EDITED_NAME }).waitFor();
    await expect(page.locator('.yp-subtitle').textContent()).resolves.toContain('kuukausittain');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page
      .getByRole('link', { name: /Takaisin/ })
      .first()
      .click();
    await page.getByTestId('structure-outline').getByRole('link', { name: EDITED_NAME, exact: true }).waitFor();
  });

  it('shows a representative no create or edit controls', async () => {
    const page = await signedIn('jyvaskyla@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Yhteistyörakenne' }).click();
    await page.getByTestId('structure-outline').getByRole('link', { name: EDITED_NAME, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Uusi elin' }).count()).toBe(0);
    await page.getByTestId('structure-outline').getByRole('link', { name: EDITED_NAME, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: EDITED_NAME }).waitFor();
    expect(await page.getByRole('button', { name: 'Muokkaa elintä' }).count()).toBe(0);
    expect(await page.getByTestId('body-edit').count()).toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Sopimukset' }).click();
    await page.getByTestId('agreements-table').waitFor();
    expect(await page.getByRole('button', { name: 'Uusi sopimus' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Uusi neuvottelu' }).count()).toBe(0);
  });

  it('creates an agreement with every party preselected and sees it in the list', async () => {
    const page = await signedIn('admin@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Sopimukset' }).click();
    await page.getByTestId('agreements-table').waitFor();
    await page.getByRole('button', { name: 'Uusi sopimus' }).click();
    const form = page.getByTestId('agreement-new');
    await form.locator('input[name=partyIds]').first().waitFor();
    const boxes = form.locator('input[name=partyIds]');
    const total = await boxes.count();
    expect(await form.locator('input[name=partyIds]:checked').count()).toBe(total);
    await form.getByLabel('Nimi suomeksi').fill('E2E-yhteistyöpöytäkirja');
    await form.locator('input[name=validFrom]').fill('1.1.2027');
    await form.getByRole('button', { name: 'Luo sopimus' }).click();
    await page.getByTestId('agreement-new-status').filter({ hasText: 'Sopimus luotu: E2E-yhteistyöpöytäkirja.' }).waitFor();
    await page.getByTestId('agreements-table').getByRole('link', { name: 'E2E-yhteistyöpöytäkirja', exact: true }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('adds a negotiation and sees it in the negotiations table', async () => {
    const page = await signedIn('admin@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Sopimukset' }).click();
    await page.getByTestId('negotiations-table').waitFor();
    await page.getByRole('button', { name: 'Uusi neuvottelu' }).click();
    const form = page.getByTestId('negotiation-new');
    await form.locator('input[name=partyIds]').first().waitFor();
    await form.locator('input[name=title]').fill('E2E-hyteneuvottelu');
    await form.locator('input[name=year]').fill('2027');
    await form.getByRole('button', { name: 'Lisää neuvottelu' }).click();
    // The form closes with its save; the page says what was added.
    await page.getByTestId('negotiation-added').filter({ hasText: 'Neuvottelu lisätty: E2E-hyteneuvottelu.' }).waitFor();
    await page.getByTestId('negotiations-table').getByRole('rowheader', { name: 'E2E-hyteneuvottelu' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
