import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  choose,
  launchBrowser,
  login,
  seriousAxeViolations,
  startServer,
  type Browser,
  type E2eServer,
  moveMeeting,
} from './helpers.js';
import { recordEveryonePresent } from './record-helpers.js';

let server: E2eServer;
const browsers: Browser[] = [];
let meetingId = '';
let needId = '';
let needTitle = '';

/**
 * A meeting of the municipal assembly in progress, made through the API: three
 * items, the third related to a need the county's representative (the chair) reads.
 */
beforeAll(async () => {
  server = await startServer();
  const admin = await apiAs(server.url, 'admin@demo.local');
  const chair = await apiAs(server.url, 'hyvinvointialue@demo.local');
  const { cooperationBodies } = await admin<{ cooperationBodies: { id: string; name: string }[] }>(
    '{ cooperationBodies { id name } }',
  );
  const assembly = cooperationBodies.find((b) => b.name === 'Kuntakokous')!;
  const needs = await chair<{ serviceNeeds: { edges: { node: { id: string; title: string } }[] } }>(
    '{ serviceNeeds(first: 5) { edges { node { id title } } } }',
  );
  ({ id: needId, title: needTitle } = needs.serviceNeeds.edges[0]!.node);
  const m = await admin<{ createMeeting: { id: string } }>(
    'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
    {
      i: { bodyId: assembly.id, title: 'Kuntakokous, ylimääräinen', startsAt: '2026-12-10T08:00:00Z' },
    },
  );
  meetingId = m.createMeeting.id;
  for (const [title, related] of [
    ['Kokouksen avaus', false],
    ['Pöytäkirjantarkastajien valinta', false],
    ['Yhteisen palvelupolun toimeenpano', true],
  ] as const) {
    await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
      i: { meetingId, title, proposal: `${title}: esitys hyväksytään.`, relatedNeedIds: related ? [needId] : [] },
    });
  }
  await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  // Decisions need the quorum (issue 12): the assembly's members are recorded present.
  await recordEveryonePresent(admin, meetingId);
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

async function inRoom(email: string): Promise<Page> {
  const browser = await launchBrowser({ viewport: { width: 1500, height: 1000 } });
  browsers.push(browser);
  await login(browser.page, server.url, email);
  await browser.page.goto(`${server.url}/meetings/${meetingId}/room`);
  await browser.page.locator('.yp-room__minutes .yp-editor__content').waitFor();
  await browser.page
    .getByTestId('presence')
    .getByText(/\(demo\)/)
    .first()
    .waitFor();
  return browser.page;
}

describe('the meeting room', () => {
  let chair: Page;
  let member: Page;
  beforeAll(async () => {
    chair = await inRoom('hyvinvointialue@demo.local');
    member = await inRoom('jyvaskyla@demo.local');
  });

  it("two people co-edit the minutes: each sees the other's text and cursor with their name", async () => {
    const minutes = (p: Page) => p.locator('.yp-room__minutes .yp-editor__content');
    await minutes(chair).click();
    await chair.keyboard.type('Puheenjohtaja avasi kokouksen. ');
    await minutes(member).getByText('Puheenjohtaja avasi kokouksen.').waitFor({ timeout: 10_000 });
    await minutes(member).click();
    await member.keyboard.press('End');
    await member.keyboard.type('Jyväskylä kannatti esitystä.');
    await minutes(chair).getByText('Jyväskylä kannatti esitystä.', { exact: false }).waitFor({ timeout: 10_000 });
    await chair.locator('.yp-room__minutes .yp-caret__label', { hasText: 'Aino Demola (demo)' }).waitFor({ timeout: 10_000 });
    await member
      .locator('.yp-room__minutes .yp-caret__label', { hasText: 'Mikko Esimerkki (demo)' })
      .waitFor({ timeout: 10_000 });
    await chair.locator('[data-sync="saved"]').first().waitFor();
    // The same text on both sides once the other's caret (a decoration with their name) is left out.
    const text = (p: Page) =>
      minutes(p).evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.yp-caret').forEach((c) => c.remove());
        return copy.textContent;
      });
    await expect(text(chair)).resolves.toBe(await text(member));
  });

  it("someone who joins later sees the others' carets at once, before they move", async () => {
    const late = await inRoom('admin@demo.local');
    // Neither the chair nor the member moves now; their carets must reach the newcomer well within
    // the 15 s in which Yjs awareness would renew them by itself.
    for (const name of ['Mikko Esimerkki (demo)', 'Aino Demola (demo)'])
      await late.locator('.yp-room__minutes .yp-caret__label', { hasText: name }).waitFor({ timeout: 5_000 });
  });

  it('the chair moves the pointer and the other follows', async () => {
    await chair.getByRole('button', { name: 'Siirrä käsittelyyn: Pöytäkirjantarkastajien valinta' }).click();
    await member.locator('[aria-current="step"]', { hasText: 'Pöytäkirjantarkastajien valinta' }).waitFor({ timeout: 10_000 });
    await member.locator('.yp-item.is-current h2', { hasText: 'Pöytäkirjantarkastajien valinta' }).waitFor();
  });

  it('a decision creates an action that is seen in the needs register', async () => {
    await chair.getByRole('button', { name: 'Siirrä käsittelyyn: Yhteisen palvelupolun toimeenpano' }).click();
    const item = chair.locator('.yp-item.is-current');
    await item.locator('h2', { hasText: 'Yhteisen palvelupolun toimeenpano' }).waitFor();
    const wording = item.locator('.yp-decision .yp-editor__content');
    await wording.click();
    await chair.keyboard.type('Kuntakokous hyväksyi palvelupolun toimeenpanon.');
    await item.locator('.yp-decision [data-sync="saved"]').waitFor();
    await item.getByRole('button', { name: 'Kirjaa päätös' }).click();
    await item.getByTestId('recorded-decision').getByText('Kuntakokous hyväksyi palvelupolun toimeenpanon.').waitFor();
    await member.locator('.yp-item.is-current').getByTestId('recorded-decision').waitFor({ timeout: 10_000 });

    await item.getByLabel('Toimenpide', { exact: true }).fill('Palvelupolun kuvaus ja vastuuhenkilöt');
    await choose(chair, item.getByRole('button', { name: /Vastuuosapuoli/ }), { label: 'Keski-Suomen hyvinvointialue' });
    await item.getByRole('button', { name: 'Luo toimenpide' }).click();
    await item.getByTestId('decision-actions').getByText('Palvelupolun kuvaus ja vastuuhenkilöt').waitFor();

    await chair.goto(`${server.url}/needs/${needId}`);
    await chair.getByRole('heading', { name: needTitle }).waitFor();
    await chair.getByText('Palvelupolun kuvaus ja vastuuhenkilöt').first().waitFor({ timeout: 10_000 });
    await chair.goBack();
  });

  it('has no serious accessibility violation', async () => {
    await member.locator('.yp-room__minutes .yp-editor__content').waitFor();
    expect(await seriousAxeViolations(member)).toEqual([]);
  });
});
