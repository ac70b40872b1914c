import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, moveMeeting, seriousAxeViolations } from './helpers.js';
import { electCheckers, recordEveryonePresent } from './record-helpers.js';

/**
 * One human has one name in the meeting room: an account present that sits in the meeting's body as a person is
 * listed under "Paikalla nyt" by that person's name (the attendance table's and the minutes'), not by its account
 * name; an account with no person in the body keeps its display name. The viewer's own row says "(sinä)" in the
 * presence list, the attendance table and the checkers list, so a checker knows which name is theirs.
 */
const suite = e2eSuite();
type Api = Awaited<ReturnType<typeof apiAs>>;
let admin: Api;
let assemblyMeeting = '';
let ictMeeting = '';

async function createMeeting(bodyName: string, title: string): Promise<string> {
  const { cooperationBodies } = await admin<{ cooperationBodies: { id: string; name: string }[] }>(
    '{ cooperationBodies { id name } }',
  );
  const bodyId = cooperationBodies.find((b) => b.name === bodyName)!.id;
  const { createMeeting } = await admin<{ createMeeting: { id: string } }>(
    'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
    { i: { bodyId, title, startsAt: '2026-12-18T08:00:00Z' } },
  );
  await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
    i: { meetingId: createMeeting.id, title: 'Kokouksen avaus', proposal: 'Avataan kokous.' },
  });
  await moveMeeting(admin, createMeeting.id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  return createMeeting.id;
}

beforeAll(async () => {
  admin = await apiAs(suite.server.url, 'admin@demo.local');
  assemblyMeeting = await createMeeting('Kuntakokous', 'Kuntakokous 4/2026');
  await recordEveryonePresent(admin, assemblyMeeting);
  // The persons of Jyväskylä's account (Aino Demola) and of the county's (Mikko Esimerkki), members present, check the
  // minutes (the secretary is no checker: checkers are elected among the voting members).
  await electCheckers(suite.server.url, admin, assemblyMeeting, ['jyvaskyla@demo.local', 'hyvinvointialue@demo.local']);
  // A body the secretariat's person does not sit in: the secretariat joins it by its account.
  ictMeeting = await createMeeting('ICT-verkosto', 'ICT-verkosto 2/2026');
});

/** The names under "Paikalla nyt" once `count` are present, as read (the colour dot is hidden from reading). */
async function presentNames(page: Page, count: number): Promise<string[]> {
  const presence = page.getByTestId('presence');
  await presence.getByText(`Paikalla nyt (${count})`).waitFor();
  return (await presence.locator('.yp-presence ul > li').allInnerTexts()).map((s) => s.trim()).sort();
}

/** The attendance table's row headers that carry the viewer's marker. */
async function ownAttendanceRows(page: Page): Promise<string[]> {
  const rows = await page.getByRole('region', { name: 'Läsnäolo', exact: true }).getByRole('rowheader').allInnerTexts();
  return rows.map((s) => s.trim()).filter((s) => s.includes('(sinä)'));
}

describe('names in the meeting room', () => {
  it('a checker signed in as Jyväskylä sees their person name everywhere, marked as themself', async () => {
    const secretary = await suite.signedIn('admin@demo.local', { landing: `/meetings/${assemblyMeeting}/room` });
    await secretary.getByTestId('presence').getByText('Paikalla nyt (1)').waitFor();
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/meetings/${assemblyMeeting}/room` });

    // Present now: the persons' names, not the accounts' ("Jyväskylän edustaja (demo)", "Sihteeristö (demo)").
    expect(await presentNames(page, 2)).toEqual(['Aino Demola (demo) (sinä)', 'Kari Harjoitus (demo)']);
    expect(await page.getByTestId('presence').innerText()).not.toMatch(/Jyväskylän edustaja|Sihteeristö/);

    // The attendance table: the same name, in the room, and marked as the viewer's own row (one row only).
    const own = await ownAttendanceRows(page);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatch(/^Aino Demola \(demo\) \(sinä\)/);
    const ownRow = page.getByRole('row').filter({ hasText: 'Aino Demola (demo) (sinä)' });
    expect(await ownRow.innerText()).toContain('kokoushuoneessa');

    // The checkers list: the checker sees which of the two is them.
    const checkers = (await page.getByTestId('checkers-list').locator('li').allInnerTexts()).map((s) => s.trim());
    expect(checkers.sort()).toEqual([
      'Aino Demola (demo) (sinä): ei vielä tarkastanut',
      'Mikko Esimerkki (demo): ei vielä tarkastanut',
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The other participant sees the same names, with the marker on their own rows only.
    expect(await presentNames(secretary, 2)).toEqual(['Aino Demola (demo)', 'Kari Harjoitus (demo) (sinä)']);
    const secretaryOwn = await ownAttendanceRows(secretary);
    expect(secretaryOwn).toHaveLength(1);
    expect(secretaryOwn[0]).toMatch(/^Kari Harjoitus \(demo\) \(sinä\)/);
    const secretaryCheckers = await secretary.getByTestId('checkers-list').locator('li').allInnerTexts();
    expect(secretaryCheckers.map((s) => s.trim()).sort()).toEqual([
      'Aino Demola (demo): ei vielä tarkastanut',
      'Mikko Esimerkki (demo): ei vielä tarkastanut',
    ]);
  });

  it("a co-editor's caret tag in the minutes names their person, as the presence list does", async () => {
    const landing = `/meetings/${assemblyMeeting}/room`;
    const secretary = await suite.signedIn('admin@demo.local', { landing });
    const reader = await suite.signedIn('jyvaskyla@demo.local', { landing });
    const minutes = (p: Page) => p.locator('.yp-room__minutes .yp-editor__content');
    await minutes(reader).waitFor();
    await minutes(secretary).click();
    await secretary.keyboard.type('Kokous avattiin.');
    await minutes(reader).locator('p', { hasText: 'Kokous avattiin.' }).waitFor();
    // Before the fix the tag said the account's name ("Sihteeristö (demo)").
    const tag = reader.locator('.yp-room__minutes .yp-caret__label');
    await tag.first().waitFor();
    await expect.poll(() => tag.allInnerTexts()).toEqual(['Kari Harjoitus (demo)']);
  });

  it('an account with no person in the body keeps its display name, marked as the viewer', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${ictMeeting}/room` });
    expect(await presentNames(page, 1)).toEqual(['Sihteeristö (demo) (sinä)']);
  });
});
