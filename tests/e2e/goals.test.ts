import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, plainSpaces, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
/** Screenshots for a person to look at, when SCREENSHOT_DIR is set. */
const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${name}.png`, fullPage: true });
};

async function strategicAgreementId(): Promise<string> {
  const api = await apiAs(suite.server.url, 'analyst@demo.local');
  const { agreements } = await api<{ agreements: { id: string; type: string }[] }>('{ agreements { id type } }');
  return agreements.find((a) => a.type === 'STRATEGIC_COOPERATION')!.id;
}

describe('goals of an agreement', () => {
  it('shows the demo goals with progress on the dashboard, in words as well as bars, without serious accessibility violations', async () => {
    const page = await suite.signedIn('analyst@demo.local', { landing: '/dashboard' });
    const panel = page.getByTestId('dash-goals');
    await panel.getByTestId('dash-goal').first().waitFor();
    expect(await panel.getByTestId('dash-goal').count()).toBeGreaterThanOrEqual(3);
    expect(plainSpaces(await panel.innerText())).toMatch(/joista mitattu 1 ja saavutettu 1/);
    await shot(page, 'dashboard-goals');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 120_000);

  it('lets the secretariat add a goal and a measure on the agreement page; another viewer sees it live; the report opens with PDF links', async () => {
    const id = await strategicAgreementId();
    const viewer = await suite.signedIn('jyvaskyla@demo.local', { landing: `/agreements/${id}` });
    await viewer.getByTestId('agreement-goals').getByTestId('goal').first().waitFor();
    const page = await suite.signedIn('admin@demo.local', { landing: `/agreements/${id}` });
    const goals = page.getByTestId('agreement-goals');
    await goals.getByTestId('goal').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await goals.getByTestId('goal-add').click();
    const form = page.getByTestId('goal-new');
    await form.getByRole('button', { name: 'Lisää tavoite' }).click();
    await form.getByText('Kirjoita tavoite.').waitFor();
    await form.locator('input[name="title"]').fill('Kuolleisuus laskee');
    await choose(page, form.getByTestId('goal-owner-party'), { label: 'Keski-Suomen hyvinvointialue' });
    await form.getByRole('button', { name: 'Lisää tavoite' }).click();
    await form.getByTestId('goal-new-status').getByText('Tavoite lisätty: Kuolleisuus laskee.').waitFor();
    const card = goals.getByTestId('goal').filter({ has: page.getByRole('heading', { name: 'Kuolleisuus laskee' }) });
    await card.waitFor();
    expect(await card.getByTestId('goal-progress').getAttribute('data-status')).toBe('NO_DATA');
    // The other viewer's page follows without a reload.
    await viewer.getByRole('heading', { name: 'Kuolleisuus laskee' }).waitFor();

    await card.getByTestId('measure-add').click();
    const measure = card.getByTestId('measure-new');
    await choose(page, measure.getByTestId('measure-indicator'), { label: /Kuolleisuus/ });
    await choose(page, measure.getByTestId('measure-party'), { label: 'Keski-Suomen hyvinvointialue' });
    await measure.locator('input[name="baselineYear"]').fill('2021');
    await measure.locator('input[name="targetYear"]').fill('2027');
    await measure.locator('input[name="targetValue"]').fill('kaksi');
    await measure.getByRole('button', { name: 'Lisää mittari' }).click();
    await measure.getByText('Anna luku, esimerkiksi 6,5.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await measure.locator('input[name="targetValue"]').fill('1100,0');
    await measure.getByRole('button', { name: 'Lisää mittari' }).click();
    // Baseline 1 244,5 (2021), latest 1 383,6 (2024): the wrong way, so 0 %.
    await card.getByTestId('measure-row').waitFor();
    expect(plainSpaces(await card.getByTestId('measure-progress').innerText())).toBe('0 % (kesken)');
    // Figures as recorded, decimals and all (not rounded to 1 245).
    expect(plainSpaces(await card.getByTestId('measure-row').innerText())).toContain('1 244,5');
    expect(await card.getByTestId('goal-progress').getAttribute('data-status')).toBe('IN_PROGRESS');
    await viewer.getByRole('heading', { name: 'Kuolleisuus laskee' }).locator('xpath=..').getByTestId('measure-row').waitFor();
    await shot(page, 'agreement-goals');

    await card.getByTestId('goal-report-link').click();
    await page.getByRole('heading', { level: 1, name: /Seurantaraportti \d{4}: Kuolleisuus laskee/ }).waitFor();
    await page.getByTestId('report-row').waitFor();
    expect(await page.getByTestId('report-pdf-sv').getAttribute('href')).toMatch(/\/report\.pdf\?year=\d{4}&lang=sv$/);
    await shot(page, 'goal-report');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const pdf = await page.evaluate(
      async (href) => {
        const res = await fetch(href);
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          head: new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5)),
        };
      },
      (await page.getByTestId('report-pdf-en').getAttribute('href'))!,
    );
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
  }, 180_000);

  it("records a party's decision with a link to its own minutes and shows the link in the round", async () => {
    const id = await strategicAgreementId();
    const page = await suite.signedIn('laukaa@demo.local', { landing: `/agreements/${id}` });
    const form = page.getByTestId('record-form');
    await form.waitFor();
    await form.locator('input[name="decidingBody"]').fill('Kunnanvaltuusto');
    // The form starts with no decision date (recordStart.ts): the decision's own date is typed.
    await form.locator('input[name="decisionDate"]').fill('3.11.2025');
    await form.locator('input[name="section"]').fill('§ 7');
    await form.getByTestId('record-minutes-url').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Kirjaa päätös' }).click();
    await form.getByText('Anna verkko-osoite, joka alkaa https:// tai http://').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByTestId('record-minutes-url').fill('https://laukaa.fi/poytakirjat/valtuusto-7');
    await form.getByRole('button', { name: 'Kirjaa päätös' }).click();
    await page
      .getByTestId('record-status')
      .getByText(/Päätös kirjattu/)
      .waitFor();
    const link = page.locator('tr[data-party-code="410"]').getByTestId('ratification-minutes-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://laukaa.fi/poytakirjat/valtuusto-7');
    expect(await link.innerText()).toMatch(/Pöytäkirja/);
  }, 120_000);
});
