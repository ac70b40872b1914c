import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const files = mkdtempSync(path.join(tmpdir(), 'yp-e2e-delete-'));
const fileOf = (name: string, content: string) => {
  const p = path.join(files, name);
  writeFileSync(p, content);
  return p;
};

/** What has the keyboard focus: its tag, its text or name, and whether it is an inline question. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? 'none',
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      question: el?.hasAttribute('data-confirm-question') ?? false,
    };
  });

describe('deleting an attachment and revoking a token: asked first, and the keyboard never lands on the page body', () => {
  it('the delete of a need’s attachment asks first, Escape keeps the file, and after the delete the list’s heading has the focus', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { serviceNeeds } = await api<{ serviceNeeds: { edges: { node: { id: string } }[] } }>(
      '{ serviceNeeds(first: 2) { edges { node { id } } } }',
    );
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${serviceNeeds.edges[1]!.node.id}` });
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
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', name: 'Poista liite Muistio.txt' });
    expect(await panel.getByRole('link', { name: 'Muistio.txt' }).count()).toBe(1);

    // Enter, Tab to the confirm button, Enter: deleted, said, and the focus on the list's heading.
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', name: 'Poista liite' });
    await page.keyboard.press('Enter');
    await panel.getByTestId('attachments-status').getByText('Liite Muistio.txt poistettiin.').waitFor();
    await expect.poll(() => panel.getByTestId('attachment').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H2', name: 'Liitteet' });
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
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H2', name: 'Bilagor' });
  }, 120_000);

  it('revoking a token moves the focus to the list’s heading and hides the secret of the token just revoked', async () => {
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
    await expect.poll(() => focused(page), { timeout: 5_000 }).toMatchObject({ tag: 'H2', name: 'Omat avaimesi' });
    // Still there a moment later: the dialog's own return of focus (to a button that is gone) does not take it away.
    await page.waitForTimeout(500);
    expect((await focused(page)).tag).toBe('H2');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 120_000);
});
