import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, e2eSuite, makeNeed, seriousAxeViolations } from './helpers.js';

/**
 * Each upload control says whose it is (WCAG 2.4.6), starting with its visible text (2.5.3 label in name): on the
 * meeting page every agenda item has its own "Valitse tiedosto: <title>" and "Lisää liite: <title>"; the need page
 * names the need, also in Swedish and English.
 */
const suite = e2eSuite();
const files = mkdtempSync(path.join(tmpdir(), 'yp-e2e-names-'));
const fileOf = (name: string, content: string) => {
  const p = path.join(files, name);
  writeFileSync(p, content);
  return p;
};

describe('attachment upload names', () => {
  it('each agenda item’s upload controls name the item, and upload to it', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { id } = await assemblyMeeting(api, 'Kuntakokous 9/2026');
    for (const title of ['Kokouksen avaus', 'Hankintayhteistyö']) {
      await api('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', { i: { meetingId: id, title } });
    }
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${id}` });
    const choose = (title: string) => page.getByLabel(`Valitse tiedosto: ${title}`, { exact: true });
    const upload = (title: string) => page.getByRole('button', { name: `Lisää liite: ${title}`, exact: true });
    await upload('Hankintayhteistyö').waitFor();
    for (const title of ['Kokouksen avaus', 'Hankintayhteistyö']) {
      expect(await choose(title).count()).toBe(1);
      expect(await upload(title).count()).toBe(1);
    }
    // The names are of the controls the items show: the file goes to the item named.
    await choose('Hankintayhteistyö').setInputFiles(fileOf('tarjous.pdf', '%PDF-1.4\n%demo\n'));
    await upload('Hankintayhteistyö').click();
    const item = page.locator('li.yp-card').filter({ hasText: 'Hankintayhteistyö' });
    await item.getByRole('link', { name: 'tarjous.pdf' }).waitFor();
    expect(await page.locator('li.yp-card').filter({ hasText: 'Kokouksen avaus' }).getByRole('link').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 120_000);

  it('the need page names the need, in Finnish, Swedish and English', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const needId = await makeNeed(api, 'Nuorten kesätyöt');
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${needId}` });
    const panel = page.getByTestId('attachments');
    await panel.getByRole('button', { name: 'Lisää liite: Nuorten kesätyöt', exact: true }).waitFor();
    expect(await panel.getByLabel('Valitse tiedosto: Nuorten kesätyöt', { exact: true }).count()).toBe(1);
    // The visible text stays short; the name only adds the need.
    expect(await panel.getByRole('button', { name: 'Lisää liite: Nuorten kesätyöt' }).innerText()).toBe('Lisää liite');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    await panel.getByRole('button', { name: 'Lägg till bilaga: Nuorten kesätyöt', exact: true }).waitFor();
    expect(await panel.getByLabel('Välj fil: Nuorten kesätyöt', { exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: /^Svenska \(SV\)/ }).click();
    await page.getByRole('menuitem', { name: 'English (EN)' }).click();
    await panel.getByRole('button', { name: 'Add attachment: Nuorten kesätyöt', exact: true }).waitFor();
    expect(await panel.getByLabel('Choose a file: Nuorten kesätyöt', { exact: true }).count()).toBe(1);
  }, 120_000);
});
