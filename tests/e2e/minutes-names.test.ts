import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, e2eSuite, moveMeeting, seriousAxeViolations } from './helpers.js';
import { checkAsCheckers, decideUnanimously, electCheckers, recordEveryonePresent } from './record-helpers.js';

/**
 * The published minutes page names the parties in the reader's language, also after switching the language on
 * the page (the names come in every language, as the body's name does), and lists the attendance chair first.
 */
const suite = e2eSuite();
type Names = { fi: string; sv: string | null; en: string | null };
let minutes: { meetingId: string; chair: string; attendance: { name: string; partyNames: Names }[] };

beforeAll(async () => {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  // Minutes published now, every participant of the assembly present: their appeal period runs, so they name people
  // (the demo's published minutes are past theirs, and name no one).
  const { id } = await assemblyMeeting(admin, 'Kuntakokous nimet');
  await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
    i: { meetingId: id, title: 'Kokouksen avaus' },
  });
  await moveMeeting(admin, id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  await recordEveryonePresent(admin, id);
  await decideUnanimously(admin, id, 'Hyväksyttiin.');
  await moveMeeting(admin, id, 'HELD', 'MINUTES_DRAFT');
  const checkers: [string, string] = ['jyvaskyla@demo.local', 'hyvinvointialue@demo.local'];
  await electCheckers(suite.server.url, admin, id, checkers);
  await checkAsCheckers(suite.server.url, id, checkers);
  await moveMeeting(admin, id, 'PUBLISHED');
  const r = await admin<{ publishedMinutesList: (typeof minutes)[] }>(
    '{ publishedMinutesList { meetingId chair attendance { name partyNames { fi sv en } } } }',
  );
  minutes = r.publishedMinutesList.find((m) => m.meetingId === id)!;
});

describe('the published minutes page', () => {
  it('shows the parties in the language chosen on the page, the chair first', async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/minutes/${minutes.meetingId}` });
    const items = page.locator('.yp-minutes__attendance li');
    await items.first().waitFor();
    const expected = (lang: keyof Names) =>
      minutes.attendance.map((a) => `${a.name}, ${a.partyNames[lang] || a.partyNames.fi} – `);
    const shown = async () => (await items.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    // Each line as the minutes print it: name, party in the page's language, then the status.
    const starts = async (lang: keyof Names) => (await shown()).map((t, i) => t.slice(0, expected(lang)[i]!.length));
    expect((await shown())[0]).toMatch(new RegExp(`^${minutes.chair.replace(/[()]/g, '\\$&')}, `));
    expect(await starts('fi')).toEqual(expected('fi'));
    // Switched on the page, without reloading it: the names follow.
    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitem', { name: /Svenska/ }).click();
    await page.getByRole('heading', { name: 'Närvaro' }).waitFor();
    expect(expected('sv')).not.toEqual(expected('fi'));
    expect(await starts('sv')).toEqual(expected('sv'));
    expect(await page.locator('a[href*="minutes.pdf"]').getAttribute('href')).toMatch(/minutes\.pdf\?lang=sv$/);
    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitem', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Attendance' }).waitFor();
    expect(await starts('en')).toEqual(expected('en'));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
