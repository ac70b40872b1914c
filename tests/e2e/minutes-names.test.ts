import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

/**
 * The published minutes page names the parties in the reader's language, also after switching the language on
 * the page (the names come in every language, as the body's name does), and lists the attendance chair first.
 */
const suite = e2eSuite();
type Names = { fi: string; sv: string | null; en: string | null };
let minutes: { meetingId: string; chair: string; attendance: { name: string; partyNames: Names }[] };

beforeAll(async () => {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  const r = await admin<{ publishedMinutesList: (typeof minutes & { title: string })[] }>(
    '{ publishedMinutesList { meetingId title chair attendance { name partyNames { fi sv en } } } }',
  );
  minutes = r.publishedMinutesList.find((m) => m.title === 'Kuntakokous 1/2026')!;
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
