import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, e2eSuite, moveMeeting, plainSpaces } from './helpers.js';
import { recordEveryonePresent } from './record-helpers.js';

const suite = e2eSuite();
const ADMIN = 'admin@demo.local';
const CHAIR = 'hyvinvointialue@demo.local';

/** What has the keyboard focus: its id, data-action, data-transition, data-testid, and its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? 'none',
      id: el?.id ?? '',
      action: el?.getAttribute('data-action') ?? '',
      transition: el?.getAttribute('data-transition') ?? '',
      testId: el?.getAttribute('data-testid') ?? '',
      role: el?.getAttribute('role') ?? '',
      card: el?.closest('[data-testid="account"]')?.getAttribute('data-email') ?? '',
      question: el?.hasAttribute('data-confirm-question') ?? false,
    };
  });

/** A meeting of the assembly with one agenda item, so its agenda can be published. */
async function meetingWithItem(title: string): Promise<string> {
  const admin = await apiAs(suite.server.url, ADMIN);
  const { id } = await assemblyMeeting(admin, title);
  await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
    i: { meetingId: id, title: `${title}: avaus`, proposal: 'Hyväksytään.' },
  });
  return id;
}

const accountStatus = async (email: string) => {
  const api = await apiAs(suite.server.url, ADMIN);
  const { users } = await api<{ users: { email: string | null; status: string }[] }>('{ users { email status } }');
  return users.find((u) => u.email === email)?.status;
};

describe('the people page', () => {
  it('asks before deactivating (Escape cancels) and leaves the keyboard on the button that took the pressed one’s place', async () => {
    const page = await suite.signedIn(ADMIN, { landing: '/people', viewport: { width: 390, height: 844 } });
    await page.evaluate(() => localStorage.setItem('yhteispeli.lang', 'en'));
    await page.reload();
    const card = page.locator('[data-testid="account"][data-email="analyst@demo.local"]');
    const deactivate = card.getByRole('button', { name: 'Deactivate: Analyytikko (demo)' });
    await deactivate.click();
    const confirm = card.getByTestId('deactivate-confirm');
    await confirm.waitFor();
    // Before the fix the account was deactivated at once.
    expect(await accountStatus('analyst@demo.local')).toBe('ACTIVE');
    expect(await deactivate.getAttribute('aria-expanded')).toBe('true');
    expect(await deactivate.getAttribute('aria-controls')).toBe(await confirm.getAttribute('id'));
    expect(plainSpaces(await confirm.locator('p').innerText())).toBe(
      'Deactivate Analyytikko (demo)? Their sessions and API tokens end at once, and they cannot sign in until the account is reactivated.',
    );
    await expect.poll(async () => (await focused(page)).question).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatchObject({ action: 'deactivate', card: 'analyst@demo.local' });
    expect(await accountStatus('analyst@demo.local')).toBe('ACTIVE');

    await deactivate.press('Enter');
    await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
    const status = page.getByTestId('people-status');
    await status.getByText('Analyytikko (demo) was deactivated. Their sessions and API tokens ended.').waitFor();
    expect(await status.getAttribute('role')).toBe('status');
    // Before the fix the focus fell to <body>.
    await expect.poll(() => focused(page)).toMatchObject({ action: 'reactivate', card: 'analyst@demo.local' });
    expect(await accountStatus('analyst@demo.local')).toBe('DEACTIVATED');

    await page.keyboard.press('Enter');
    await status.getByText('Analyytikko (demo) was reactivated.').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ action: 'deactivate', card: 'analyst@demo.local' });
    expect(await accountStatus('analyst@demo.local')).toBe('ACTIVE');
  });

  it('with a status filter the card leaves the list: the keyboard goes to the status line that says what was done', async () => {
    const page = await suite.signedIn(ADMIN, { landing: '/people?status=ACTIVE' });
    const card = page.locator('[data-testid="account"][data-email="laukaa@demo.local"]');
    await card.getByRole('button', { name: /^Poista käytöstä: / }).click();
    await card.getByTestId('deactivate-confirm').getByRole('button', { name: 'Poista käytöstä', exact: true }).click();
    await card.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatchObject({ testId: 'people-status' });
    expect(await page.getByTestId('people-status').innerText()).toMatch(/poistettiin käytöstä/);
  });

  it('says whose one-time link it shows once, in the panel, not again as a status line under the filters', async () => {
    const page = await suite.signedIn(ADMIN, { landing: '/people' });
    const form = page.getByTestId('invite-form');
    await form.getByLabel('Sähköpostiosoite').fill(`uusi.${Date.now()}@example.org`);
    await form.getByLabel('Nimi').fill('Uusi Henkilö');
    await form.getByRole('button', { name: 'Kutsu', exact: true }).click();
    await page.getByTestId('one-time-link').waitFor();
    await page.getByRole('heading', { name: 'Kertakäyttöinen linkki: Uusi Henkilö' }).waitFor();
    expect(await page.getByText('Kertakäyttöinen linkki: Uusi Henkilö').count()).toBe(1);
    expect(await page.getByTestId('people-status').innerText()).toBe('');
  });
});

describe('the meeting page', () => {
  it('after "Julkaise esityslista" and "Aloita kokous" the keyboard is on the next move and the new status is said', async () => {
    const id = await meetingWithItem('Fokus siirtymissä');
    const page = await suite.signedIn(ADMIN, { landing: `/meetings/${id}` });
    const live = page.getByTestId('transition-announcement');
    await page.getByRole('button', { name: 'Julkaise esityslista' }).press('Enter');
    await page.locator('.yp-badge--agenda_published').waitFor();
    // Before the fix the pressed button left with the old status and the focus fell to <body>.
    await expect.poll(async () => (await focused(page)).transition).not.toBe('');
    expect((await focused(page)).transition).not.toBe('AGENDA_PUBLISHED');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.innerText()).toBe('Kokouksen tila nyt: Esityslista julkaistu');

    // The chair starts the meeting.
    const chair = await suite.signedIn(CHAIR, { landing: `/meetings/${id}` });
    await chair.getByRole('button', { name: 'Aloita kokous' }).press('Enter');
    await chair.locator('.yp-badge--in_progress').waitFor();
    await expect.poll(async () => (await focused(chair)).transition).toBe('HELD');
    expect(await chair.getByTestId('transition-announcement').innerText()).toBe('Kokouksen tila nyt: Käynnissä');
  });

  it('after "Tallenna tarkastajat" in the room the keyboard is on the list of the elected checkers', async () => {
    const admin = await apiAs(suite.server.url, ADMIN);
    const id = await meetingWithItem('Fokus tarkastajissa');
    await moveMeeting(admin, id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
    await recordEveryonePresent(admin, id);
    const page = await suite.signedIn(CHAIR, { landing: `/meetings/${id}/room` });
    const panel = page.getByTestId('minutes-checkers');
    const boxes = panel.getByRole('checkbox');
    await boxes.nth(1).waitFor();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await panel.getByRole('button', { name: 'Tallenna tarkastajat' }).press('Enter');
    await panel.getByText('Tarkastajat valittu.').waitFor();
    // Before the fix the button was disabled while sending and the focus fell to <body>.
    await expect.poll(async () => (await focused(page)).testId).toBe('checkers-list');
    expect(await panel.getByTestId('checkers-list').locator('li').count()).toBe(2);
  });
});

describe('the notifications page', () => {
  it('after "Merkitse kaikki luetuiksi" the keyboard is on the status line that says so', async () => {
    const admin = await apiAs(suite.server.url, ADMIN);
    const id = await meetingWithItem('Ilmoitus fokuksesta');
    await moveMeeting(admin, id, 'AGENDA_PUBLISHED');
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: '/notifications' });
    const markAll = page.getByTestId('mark-all-read');
    await expect.poll(() => markAll.isEnabled()).toBe(true);
    await markAll.press('Enter');
    const summary = page.locator('.yp-notifications__tools [role="status"]');
    await summary.getByText('Kaikki ilmoitukset merkitty luetuiksi.').waitFor();
    // Before the fix the button was disabled (nothing unread) and the focus fell to <body>.
    await expect.poll(async () => (await focused(page)).role).toBe('status');
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
