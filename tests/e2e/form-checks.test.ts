import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite } from './helpers.js';

// Forms that check their own required fields and formats before sending, and move focus to what to fix.
const suite = e2eSuite();
const LAPTOP = { width: 1366, height: 768 };

/** The id of the element that has focus. */
function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

/** The GraphQL operations named `operation` the page sends from now on (their bodies), as they are sent. */
function sentOperations(page: Page, operation: string): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (body.includes(`"operationName":"${operation}"`)) sent.push(body);
  });
  return sent;
}

/** A field's status text (the design system's message under it). */
function statusText(page: Page, id: string): Promise<string | null> {
  return page.locator(`#${id}-statusText`).textContent();
}

describe('the forms check their fields before sending', () => {
  it('the invite form checks the required fields and the address itself, and focuses the first field marked, also after a refusal', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/people' });
    const form = page.getByTestId('invite-form');
    await form.waitFor();
    const invites = sentOperations(page, 'InviteUser');
    await form.getByRole('button', { name: 'Kutsu', exact: true }).click();
    await page.locator('#invite-email[aria-invalid=true]').waitFor();
    expect(await statusText(page, 'invite-email')).toBe('Tämä tieto on pakollinen.');
    expect(await statusText(page, 'invite-name')).toBe('Tämä tieto on pakollinen.');
    await expect.poll(() => focusedId(page)).toBe('invite-email');

    await page.locator('#invite-email').fill('ei-sahkoposti');
    await page.locator('#invite-name').fill('Eero Esimerkki');
    await form.getByRole('button', { name: 'Kutsu', exact: true }).click();
    await page.locator('#invite-email-statusText', { hasText: 'Anna sähköpostiosoite muodossa nimi@esimerkki.fi.' }).waitFor();
    expect(await page.locator('#invite-name').getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => focusedId(page)).toBe('invite-email');
    expect(invites).toEqual([]);

    // The server refuses an address that has an account already: focus goes to the field it marked.
    await page.locator('#invite-email').fill('admin@demo.local');
    await form.getByRole('button', { name: 'Kutsu', exact: true }).click();
    await page.locator('#invite-email-statusText', { hasText: 'Tällä sähköpostiosoitteella on jo tunnus.' }).waitFor();
    expect(invites).toHaveLength(1);
    await expect.poll(() => focusedId(page)).toBe('invite-email');
  }, 90_000);

  it('the ratification form checks its deciding body and date itself, and shows its hints as text under the labels', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/agreements' });
    await page.getByRole('link', { name: 'Strateginen yhteistyösopimus' }).click();
    const record = page.getByTestId('record-form');
    await record.waitFor();
    const records = sentOperations(page, 'RecordRatification');
    // The hints stay when the field has text (a placeholder would vanish).
    await record.locator('input[name=decidingBody]').fill('Kunnanhallitus');
    await record.getByText('Esimerkiksi Kunnanvaltuusto').waitFor();
    await record.getByText('Kirjoita kuten pöytäkirjassa: § 89 tai 89 §').waitFor();
    // The minutes link's hint looks like the other hints.
    const look = (text: string) =>
      record.getByText(text).evaluate((el) => {
        const s = getComputedStyle(el);
        return `${s.fontWeight} ${s.fontSize} ${s.color}`;
      });
    expect(await look('Verkko-osoite, joka alkaa https:// tai http://')).toBe(await look('Esimerkiksi Kunnanvaltuusto'));

    await record.locator('input[name=decidingBody]').fill('');
    await record.locator('input[name=decisionDate]').fill('');
    await record.getByRole('button', { name: 'Kirjaa päätös' }).click();
    await page.locator('input[name=decidingBody][aria-invalid=true]').waitFor();
    const bodyId = await record.locator('input[name=decidingBody]').getAttribute('id');
    expect(await statusText(page, bodyId!)).toBe('Tämä tieto on pakollinen.');
    expect(await statusText(page, 'record-decisionDate')).toBe('Tämä tieto on pakollinen.');
    await expect.poll(() => focusedId(page)).toBe(bodyId);
    expect(records).toEqual([]);
  }, 90_000);

  it('the new-meeting form marks no field as required in words, like the other forms', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/meetings' });
    const form = page.locator('form[aria-labelledby=new-meeting]');
    await form.waitFor();
    await form.locator('input[name=title]').waitFor();
    expect(await form.textContent()).not.toMatch(/pakollinen/);
  }, 60_000);

  it("the population form's date reads as every other date field", async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/parties' });
    await page.getByRole('link', { name: 'Jyväskylä', exact: true }).click();
    const form = page.getByTestId('population-form');
    await form.waitFor();
    const adds = sentOperations(page, 'AddPopulationFigure');
    await form.getByText('Esimerkiksi 31.12.2026').waitFor();
    await page.locator('#population-value').fill('150000');
    await page.locator('#population-source').fill('Tilastokeskus');
    await page.locator('#population-date').fill('32.13.2024');
    await form.getByRole('button', { name: 'Lisää väkiluku' }).click();
    await page.locator('#population-date-statusText', { hasText: 'Anna päivämäärä muodossa 31.12.2026' }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('population-date');
    expect(await form.textContent()).not.toMatch(/p\.k\.vvvv|31\.12\.2024/);
    expect(adds).toEqual([]);
  }, 60_000);

  it.each([
    { list: 'needs', landing: '/needs', textFilter: '[data-testid=filter-text]', typed: 'asumisen tuki' },
    { list: 'party list', landing: '/parties', textFilter: '#party-filter-text', typed: 'jyvaskyla' },
  ])(
    'clearing the $list filters from the keyboard moves focus to the first filter',
    async ({ landing, textFilter, typed }) => {
      const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing });
      const text = page.locator(textFilter);
      await text.waitFor();
      await text.fill(typed);
      const clear = page.getByRole('button', { name: 'Tyhjennä rajaukset' });
      await clear.focus();
      await page.keyboard.press('Enter');
      await clear.waitFor({ state: 'detached' });
      expect(await text.inputValue()).toBe('');
      expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);
    },
    60_000,
  );

  it('the password form moves focus to the field the server refused, and forgets its message once it is changed', async () => {
    const page = await suite.signedIn('analyst@demo.local', { viewport: LAPTOP, landing: '/profile' });
    const form = page.getByTestId('change-password');
    await form.waitFor();
    await page.locator('#current-password').fill('not the password');
    await page.locator('#new-password').fill('Analyytikon uusi pitkä salasana');
    await form.getByRole('button', { name: 'Vaihda salasana' }).click();
    await page.locator('#current-password[aria-invalid=true]').waitFor();
    expect(await statusText(page, 'current-password')).toBe('Nykyinen salasana on väärä.');
    await expect.poll(() => focusedId(page)).toBe('current-password');

    await page.locator('#current-password').fill('still not the password');
    await page.locator('#current-password:not([aria-invalid=true])').waitFor();
    expect(await form.getByText('Nykyinen salasana on väärä.').count()).toBe(0);
  });
});
