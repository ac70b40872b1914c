import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, moveMeeting, seriousAxeViolations } from './helpers.js';
import { decideUnanimously, electCheckers, recordEveryonePresent } from './record-helpers.js';

/**
 * Checked minutes in the browser: once a checker has checked, the room shows the minutes' content locked (the notes
 * read-only with the reason, no decision to correct, attendance not editable) and those who run the meeting may
 * reopen them for a correction after an inline confirmation; the checker sees the checks cleared at once.
 */
const suite = e2eSuite();
type Api = Awaited<ReturnType<typeof apiAs>>;
let admin: Api;
let meetingId = '';
let itemId = '';

beforeAll(async () => {
  admin = await apiAs(suite.server.url, 'admin@demo.local');
  const { cooperationBodies } = await admin<{ cooperationBodies: { id: string; name: string }[] }>(
    '{ cooperationBodies { id name } }',
  );
  const bodyId = cooperationBodies.find((b) => b.name === 'Kuntakokous')!.id;
  const m = await admin<{ createMeeting: { id: string } }>(
    'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
    { i: { bodyId, title: 'Kuntakokous tarkastus 1/2026', startsAt: '2026-12-19T08:00:00Z' } },
  );
  meetingId = m.createMeeting.id;
  const item = await admin<{ addAgendaItem: { id: string; version: number } }>(
    'mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id version } }',
    { i: { meetingId, title: 'Kokouksen avaus', proposal: 'Kokous avataan.' } },
  );
  itemId = item.addAgendaItem.id;
  await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  await recordEveryonePresent(admin, meetingId);
  await decideUnanimously(admin, meetingId, 'Avattiin.', [itemId]);
  await moveMeeting(admin, meetingId, 'HELD', 'MINUTES_DRAFT');
  await electCheckers(suite.server.url, admin, meetingId, ['hyvinvointialue@demo.local', 'jyvaskyla@demo.local']);
});

describe('checked minutes', () => {
  it('are locked after the first check, and reopened for a correction after a confirmation', async () => {
    const checker = await suite.signedIn('hyvinvointialue@demo.local', { landing: `/meetings/${meetingId}/room` });
    await checker.getByTestId('check-minutes').click();
    await checker.getByTestId('minutes-checkers').locator('li[data-checked="true"]').waitFor();

    const secretary = await suite.signedIn('admin@demo.local', {
      landing: `/meetings/${meetingId}/room`,
      viewport: { width: 1280, height: 900 },
    });
    const panel = secretary.getByTestId('minutes-checkers');
    await panel.getByTestId('minutes-locked').waitFor();
    expect(await panel.getByTestId('minutes-locked').textContent()).toContain('Pöytäkirjan sisältö on lukittu');
    // The notes are read-only with the reason, and the decision cannot be corrected.
    const reason = secretary.locator('.yp-room__minutes').getByTestId('editor-read-only');
    await reason.waitFor();
    expect(await reason.textContent()).toContain('tarkastaja on tarkastanut pöytäkirjan');
    await secretary.locator(`#agenda-${itemId}`).click();
    await secretary.locator(`[data-item-id="${itemId}"]`).getByTestId('recorded-decision').waitFor();
    expect(await secretary.getByRole('button', { name: 'Korjaa päätös' }).count()).toBe(0);
    // Attendance is shown, not edited.
    expect(await secretary.locator('[id^="attendance-"]').count()).toBe(0);
    expect(await seriousAxeViolations(secretary)).toEqual([]);

    // Reopening asks first; cancelling returns the focus to the button.
    const reopen = panel.getByTestId('reopen-minutes');
    await reopen.click();
    const confirm = panel.getByTestId('reopen-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Tarkastusmerkinnät (1) poistuvat');
    expect(await reopen.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousAxeViolations(secretary)).toEqual([]);
    await confirm.getByRole('button', { name: 'Peruuta' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await secretary.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reopen-minutes');
    await reopen.click();
    await confirm.locator('[data-confirm-reopen]').click();
    await panel.getByText('Pöytäkirja on avattu korjattavaksi.').waitFor();
    expect(await panel.getByTestId('minutes-locked').count()).toBe(0);
    expect(await panel.getByTestId('reopen-minutes').count()).toBe(0);
    await secretary.locator('.yp-room__minutes').getByTestId('editor-read-only').waitFor({ state: 'detached' });
    await secretary.locator('[id^="attendance-"]').first().waitFor();

    // The checker sees the check cleared live, and may check the corrected minutes again.
    await checker.getByTestId('check-minutes').waitFor({ timeout: 15_000 });
    expect(await checker.getByTestId('minutes-checkers').locator('li[data-checked="true"]').count()).toBe(0);
  });
});
