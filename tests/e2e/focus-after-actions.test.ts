import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountStatusOn, apiAs, assemblyMeeting, e2eSuite, focused, moveMeeting, plainSpaces } from './helpers.js';
import { recordEveryonePresent } from './record-helpers.js';

const suite = e2eSuite();
const ADMIN = 'admin@demo.local';
const CHAIR = 'hyvinvointialue@demo.local';

/** The focused element's accessible name as the tests see it (aria-label, else its text) and its data-item-title mark. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      title: el?.hasAttribute('data-item-title') ?? false,
      id: el?.id ?? '',
    };
  });

/** A meeting of the assembly with these agenda items, in this order. */
async function meetingWithItems(title: string, items: string[]): Promise<string> {
  const admin = await apiAs(suite.server.url, ADMIN);
  const { id } = await assemblyMeeting(admin, title);
  for (const item of items)
    await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
      i: { meetingId: id, title: item, proposal: 'Hyväksytään.' },
    });
  return id;
}

const agendaOf = async (id: string) => {
  const api = await apiAs(suite.server.url, ADMIN);
  const { meeting } = await api<{ meeting: { status: string; agenda: { title: string }[] } }>(
    'query ($id: ID!) { meeting(id: $id) { status agenda { title } } }',
    { id },
  );
  return meeting;
};

/** A meeting of the assembly with one agenda item, so its agenda can be published. */
async function meetingWithItem(title: string): Promise<string> {
  const admin = await apiAs(suite.server.url, ADMIN);
  const { id } = await assemblyMeeting(admin, title);
  await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
    i: { meetingId: id, title: `${title}: avaus`, proposal: 'Hyväksytään.' },
  });
  return id;
}

const accountStatus = (email: string) => accountStatusOn(suite.server.url, email);

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
    const publish = page.locator('[data-transition="AGENDA_PUBLISHED"]');
    await publish.press('Enter');
    // Publishing notifies the members at once: it asks first (before the fix it was published at once).
    const confirm = page.getByTestId('transition-confirm');
    await confirm.waitFor();
    expect(plainSpaces(await confirm.locator('p').innerText())).toBe(
      'Julkaistaanko esityslista? Toimielimen jäsenet saavat siitä heti ilmoituksen.',
    );
    expect(await publish.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await focused(page)).question).toBe(true);
    expect((await agendaOf(id)).status).toBe('PLANNED');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).transition).toBe('AGENDA_PUBLISHED');
    expect((await agendaOf(id)).status).toBe('PLANNED');
    await publish.press('Enter');
    await confirm.locator('[data-confirm-transition="AGENDA_PUBLISHED"]').press('Enter');
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

  it('"Poista" asks first, then says the item was removed and leaves the keyboard on the item that took its place', async () => {
    const id = await meetingWithItems('Poisto kysyy ensin', ['Asia A', 'Asia B', 'Asia C']);
    const page = await suite.signedIn(ADMIN, { landing: `/meetings/${id}` });
    const removeB = page.getByRole('button', { name: 'Poista asia: Asia B', exact: true });
    await removeB.press('Enter');
    const confirm = page.getByTestId('remove-item-confirm');
    await confirm.waitFor();
    // Before the fix the item was removed at once.
    expect((await agendaOf(id)).agenda.map((i) => i.title)).toEqual(['Asia A', 'Asia B', 'Asia C']);
    expect(plainSpaces(await confirm.locator('p').innerText())).toBe(
      'Poistetaanko asia Asia B esityslistalta? Poistoa ei voi perua.',
    );
    expect(await removeB.getAttribute('aria-expanded')).toBe('true');
    expect(await removeB.getAttribute('aria-controls')).toBe(await confirm.getAttribute('id'));
    await expect.poll(async () => (await focused(page)).question).toBe(true);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(async () => (await focusedLabel(page)).name).toBe('Poista asia: Asia B');

    await removeB.press('Enter');
    await confirm.getByRole('button', { name: 'Poista', exact: true }).press('Enter');
    const status = page.getByTestId('agenda-status');
    await status.getByText('Asia poistettu: Asia B.').waitFor();
    expect(await status.getAttribute('role')).toBe('status');
    expect((await agendaOf(id)).agenda.map((i) => i.title)).toEqual(['Asia A', 'Asia C']);
    // Before the fix the focus fell to <body>: now on the title of the item that took its place.
    await expect.poll(() => focusedLabel(page)).toMatchObject({ title: true, name: expect.stringMatching(/ Asia C$/) });

    // The last item removed: the one above it; the only one removed: the agenda's heading.
    await page.getByRole('button', { name: 'Poista asia: Asia C', exact: true }).click();
    await confirm.getByRole('button', { name: 'Poista', exact: true }).click();
    await status.getByText('Asia poistettu: Asia C.').waitFor();
    await expect.poll(() => focusedLabel(page)).toMatchObject({ title: true, name: expect.stringMatching(/ Asia A$/) });
    await page.getByRole('button', { name: 'Poista asia: Asia A', exact: true }).click();
    await confirm.getByRole('button', { name: 'Poista', exact: true }).click();
    await status.getByText('Asia poistettu: Asia A.').waitFor();
    await expect.poll(async () => (await focusedLabel(page)).id).toBe('agenda');
  });

  it('"Ylös" and "Alas" are named by their visible word, and the keyboard follows the moved item', async () => {
    const id = await meetingWithItems('Järjestys ja fokus', ['Asia A', 'Asia B', 'Asia C']);
    const page = await suite.signedIn(ADMIN, { landing: `/meetings/${id}` });
    // WCAG 2.5.3: the accessible name starts with the word shown ("↓ Alas"), not "Siirrä alemmas: …".
    const down = page.getByRole('button', { name: 'Alas: Asia A', exact: true });
    await down.press('Enter');
    const status = page.getByTestId('agenda-status');
    await status.getByText('Asia Asia A on nyt kohdassa 2.').waitFor();
    await expect.poll(async () => (await focusedLabel(page)).name).toBe('Alas: Asia A');
    await page.keyboard.press('Enter');
    await status.getByText('Asia Asia A on nyt kohdassa 3.').waitFor();
    expect((await agendaOf(id)).agenda.map((i) => i.title)).toEqual(['Asia B', 'Asia C', 'Asia A']);
    expect(await down.isDisabled()).toBe(true);
    // Before the fix the disabled button kept the focus and it fell to <body>: now on the item's other move.
    await expect.poll(async () => (await focusedLabel(page)).name).toBe('Ylös: Asia A');

    const up = page.getByRole('button', { name: 'Ylös: Asia C', exact: true });
    await up.press('Enter');
    await status.getByText('Asia Asia C on nyt kohdassa 1.').waitFor();
    await expect.poll(async () => (await focusedLabel(page)).name).toBe('Alas: Asia C');
    expect(await up.isDisabled()).toBe(true);

    // The other languages name the buttons by their words too.
    await page.evaluate(() => localStorage.setItem('yhteispeli.lang', 'sv'));
    await page.reload();
    await page.getByRole('button', { name: 'Upp: Asia A', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Ner: Asia C', exact: true }).innerText()).toContain('Ner');
    await page.evaluate(() => localStorage.setItem('yhteispeli.lang', 'en'));
    await page.reload();
    expect(await page.getByRole('button', { name: 'Down: Asia C', exact: true }).innerText()).toContain('Down');
    expect(await page.getByRole('button', { name: 'Up: Asia A', exact: true }).innerText()).toContain('Up');
  });

  it('after "Tallenna tarkastajat" in the room the keyboard is on the list of the elected checkers', async () => {
    const admin = await apiAs(suite.server.url, ADMIN);
    const id = await meetingWithItem('Fokus tarkastajissa');
    await moveMeeting(admin, id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
    await recordEveryonePresent(admin, id);
    const page = await suite.signedIn(CHAIR, { landing: `/meetings/${id}/room` });
    const panel = page.getByTestId('minutes-checkers');
    // The voting members who can sign in to check (one without an account is listed, not selectable).
    const boxes = panel.getByRole('checkbox', { disabled: false });
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
  it('after "Merkitse luetuksi" the keyboard is on the next notification', async () => {
    const admin = await apiAs(suite.server.url, ADMIN);
    for (const title of ['Ilmoitus yksi', 'Ilmoitus kaksi'])
      await moveMeeting(admin, await meetingWithItem(title), 'AGENDA_PUBLISHED');
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: '/notifications' });
    const items = page.getByTestId('notification');
    await items.nth(1).waitFor();
    const ids = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-notification-id')));
    const first = items.nth(0);
    expect(await first.getAttribute('data-read')).toBe('false');
    expect(await items.nth(1).getAttribute('data-read')).toBe('false');
    await first.getByRole('button', { name: /^Merkitse luetuksi: / }).press('Enter');
    await page.locator(`[data-notification-id="${ids[0]}"][data-read="true"]`).waitFor();
    // Before the fix the pressed button went and the focus fell to <body>: now on the next notification's button.
    await expect
      .poll(() =>
        page.evaluate(() => ({
          item: document.activeElement?.closest('[data-notification-id]')?.getAttribute('data-notification-id'),
          name: document.activeElement?.getAttribute('aria-label') ?? '',
        })),
      )
      .toMatchObject({ item: ids[1], name: expect.stringMatching(/^Merkitse luetuksi: /) });
  });

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
