import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();

/** The demo meeting in `status`. */
async function meetingIn(status: string): Promise<string> {
  const api = await apiAs(suite.server.url, 'admin@demo.local');
  const { meetings } = await api<{ meetings: { id: string; status: string }[] }>('{ meetings { id status } }');
  return meetings.find((m) => m.status === status)!.id;
}

/** Opens the room as `who` and counts, from before the first request, the joinMeeting requests the page sends. */
async function openRoom(who: string, meetingId: string): Promise<{ page: Page; joins: () => number }> {
  const page = await suite.signedIn(who);
  let joins = 0;
  page.on('request', (request) => {
    if (/\bjoinMeeting\b/.test(request.postData() ?? '')) joins += 1;
  });
  await page.goto(`${suite.server.url}/meetings/${meetingId}/room`);
  return { page, joins: () => joins };
}

describe('the meeting room for a reader who may not take part', () => {
  it('the analyst sends no joinMeeting, is told they are not shown, and sees who is present', async () => {
    const id = await meetingIn('AGENDA_PUBLISHED');
    // The secretariat takes part: its room joins (the control that the count sees a join at all).
    const admin = await openRoom('admin@demo.local', id);
    await admin.page.getByTestId('presence').getByText('Paikalla nyt (1)').waitFor();
    expect(admin.joins()).toBeGreaterThan(0);

    const analyst = await openRoom('analyst@demo.local', id);
    const presence = analyst.page.getByTestId('presence');
    // Others' presence is still shown: the admin, and the analyst is not counted.
    await presence.getByText('Paikalla nyt (1)').waitFor();
    await analyst.page.locator('.yp-room__minutes .yp-editor__content').waitFor();
    await analyst.page.waitForLoadState('networkidle');
    expect(analyst.joins()).toBe(0);
    expect(await presence.getByTestId('presence-reader').innerText()).toBe(
      'Seuraat kokousta lukijana: et näy paikalla olevien joukossa.',
    );
    expect(await seriousAxeViolations(analyst.page)).toEqual([]);
  });
});

describe('a read-only decision wording says why, as the minutes do, and shows no save status', () => {
  const cases = [
    {
      who: 'laukaa@demo.local',
      reason: 'Vain luku: olet toimielimessä tarkkailija, joten et voi kirjoittaa päätöksen sanamuotoa',
    },
    {
      who: 'analyst@demo.local',
      reason: 'Vain luku: et ole toimielimen jäsen, joten et voi kirjoittaa päätöksen sanamuotoa',
    },
  ];
  for (const { who, reason } of cases) {
    it(`${who}: "${reason}"`, async () => {
      const id = await meetingIn('AGENDA_PUBLISHED');
      const page = await suite.signedIn(who, { landing: `/meetings/${id}/room` });
      const editor = page.locator('.yp-decision .yp-editor');
      const content = editor.locator('.yp-editor__content');
      await content.waitFor();
      await page.waitForLoadState('networkidle');
      // Before: plain "Vain luku".
      const bar = await editor.locator('.yp-editor__bar').innerText();
      expect(bar).toBe(reason);
      expect(await editor.locator('[data-sync]').count()).toBe(0);
      expect(await content.getAttribute('aria-readonly')).toBe('true');
      const describedBy = await content.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe(reason);
    });
  }

  it('a member who may write the wording sees its save status and no read-only words', async () => {
    const id = await meetingIn('AGENDA_PUBLISHED');
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${id}/room` });
    const editor = page.locator('.yp-decision .yp-editor');
    await editor.locator('[data-sync]').waitFor();
    expect(await editor.getByTestId('editor-read-only').count()).toBe(0);
    expect(await editor.locator('.yp-editor__content').getAttribute('aria-readonly')).toBeNull();
  });
});

/** Waits for the page's next GraphQL request whose body names `field` to be answered. */
const answered = (page: Page, field: string) =>
  page.waitForResponse((r) => new RegExp(`\\b${field}\\b`).test(r.request().postData() ?? ''));

describe('the meeting room open in two tabs of one user', () => {
  it('leaving it in one tab keeps the user present while the other tab has it open; leaving it there too takes them out', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const { id } = await assemblyMeeting(admin, 'E2E kaksi välilehteä', '2026-12-17T08:00:00Z');
    const room = `${suite.server.url}/meetings/${id}/room`;
    const tabs: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const page = await suite.signedIn('hyvinvointialue@demo.local');
      const joined = answered(page, 'joinMeeting');
      await page.goto(room);
      await joined;
      // One person, however many tabs they have.
      await page.getByTestId('presence').getByText('Paikalla nyt (1)').waitFor();
      tabs.push(page);
    }
    // Another member's heartbeat answers with who is in the room at that moment, by party (the county is '15').
    const member = await apiAs(suite.server.url, 'jyvaskyla@demo.local');
    const present = async () =>
      (
        await member<{ joinMeeting: { party: { code: string } }[] }>(
          'mutation ($m: ID!) { joinMeeting(meetingId: $m) { party { code } } }',
          { m: id },
        )
      ).joinMeeting
        .map((p) => p.party.code)
        .sort();

    // The first tab leaves the room for the meeting's page (its leaveMeeting is answered before we ask).
    const left = answered(tabs[0]!, 'leaveMeeting');
    await tabs[0]!.getByRole('link', { name: 'Takaisin kokouksen tietoihin' }).click();
    await left;
    // Before: the user was gone until the other tab's next heartbeat (all HTTP joins of a user shared one hold).
    expect(await present()).toEqual(['15', '179']);

    const leftToo = answered(tabs[1]!, 'leaveMeeting');
    await tabs[1]!.getByRole('link', { name: 'Takaisin kokouksen tietoihin' }).click();
    await leftToo;
    expect(await present()).toEqual(['179']);
  });
});
