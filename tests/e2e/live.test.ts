import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const { browsers } = suite;
const signedIn = (email: string): Promise<Page> => suite.signedIn(email);

/** Goes to the list through the main menu, opens a party by its Finnish name and returns the page's URL. */
async function openParty(page: Page, name: string): Promise<string> {
  await page.getByRole('navigation').getByRole('link', { name: 'Osapuolet', exact: true }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return page.url();
}

const rowOf = (page: Page, name: string) => page.locator('tr', { has: page.getByRole('rowheader', { name, exact: true }) });

/** Marks the window; if the page reloads, the mark is gone. */
const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { __ypNoReload: true }));
const stillSameWindow = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ypNoReload?: boolean }).__ypNoReload === true);

describe('live updates between users', () => {
  let representative: Page;
  let admin: Page;

  it('an edit made by the admin in another browser appears in the list of the Jyväskylä representative without reload', async () => {
    representative = await signedIn('jyvaskyla@demo.local');
    await markWindow(representative);
    // A representative has no edit rights: the party page has no form for them.
    admin = await signedIn('admin@demo.local');
    await openParty(admin, 'Laukaa');

    const subRegion = `Jyväskylä ${Date.now().toString(36)}`;
    await admin.locator('#edit-subRegion').fill(subRegion);
    await admin.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await admin.getByTestId('edit-status').getByText('Muutokset tallennettu').waitFor();

    await rowOf(representative, 'Laukaa').getByText(subRegion).waitFor();
    expect(await stillSameWindow(representative)).toBe(true);
    await representative.getByTestId('live-announcement').getByText('päivitti osapuolta Laukaa').waitFor();
  });

  it('a party page open in another browser follows the edit, and a representative sees no edit form', async () => {
    await openParty(representative, 'Laukaa');
    expect(await representative.getByTestId('party-edit').count()).toBe(0);
    await markWindow(representative);

    await admin.locator('#edit-names-en').fill('Municipality of Laukaa');
    await admin.getByRole('button', { name: 'Tallenna muutokset' }).click();

    await representative.getByTestId('detail-nameEn').getByText('Municipality of Laukaa').waitFor();
    expect(await stillSameWindow(representative)).toBe(true);
    expect(await seriousAxeViolations(representative)).toEqual([]);
  });

  it('a change by someone else does not overwrite unsaved edits, and the conflict on saving is shown in words and resolved', async () => {
    const url = await openParty(admin, 'Luhanka');
    const other = await signedIn('admin@demo.local');
    await other.goto(url);
    await other.getByTestId('party-edit').waitFor();
    await markWindow(admin);

    // The admin starts editing the Swedish name; meanwhile the other session saves an English name.
    await admin.locator('#edit-names-sv').fill('Luhanka kommun');
    await other.locator('#edit-names-en').fill('Luhanka municipality');
    await other.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await other.getByTestId('edit-status').getByText('Muutokset tallennettu').waitFor();

    const notice = admin.getByTestId('remote-change');
    await notice.getByText('muutti tätä osapuolta, kun muokkasit sitä').waitFor();
    expect(await notice.getByTestId('theirs-names.en').innerText()).toBe('Luhanka municipality');
    expect(await admin.locator('#edit-names-sv').inputValue()).toBe('Luhanka kommun');

    // Saving against the version the form showed is refused with CONFLICT, explained in words.
    await admin.getByRole('button', { name: 'Tallenna muutokset' }).click();
    const conflict = admin.getByTestId('conflict');
    await conflict.getByText('Joku muu ehti tallentaa ensin').waitFor();
    expect(await conflict.innerText()).toContain('Muutoksiasi ei tallennettu');
    expect(await conflict.getByTestId('theirs-names.en').innerText()).toBe('Luhanka municipality');
    expect(await conflict.getByTestId('mine-names.sv').innerText()).toBe('Luhanka kommun');
    expect(await seriousAxeViolations(admin)).toEqual([]);

    // Applying one's own change again keeps the other person's English name.
    await conflict.getByRole('button', { name: 'Tallenna omat muutokseni' }).click();
    await admin.getByTestId('edit-status').getByText('Muutokset tallennettu').waitFor();
    expect(await admin.getByTestId('detail-nameSv').innerText()).toContain('Luhanka kommun');
    expect(await admin.getByTestId('detail-nameEn').innerText()).toContain('Luhanka municipality');
    await other.getByTestId('detail-nameSv').getByText('Luhanka kommun').waitFor();
    expect(await stillSameWindow(admin)).toBe(true);
  });

  it('keeping their values discards the unsaved edit', async () => {
    await admin.locator('#edit-subRegion').fill('Jämsä');
    await admin.getByRole('button', { name: 'Peru muutokset' }).click();
    expect(await admin.locator('#edit-subRegion').inputValue()).toBe('Joutsa');
    for (const browser of browsers) expect(browser.errors).toEqual([]);
  });
});
