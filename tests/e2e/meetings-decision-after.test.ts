import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, moveMeeting, seriousAxeViolations } from './helpers.js';
import { decideUnanimously, electCheckers, recordEveryonePresent } from './record-helpers.js';

/**
 * After the meeting: an item left undecided is tabled while the minutes are drafted and reads "Asia jätettiin
 * pöydälle.", not its proposal; its wording can be written then. A checker sees why the check is not yet possible
 * instead of a button that is refused. On the meeting page, publishing the agenda replaces the last status line.
 */
const suite = e2eSuite();
type Api = Awaited<ReturnType<typeof apiAs>>;
let admin: Api;
let bodyId = '';

const newMeeting = async (title: string, items: string[]) => {
  const m = await admin<{ createMeeting: { id: string } }>(
    'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
    { i: { bodyId, title, startsAt: '2026-12-18T08:00:00Z' } },
  );
  const ids: string[] = [];
  for (const t of items) {
    const r = await admin<{ addAgendaItem: { id: string; version: number } }>(
      'mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id version } }',
      { i: { meetingId: m.createMeeting.id, title: t, proposal: 'Ehdotetaan, että asia hyväksytään.' } },
    );
    ids.push(r.addAgendaItem.id);
  }
  return { id: m.createMeeting.id, items: ids };
};

beforeAll(async () => {
  admin = await apiAs(suite.server.url, 'admin@demo.local');
  const { cooperationBodies } = await admin<{ cooperationBodies: { id: string; name: string }[] }>(
    '{ cooperationBodies { id name } }',
  );
  bodyId = cooperationBodies.find((b) => b.name === 'Kuntakokous')!.id;
});

async function chooseMode(page: Page, itemId: string, label: string) {
  await page.locator(`#decision-mode-${itemId}`).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

describe('after the meeting', () => {
  it('a checker is told which items lack a decision; tabling one records the standard phrase, and the check is offered', async () => {
    const { id, items } = await newMeeting('Foorumi testi 1/2026', ['Kokouksen avaus', 'Koulukuljetusten yhteistyö']);
    await moveMeeting(admin, id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
    await recordEveryonePresent(admin, id);
    await decideUnanimously(admin, id, 'Avattiin.', [items[0]!]);
    await moveMeeting(admin, id, 'HELD', 'MINUTES_DRAFT');
    // Checkers are elected among the voting members present: Jyväskylä's member and the county's.
    await electCheckers(suite.server.url, admin, id, ['jyvaskyla@demo.local', 'hyvinvointialue@demo.local']);

    // The checker sees why, and no button that would be refused.
    const checker = await suite.signedIn('jyvaskyla@demo.local', {
      landing: `/meetings/${id}`,
      viewport: { width: 1280, height: 900 },
    });
    const why = checker.getByTestId('check-minutes-why');
    await why.waitFor();
    expect(await why.textContent()).toMatch(/Päätös puuttuu: \d+ § Koulukuljetusten yhteistyö\./);
    expect(await checker.getByTestId('check-minutes').count()).toBe(0);
    expect(await seriousAxeViolations(checker)).toEqual([]);

    // In the room, the secretary: the wording is closed, but the undecided item's wording is written when its decision
    // is recorded.
    const page = await suite.signedIn('admin@demo.local', {
      landing: `/meetings/${id}/room`,
      viewport: { width: 1280, height: 900 },
    });
    await page.locator(`#agenda-${items[1]}`).click();
    const item = page.locator(`[data-item-id="${items[1]}"]`);
    await item.locator('h2', { hasText: 'Koulukuljetusten yhteistyö' }).waitFor();
    await chooseMode(page, items[1]!, 'Pöydälle');
    await item.getByTestId('decision-wording-hint').getByText('Asia jätettiin pöydälle.', { exact: false }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await item.getByRole('button', { name: 'Kirjaa päätös' }).click();
    const recorded = item.getByTestId('recorded-decision');
    await recorded.getByText('Asia jätettiin pöydälle.').waitFor();
    expect(await recorded.textContent()).not.toContain('Ehdotetaan');
    // The mode corrected without a wording: the phrase was the server's choice, so the proposal replaces it.
    await chooseMode(page, items[1]!, 'Yksimielinen');
    await item.getByRole('button', { name: 'Korjaa päätös' }).click();
    await recorded.getByText('Ehdotetaan, että asia hyväksytään.').waitFor();
    expect(await recorded.textContent()).not.toContain('Asia jätettiin pöydälle.');

    // Every item decided: the checker is offered the check and the reason is gone.
    await checker.goto(`${suite.server.url}/meetings/${id}`);
    await checker.getByTestId('check-minutes').waitFor();
    expect(await checker.getByTestId('check-minutes-why').count()).toBe(0);
  });

  it('the wording typed after the meeting is the decision', async () => {
    const { id, items } = await newMeeting('Foorumi testi 2/2026', ['Hankintayhteistyö']);
    await moveMeeting(admin, id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
    await recordEveryonePresent(admin, id);
    await moveMeeting(admin, id, 'HELD', 'MINUTES_DRAFT');
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${id}/room` });
    const item = page.locator(`[data-item-id="${items[0]}"]`);
    await chooseMode(page, items[0]!, 'Palautettiin valmisteluun');
    await item
      .getByLabel('Päätöksen sanamuoto pöytäkirjaan')
      .fill('Asia palautettiin valmisteluun kustannusarvion tarkentamiseksi.');
    await item.getByRole('button', { name: 'Kirjaa päätös' }).click();
    await item
      .getByTestId('recorded-decision')
      .getByText('Asia palautettiin valmisteluun kustannusarvion tarkentamiseksi.')
      .waitFor();
  });
});

describe('the meeting page', () => {
  it('publishing the agenda replaces the status line of the item added before', async () => {
    const { id } = await newMeeting('Foorumi testi 3/2026', ['Kokouksen avaus']);
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${id}` });
    await page.locator('#new-item-title').fill('Koulukuljetusten yhteistyö');
    await page.getByRole('button', { name: 'Lisää asia' }).click();
    const added = page.getByText('Asia lisätty: Koulukuljetusten yhteistyö.');
    await added.waitFor();
    await page.locator('[data-transition="AGENDA_PUBLISHED"]').click();
    // Publishing notifies the members, so it is confirmed first.
    await page.getByTestId('transition-confirm').locator('[data-confirm-transition="AGENDA_PUBLISHED"]').click();
    await page.locator('.yp-badge--agenda_published').waitFor();
    await added.waitFor({ state: 'detached' });
  });
});
