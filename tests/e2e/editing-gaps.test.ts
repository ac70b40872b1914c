import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, choose, e2eSuite, plainSpaces, seriousAxeViolations, moveMeeting } from './helpers.js';

const suite = e2eSuite();
const signedIn = (email: string): Promise<Page> => suite.signedIn(email);

describe('editing an agenda item', () => {
  it('lets the secretary edit an item, says CONFLICT in words, and has no serious accessibility violations', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const created = await assemblyMeeting(admin, 'E2E asialistan muokkaus', '2026-12-15T08:00:00Z');
    const { addAgendaItem: item } = await admin<{ addAgendaItem: { id: string; version: number } }>(
      'mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id version } }',
      { i: { meetingId: created.id, title: 'Alkuperäinen otsikko', proposal: 'Esitys hyväksytään.' } },
    );

    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/meetings/${created.id}`);
    await page.getByTestId('edit-item-open').click();
    const form = page.getByTestId('edit-item-form');
    await form.waitFor();
    expect(await form.locator('input[name=title]').inputValue()).toBe('Alkuperäinen otsikko');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await form.locator('input[name=title]').fill('Muokattu otsikko');
    await form.locator('input[name=caseNumber]').fill('DNRO 12/2026');
    await page.getByTestId('edit-item-save').click();
    // A save closes the form, says so in the agenda's polite live region and gives the keyboard back to 'Muokkaa'.
    // Before: the form stayed open with its "tallennettu" inside it, and the focus stayed on the save button.
    await form.waitFor({ state: 'detached' });
    const said = page.getByTestId('agenda-status');
    expect(await said.innerText()).toBe('Asia ”Muokattu otsikko” tallennettu (versio 2).');
    expect(await said.getAttribute('role')).toBe('status');
    await page.locator('.yp-agenda-builder li strong', { hasText: 'Muokattu otsikko' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('edit-item-open');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Muokattu otsikko/);
    expect(await page.getByTestId('edit-item-open').getAttribute('aria-expanded')).toBe('false');

    // The user edits, someone else saves meanwhile: the next save is refused, in words, and the user may save theirs over it.
    await page.getByTestId('edit-item-open').click();
    await form.waitFor();
    // Opening the form again starts another action: the last save's words are gone.
    expect(await said.innerText()).toBe('');
    await form.locator('input[name=title]').fill('Kolmas otsikko');
    const { meeting } = await admin<{ meeting: { agenda: { id: string; version: number }[] } }>(
      'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
      { id: created.id },
    );
    const current = meeting.agenda.find((i) => i.id === item.id)!;
    await admin(
      'mutation ($id: ID!, $v: Int!, $i: UpdateAgendaItemInput!) { updateAgendaItem(id: $id, expectedVersion: $v, input: $i) { id } }',
      { id: item.id, v: current.version, i: { proposal: 'Toisen käyttäjän esitys.' } },
    );
    await page.getByTestId('edit-item-save').click();
    const conflict = page.getByTestId('edit-item-conflict');
    await conflict.getByText('Joku muu tallensi ensin').waitFor();
    expect(await conflict.textContent()).toContain('Muutoksiasi ei tallennettu');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Tallenna omat muutokseni' }).click();
    await form.waitFor({ state: 'detached' });
    await said.getByText('Asia ”Kolmas otsikko” tallennettu').waitFor();
    await page.locator('.yp-agenda-builder li strong', { hasText: 'Kolmas otsikko' }).waitFor();
    // Their proposal stays: only the user's own change was saved over it.
    await page.locator('.yp-agenda-builder__proposal', { hasText: 'Toisen käyttäjän esitys.' }).waitFor();

    // A form without edits follows a newer version that arrives live.
    await page.getByTestId('edit-item-open').click();
    await form.waitFor();
    const latest = await admin<{ meeting: { agenda: { id: string; version: number }[] } }>(
      'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
      { id: created.id },
    );
    await admin(
      'mutation ($id: ID!, $v: Int!, $i: UpdateAgendaItemInput!) { updateAgendaItem(id: $id, expectedVersion: $v, input: $i) { id } }',
      { id: item.id, v: latest.meeting.agenda.find((i) => i.id === item.id)!.version, i: { caseNumber: 'DNRO 99/2026' } },
    );
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=edit-item-form] input[name=caseNumber]') as HTMLInputElement | null)?.value ===
        'DNRO 99/2026',
    );
  });

  it('hides the edit control once the meeting no longer allows agenda edits', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const created = await assemblyMeeting(admin, 'E2E pidetty kokous', '2026-12-16T08:00:00Z');
    const meetingId = created.id;
    await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
      i: { meetingId, title: 'Kokouksen avaus' },
    });
    await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD');
    const { meeting } = await admin<{ meeting: { viewerCan: { editAgenda: boolean } } }>(
      'query ($id: ID!) { meeting(id: $id) { viewerCan { editAgenda } } }',
      { id: meetingId },
    );
    expect(meeting.viewerCan.editAgenda).toBe(false);
    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/meetings/${meetingId}`);
    await page.locator('.yp-agenda-builder li strong', { hasText: 'Kokouksen avaus' }).waitFor();
    expect(await page.getByTestId('edit-item-open').count()).toBe(0);
  });
});

describe("setting a need's indicator target", () => {
  it('lets the secretariat set a baseline and a target and shows them, with no serious accessibility violations', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const jkl = parties.find((p) => p.code === '179')!.id;
    const { createServiceNeed: need } = await admin<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      {
        input: {
          title: 'E2E indikaattoritavoite',
          targetGroups: ['YOUTH'],
          themeCodes: ['YOUTH'],
          municipalityIds: [jkl],
          priority: 'HIGH',
        },
      },
    );
    const { indicators } = await admin<{ indicators: { id: string; code: string; name: string }[] }>(
      '{ indicators { id code name } }',
    );
    const indicator = indicators[0]!;

    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/needs/${need.id}`);
    const section = page.getByTestId('need-indicators');
    await section.getByText('Tarpeelle ei ole asetettu indikaattoritavoitteita.').waitFor();
    await page.getByTestId('need-target-open').click();
    const form = page.getByTestId('need-target-form');
    await form.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The need page opened from its address, no meeting page seen before: each label stands above its field.
    const label = await form.locator('label[for=need-target-baselineYear]').boundingBox();
    const field = await form.locator('#need-target-baselineYear').boundingBox();
    expect(label!.y + label!.height).toBeLessThanOrEqual(field!.y);

    // Checked in the browser first: an invalid year is refused in words.
    // The indicator list arrives with its own query: choose() waits for the option.
    await choose(page, form.locator('#need-target-indicatorId_button'), { value: indicator.id });
    await choose(page, form.locator('#need-target-partyId_button'), { value: jkl });
    await form.locator('#need-target-baselineYear').fill('22');
    await page.getByTestId('need-target-save').click();
    await form.getByText('Kirjoita vuosi neljällä numerolla, esim. 2030.').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await form.locator('#need-target-baselineYear').fill('2022');
    await form.locator('#need-target-baselineValue').fill('18,5');
    await form.locator('#need-target-targetYear').fill('2030');
    await form.locator('#need-target-targetValue').fill('12');
    await page.getByTestId('need-target-save').click();
    await page.getByTestId('need-target-status').getByText('tallennettu').waitFor();
    const row = section.locator(`tr[data-indicator="${indicator.code}"]`);
    await row.waitFor();
    expect(plainSpaces((await row.getByTestId('indicator-baseline').textContent()) ?? '')).toBe('18,5 (2022)');
    expect(plainSpaces((await row.getByTestId('indicator-target').textContent()) ?? '')).toBe('12 (2030)');
    expect(await row.textContent()).toContain(indicator.name);
  });
});
