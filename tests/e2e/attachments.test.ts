import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, focused, launchBrowser, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const files = mkdtempSync(path.join(tmpdir(), 'yp-e2e-files-'));
const fileOf = (name: string, content: string | Buffer) => {
  const p = path.join(files, name);
  writeFileSync(p, content);
  return p;
};

/** Whether `locator` has the keyboard focus. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** The id of the register's need at `index` (from 0), as the secretariat reads it. */
async function needId(index: number): Promise<string> {
  const api = await apiAs(suite.server.url, 'admin@demo.local');
  const { serviceNeeds } = await api<{ serviceNeeds: { edges: { node: { id: string } }[] } }>(
    `{ serviceNeeds(first: ${index + 1}) { edges { node { id } } } }`,
  );
  return serviceNeeds.edges[index]!.node.id;
}

describe('attachments', () => {
  it('the secretariat attaches a file to a need, sees refusals in words, downloads and deletes it, without serious accessibility violations', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${await needId(0)}` });
    const panel = page.getByTestId('attachments');
    await panel.getByRole('heading', { name: 'Liitteet' }).waitFor();

    await panel
      .getByLabel('Valitse tiedosto')
      .setInputFiles(fileOf('ohjelma.exe', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])));
    await panel.getByRole('button', { name: 'Lisää liite' }).click();
    await panel.getByTestId('attachment-error').getByText('Tämäntyyppistä tiedostoa ei voi liittää.', { exact: false }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await panel.getByLabel('Valitse tiedosto').setInputFiles(fileOf('Tilannekuva ÅÄÖ.txt', 'Yhteinen tilannekuva\n'));
    // The chosen file is named in the page's language, not by the browser's own file button.
    expect(await panel.getByTestId('attachment-chosen').innerText()).toBe('Tilannekuva ÅÄÖ.txt');
    await panel.getByRole('button', { name: 'Lisää liite' }).click();
    await panel.getByTestId('attachments-status').getByText('Liite Tilannekuva ÅÄÖ.txt lisättiin.').waitFor();
    expect(await panel.getByTestId('attachment-chosen').innerText()).toBe('Ei valittua tiedostoa.');
    const link = panel.getByRole('link', { name: 'Tilannekuva ÅÄÖ.txt' });
    await link.waitFor();
    expect(await page.getByTestId('attachment-error').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The link downloads the same bytes with the session of the page.
    const response = await page.request.get(`${suite.server.url}${await link.getAttribute('href')}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe('Yhteinen tilannekuva\n');
    expect(response.headers()['content-disposition']).toContain(`filename*=UTF-8''Tilannekuva%20%C3%85%C3%84%C3%96.txt`);

    await panel.getByRole('button', { name: 'Poista liite Tilannekuva ÅÄÖ.txt' }).click();
    // The delete asks first.
    await panel.getByTestId('attachment-delete-confirm').getByRole('button', { name: 'Poista liite' }).click();
    await panel.getByTestId('attachments-status').getByText('Liite Tilannekuva ÅÄÖ.txt poistettiin.').waitFor();
    await expect.poll(() => panel.getByTestId('attachment').count(), { timeout: 10_000 }).toBe(0);
  }, 120_000);

  it('a meeting’s agenda item and an agreement take files in Swedish too, and a reader without the right sees no form', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { meetings } = await api<{
      meetings: { id: string; status: string; agenda: { id: string; title: string; restricted: boolean }[] }[];
    }>('{ meetings { id status agenda { id title restricted } } }');
    const coming = meetings.find((m) => m.status === 'AGENDA_PUBLISHED' && m.agenda.length > 0)!;
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${coming.id}` });
    const item = page.locator('li.yp-card').filter({ hasText: coming.agenda[0]!.title });
    await item.getByTestId('attachments').getByLabel('Valitse tiedosto').setInputFiles(fileOf('esitys.pdf', '%PDF-1.4\n%demo\n'));
    await item.getByRole('button', { name: 'Lisää liite' }).click();
    await item.getByRole('link', { name: 'esitys.pdf' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const { agreements } = await api<{ agreements: { id: string }[] }>('{ agreements { id } }');
    await page.goto(`${suite.server.url}/agreements/${agreements[0]!.id}`);
    await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    const panel = page.getByTestId('attachments');
    await panel.getByRole('heading', { name: 'Bilagor' }).waitFor();
    await panel.getByLabel('Välj fil').setInputFiles(fileOf('avtal.csv', 'a;b\n1;2\n'));
    await panel.getByRole('button', { name: 'Lägg till bilaga' }).click();
    await panel.getByRole('link', { name: 'avtal.csv' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A representative reads the agreement and its files but may not attach.
    const reader = await suite.signedIn('laukaa@demo.local', { landing: `/agreements/${agreements[0]!.id}` });
    await reader.getByTestId('attachments').getByRole('link', { name: 'avtal.csv' }).waitFor();
    expect(await reader.getByTestId('attachments').locator('input[type="file"]').count()).toBe(0);
  }, 120_000);

  it('anyone downloads the public files of published minutes without signing in', async () => {
    const browser = await launchBrowser();
    suite.browsers.push(browser);
    const { page } = browser;
    await page.goto(`${suite.server.url}/minutes`);
    await page
      .getByRole('link', { name: /Kuntakokous 1\/2026/ })
      .first()
      .click();
    const list = page.getByTestId('published-attachments');
    const link = list.getByRole('link', { name: 'Yhdyspintasuunnitelman tilannekatsaus.pdf' });
    await link.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const response = await page.request.get(`${suite.server.url}${await link.getAttribute('href')}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('the delete of a need’s attachment asks first, Escape keeps the file, and after the delete the list’s heading has the focus', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${await needId(1)}` });
    const panel = page.getByTestId('attachments');
    await panel.getByLabel('Valitse tiedosto').setInputFiles(fileOf('Muistio.txt', 'Muistio\n'));
    await panel.getByRole('button', { name: 'Lisää liite' }).click();
    await panel.getByRole('link', { name: 'Muistio.txt' }).waitFor();

    const remove = panel.getByRole('button', { name: 'Poista liite Muistio.txt' });
    await remove.focus();
    await page.keyboard.press('Enter');
    const confirm = panel.getByTestId('attachment-delete-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('Poistetaanko liite Muistio.txt? Poistoa ei voi perua.');
    expect((await focused(page)).question).toBe(true);
    expect(await remove.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Escape: nothing is deleted and the keyboard is back on the button.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await hasFocus(remove)).toBe(true);
    expect(await panel.getByRole('link', { name: 'Muistio.txt' }).count()).toBe(1);

    // Enter, Tab to the confirm button, Enter: deleted, said, and the focus on the list's heading.
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    expect(await hasFocus(confirm.getByRole('button', { name: 'Poista liite' }))).toBe(true);
    await page.keyboard.press('Enter');
    await panel.getByTestId('attachments-status').getByText('Liite Muistio.txt poistettiin.').waitFor();
    await expect.poll(() => panel.getByTestId('attachment').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => hasFocus(panel.getByRole('heading', { name: 'Liitteet' }))).toBe(true);
  }, 120_000);

  it('an agreement’s attachment asks in Swedish too, and the focus goes to the heading “Bilagor”', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { agreements } = await api<{ agreements: { id: string }[] }>('{ agreements { id } }');
    const page = await suite.signedIn('admin@demo.local', { landing: `/agreements/${agreements[0]!.id}` });
    await page.evaluate(() => localStorage.setItem('yhteispeli.lang', 'sv'));
    await page.reload();
    const panel = page.getByTestId('attachments');
    await panel.getByLabel('Välj fil').setInputFiles(fileOf('Avtal.txt', 'Avtal\n'));
    await panel.getByRole('button', { name: 'Lägg till bilaga' }).click();
    await panel.getByRole('link', { name: 'Avtal.txt' }).waitFor();
    await panel.getByRole('button', { name: 'Ta bort bilagan Avtal.txt' }).click();
    const confirm = panel.getByTestId('attachment-delete-confirm');
    expect(await confirm.innerText()).toContain('Ta bort bilagan Avtal.txt? Det kan inte ångras.');
    await confirm.getByRole('button', { name: 'Ta bort bilagan' }).click();
    await panel.getByTestId('attachments-status').getByText('Bilagan Avtal.txt togs bort.').waitFor();
    await expect.poll(() => hasFocus(panel.getByRole('heading', { name: 'Bilagor' }))).toBe(true);
  }, 120_000);
});
