import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  assemblyMeeting,
  e2eSuite,
  moveMeeting,
  plainSpaces,
  seriousAxeViolations,
  shownLines,
  type Api,
} from './helpers.js';
import { checkAsCheckers, decideUnanimously, electCheckers, recordEveryonePresent } from './record-helpers.js';

const suite = e2eSuite();
const ADMIN = 'admin@demo.local';

/** A meeting of the assembly in progress with three undecided items (ids in agenda order). */
async function meetingInProgress(api: Api, title: string): Promise<{ id: string; items: string[] }> {
  const { id } = await assemblyMeeting(api, title);
  const items: string[] = [];
  for (const t of ['Avaus', 'Talousarvio', 'Muut asiat']) {
    const r = await api<{ addAgendaItem: { id: string } }>(
      'mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
      { i: { meetingId: id, title: `${title}: ${t}`, proposal: 'Hyväksytään.' } },
    );
    items.push(r.addAgendaItem.id);
  }
  await moveMeeting(api, id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  return { id, items };
}

const statusOf = async (api: Api, id: string) =>
  (await api<{ meeting: { status: string } }>('query ($id: ID!) { meeting(id: $id) { status } }', { id })).meeting.status;

/** What has the keyboard focus: its id, else a data-transition, else its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'none';
    return el.id || (el.getAttribute('data-transition') ? `transition:${el.getAttribute('data-transition')}` : el.tagName);
  });

describe('the meeting room', () => {
  it('moving the discussion with the keyboard puts the focus on the new item and announces it politely', async () => {
    const api = await apiAs(suite.server.url, ADMIN);
    const { id, items } = await meetingInProgress(api, 'Fokuskokous');
    const page = await suite.signedIn(ADMIN, { landing: `/meetings/${id}/room` });
    const point = page.getByRole('button', { name: 'Siirrä käsittelyyn: Fokuskokous: Talousarvio' });
    await point.focus();
    await page.keyboard.press('Enter');
    await page.locator('li[data-current]', { hasText: 'Fokuskokous: Talousarvio' }).waitFor();
    // Before the fix the pressed button left the page and the focus fell to <body>.
    await expect.poll(() => focused(page)).toBe(`item-${items[1]}`);
    expect(await page.locator(`#item-${items[1]}`).getAttribute('tabindex')).toBe('-1');
    const live = page.getByTestId('room-announcement');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(plainSpaces(await live.innerText())).toMatch(/^Käsittelyssä nyt: \d+ § Fokuskokous: Talousarvio$/);

    // Browsing another item (not following), the focus goes to the new current item's agenda entry.
    await page.locator(`#agenda-${items[0]}`).click();
    await page.locator(`article[data-item-id="${items[0]}"]`).waitFor();
    await page.getByRole('button', { name: 'Siirrä käsittelyyn: Fokuskokous: Muut asiat' }).press('Enter');
    await page.locator('li[data-current]', { hasText: 'Fokuskokous: Muut asiat' }).waitFor();
    await expect.poll(() => focused(page)).toBe(`agenda-${items[2]}`);
  });

  it('"Päätä kokous" asks first, says how many items are undecided, and Peruuta or Escape leaves the meeting running', async () => {
    const api = await apiAs(suite.server.url, ADMIN);
    const { id } = await meetingInProgress(api, 'Päätöskokous');
    const page = await suite.signedIn(ADMIN, { landing: `/meetings/${id}/room` });
    const end = page.locator('[data-transition="HELD"]');
    await end.click();
    const confirm = page.getByTestId('transition-confirm');
    await confirm.waitFor();
    expect(await end.getAttribute('aria-expanded')).toBe('true');
    expect(await end.getAttribute('aria-controls')).toBe(await confirm.getAttribute('id'));
    expect(await confirm.locator('p').innerText()).toBe(
      'Päätetäänkö kokous? 3 asiaa on vielä päättämättä. Päätettyä kokousta ei voi avata uudelleen.',
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-confirm-question'))).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The question and its buttons fit a phone's width.
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await confirm.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1366, height: 900 });

    await confirm.getByRole('button', { name: 'Peruuta' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('transition:HELD');
    expect(await statusOf(api, id)).toBe('IN_PROGRESS');

    await end.press('Enter');
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('transition:HELD');
    expect(await statusOf(api, id)).toBe('IN_PROGRESS');

    await end.click();
    await confirm.getByRole('button', { name: 'Päätä kokous' }).click();
    await page.locator('.yp-badge--held').waitFor();
    expect(await statusOf(api, id)).toBe('HELD');
    // The pressed buttons are gone: the focus goes to the next move, not to <body>.
    await expect.poll(() => focused(page)).toBe('transition:MINUTES_DRAFT');
  });

  it('"Julkaise pöytäkirja" asks first too, and Peruuta leaves the minutes unpublished', async () => {
    const api = await apiAs(suite.server.url, ADMIN);
    const { id, items } = await meetingInProgress(api, 'Julkaisukokous');
    await recordEveryonePresent(api, id);
    await decideUnanimously(api, id, 'Hyväksyttiin.', items);
    await moveMeeting(api, id, 'HELD', 'MINUTES_DRAFT');
    const checkers: [string, string] = ['jyvaskyla@demo.local', 'hyvinvointialue@demo.local'];
    await electCheckers(suite.server.url, api, id, checkers);
    await checkAsCheckers(suite.server.url, id, checkers);
    const page = await suite.signedIn(ADMIN, { landing: `/meetings/${id}` });
    await page.locator('[data-transition="PUBLISHED"]').click();
    const confirm = page.getByTestId('transition-confirm');
    expect(await confirm.locator('p').innerText()).toBe(
      'Julkaistaanko pöytäkirja? Julkaistu pöytäkirja näkyy kaikille, eikä sitä voi enää muuttaa.',
    );
    await confirm.getByRole('button', { name: 'Peruuta' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await statusOf(api, id)).toBe('MINUTES_CHECKED');
  });
});

describe('the meeting page subtitle', () => {
  it('separates only the parts it has and never ends a line with a lone separator', async () => {
    const api = await apiAs(suite.server.url, ADMIN);
    const { id } = await assemblyMeeting(api, 'Paikallinen kokous');
    const { updateMeeting } = await api<{ updateMeeting: { location: string } }>(
      'mutation ($id: ID!, $v: Int!, $i: UpdateMeetingInput!) { updateMeeting(id: $id, expectedVersion: $v, input: $i) { location } }',
      {
        id,
        v: (await api<{ meeting: { version: number } }>('query ($id: ID!) { meeting(id: $id) { version } }', { id })).meeting
          .version,
        i: { location: 'Jyväskylä, Keski-Suomen liitto ja Teams' },
      },
    );
    expect(updateMeeting.location).toBe('Jyväskylä, Keski-Suomen liitto ja Teams');
    const page = await suite.signedIn(ADMIN, { landing: `/meetings/${id}`, viewport: { width: 390, height: 800 } });
    const subtitle = page.locator('p.yp-lead');
    await subtitle.locator('.yp-badge').waitFor();
    const text = plainSpaces(await subtitle.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/^Kuntakokous · .+ klo \d+\.\d\d · Jyväskylä, Keski-Suomen liitto ja Teams · Suunniteltu$/);
    expect(text).not.toMatch(/· ·/);
    // Each line as laid out at 390 px: none ends with the separator.
    const lines = await shownLines(subtitle);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).not.toMatch(/·$/);
  });
});
