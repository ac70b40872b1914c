import { beforeAll, describe, expect, it } from 'vitest';
import { accessibleNodes, apiAs, assemblyMeeting, e2eSuite, moveMeeting, type Api } from './helpers.js';
import { decideUnanimously, electCheckers, recordEveryonePresent } from './record-helpers.js';

/**
 * An elected minutes checker whose account was deactivated since cannot sign in to check: those who run the meeting
 * are told so beside the checkers, with the way on (elect another; once a checker has checked, reopen the minutes
 * first), and the checker's row says it in words. A member reading the meeting is not told an account's status.
 */
const suite = e2eSuite();
const RUNNER = 'admin@demo.local';
const CHAIR = 'hyvinvointialue@demo.local';
const STRANDED = 'jyvaskyla@demo.local';
let admin: Api;
let meetingId = '';

beforeAll(async () => {
  admin = await apiAs(suite.server.url, RUNNER);
  ({ id: meetingId } = await assemblyMeeting(admin, 'Kuntakokous 5/2026'));
  await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
    i: { meetingId, title: 'Kokouksen avaus', proposal: 'Kokous todetaan avatuksi.' },
  });
  await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  await recordEveryonePresent(admin, meetingId);
  await decideUnanimously(admin, meetingId, 'Kokous todettiin avatuksi.');
  await moveMeeting(admin, meetingId, 'HELD', 'MINUTES_DRAFT');
  await electCheckers(suite.server.url, admin, meetingId, [CHAIR, STRANDED]);
  // Aino Demola's account is deactivated after her election.
  const { persons } = await admin<{ persons: { user: { id: string; email: string } | null }[] }>(
    '{ persons { user { id email } } }',
  );
  await admin('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', {
    id: persons.find((p) => p.user?.email === STRANDED)!.user!.id,
  });
});

describe('a minutes checker who can no longer sign in', () => {
  it('is named to the runner with the way on: elect another, and after a check, reopen first', async () => {
    const page = await suite.signedIn(RUNNER, { landing: `/meetings/${meetingId}` });
    const panel = page.getByTestId('minutes-checkers');
    const hint = panel.getByTestId('checker-no-account');
    await hint.waitFor();
    expect(await hint.textContent()).toBe(
      'Tarkastaja Aino Demola (demo) ei voi kirjautua tarkastamaan pöytäkirjaa, koska hänellä ei ole käytössä olevaa käyttäjätunnusta. Valitse toinen tarkastaja.',
    );
    expect(await panel.locator('li', { hasText: 'Aino Demola (demo)' }).textContent()).toContain(
      '(ei käytössä olevaa käyttäjätunnusta: ei voi tarkastaa)',
    );
    // In the new election she is listed, not selectable, and not ticked: the reason is her box's name, said once.
    const box = 'Aino Demola (demo) (ei käyttäjätunnusta: ei voi kirjautua tarkastamaan)';
    expect(await accessibleNodes(page, 'checkbox', box)).toEqual([{ name: box, description: '' }]);
    const stranded = panel.getByRole('checkbox', { name: box, exact: true });
    expect([await stranded.isDisabled(), await stranded.isChecked()]).toEqual([true, false]);
    expect(await panel.getByRole('checkbox', { name: 'Mikko Esimerkki (demo)', exact: true }).isChecked()).toBe(true);

    // The chair checks: the checks stand, so another is elected only after the minutes are reopened.
    const chair = await apiAs(suite.server.url, CHAIR);
    const { meeting } = await chair<{ meeting: { version: number } }>('query ($id: ID!) { meeting(id: $id) { version } }', {
      id: meetingId,
    });
    await chair('mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id } }', {
      m: meetingId,
      v: meeting.version,
    });
    await panel.getByTestId('minutes-locked').waitFor({ timeout: 15_000 });
    await hint.getByText('Avaa ensin pöytäkirja korjattavaksi', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await hint.textContent()).toBe(
      'Tarkastaja Aino Demola (demo) ei voi kirjautua tarkastamaan pöytäkirjaa, koska hänellä ei ole käytössä olevaa käyttäjätunnusta. Avaa ensin pöytäkirja korjattavaksi ja valitse sitten toinen tarkastaja.',
    );
  });

  it('is not told to a member reading the meeting', async () => {
    const page = await suite.signedIn('laukaa@demo.local', { landing: `/meetings/${meetingId}` });
    const panel = page.getByTestId('minutes-checkers');
    await panel.locator('li', { hasText: 'Aino Demola (demo)' }).waitFor();
    expect(await panel.getByTestId('checker-no-account').count()).toBe(0);
    expect(await panel.locator('li', { hasText: 'Aino Demola (demo)' }).textContent()).not.toContain('käyttäjätunnusta');
  });
});
