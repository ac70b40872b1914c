import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, e2eSuite, moveMeeting, sentOperations, waitForLiveConnection, type Api } from './helpers.js';
import { recordEveryonePresent } from './record-helpers.js';

/**
 * The decision form of an item starts from its recorded decision: after a vote (on reload, or recorded live by someone
 * else) Päätöstapa reads "Äänestys" with the counts, so "Korjaa päätös" corrects the vote instead of turning it into a
 * unanimous decision. Unsaved edits are kept when the decision changes live, and recording them then is refused as a
 * conflict (the form's version is the decision's it started from) before a second, deliberate, correction.
 */
const suite = e2eSuite();
let admin: Api;

beforeAll(async () => {
  admin = await apiAs(suite.server.url, 'admin@demo.local');
});

/** A meeting of the assembly in progress, everyone present, with one item: its ids. */
async function meetingWithItem(title: string): Promise<{ id: string; itemId: string }> {
  const { id } = await assemblyMeeting(admin, title);
  const { addAgendaItem } = await admin<{ addAgendaItem: { id: string } }>(
    'mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
    { i: { meetingId: id, title: 'Koulukuljetusten yhteistyö', proposal: 'Ehdotetaan, että asia hyväksytään.' } },
  );
  await moveMeeting(admin, id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  await recordEveryonePresent(admin, id);
  return { id, itemId: addAgendaItem.id };
}

/** Records a vote on the item through the API, as another user would, against the item's version now. */
async function recordVote(itemId: string, meetingId: string, votes: { for: number; against: number; abstain: number }) {
  const { meeting } = await admin<{ meeting: { agenda: { id: string; version: number }[] } }>(
    'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
    { id: meetingId },
  );
  await admin(
    'mutation ($id: ID!, $v: Int!, $votes: VoteCountInput) { recordDecision(itemId: $id, expectedVersion: $v, mode: VOTE, votes: $votes) { id } }',
    { id: itemId, v: meeting.agenda.find((i) => i.id === itemId)!.version, votes },
  );
}

/** What the form shows: the chosen mode and, for a vote, the counts. */
async function formOf(page: Page, itemId: string) {
  const item = page.locator(`[data-item-id="${itemId}"]`);
  const counts = item.locator('.yp-decision__form input[type="number"]');
  return {
    // The button reads its (visually hidden) label, then the choice.
    mode: (await page.locator(`#decision-mode-${itemId}`).innerText()).trim().split('\n').pop(),
    votes: await Promise.all((await counts.all()).map((c) => c.inputValue())),
  };
}

async function chooseMode(page: Page, itemId: string, label: string) {
  await page.locator(`#decision-mode-${itemId}`).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

describe('the decision form', () => {
  it('reads the recorded vote after a reload, and a correction keeps it a vote', async () => {
    const { id, itemId } = await meetingWithItem('Kuntakokous 7/2026');
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${id}/room` });
    const item = page.locator(`[data-item-id="${itemId}"]`);
    await chooseMode(page, itemId, 'Äänestys');
    await item.getByLabel('Jaa', { exact: true }).fill('4');
    await item.getByLabel('Ei', { exact: true }).fill('2');
    await item.getByLabel('Tyhjää', { exact: true }).fill('0');
    await item.getByRole('button', { name: 'Kirjaa päätös' }).click();
    const recorded = item.getByTestId('recorded-decision');
    await recorded.getByText('Äänestys (jaa 4, ei 2, tyhjää 0)').waitFor();

    await page.reload();
    await item.getByRole('button', { name: 'Korjaa päätös' }).waitFor();
    expect(await formOf(page, itemId)).toEqual({ mode: 'Äänestys', votes: ['4', '2', '0'] });

    // The correction is of the vote, against the decision's version: recorded, not refused.
    await item.getByLabel('Ei', { exact: true }).fill('1');
    await item.getByRole('button', { name: 'Korjaa päätös' }).click();
    await recorded.getByText('Äänestys (jaa 4, ei 1, tyhjää 0)').waitFor();
    expect(await formOf(page, itemId)).toEqual({ mode: 'Äänestys', votes: ['4', '1', '0'] });

    // Tabled: the form reads "Pöydälle" after a reload too, without counts.
    await chooseMode(page, itemId, 'Pöydälle');
    await item.getByRole('button', { name: 'Korjaa päätös' }).click();
    await recorded.getByText('Pöydälle', { exact: true }).waitFor();
    await page.reload();
    await item.getByRole('button', { name: 'Korjaa päätös' }).waitFor();
    expect(await formOf(page, itemId)).toEqual({ mode: 'Pöydälle', votes: [] });
  }, 120_000);

  it('follows a decision recorded live by someone else, but keeps unsaved edits and does not record them over it', async () => {
    const { id, itemId } = await meetingWithItem('Kuntakokous 8/2026');
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${id}/room` });
    const item = page.locator(`[data-item-id="${itemId}"]`);
    await item.getByRole('button', { name: 'Kirjaa päätös' }).waitFor();
    await waitForLiveConnection(page);

    await recordVote(itemId, id, { for: 3, against: 1, abstain: 1 });
    await item.getByTestId('recorded-decision').getByText('Äänestys (jaa 3, ei 1, tyhjää 1)').waitFor();
    await expect.poll(() => formOf(page, itemId)).toEqual({ mode: 'Äänestys', votes: ['3', '1', '1'] });

    // Edited here, not saved; meanwhile the vote is corrected elsewhere: the edits stay.
    await chooseMode(page, itemId, 'Merkittiin tiedoksi');
    await recordVote(itemId, id, { for: 2, against: 2, abstain: 1 });
    await item.getByTestId('recorded-decision').getByText('Äänestys (jaa 2, ei 2, tyhjää 1)').waitFor();
    expect(await formOf(page, itemId)).toEqual({ mode: 'Merkittiin tiedoksi', votes: [] });

    // Recording them would overwrite a decision the user has not seen: refused first, recorded when asked again.
    await item.getByRole('button', { name: 'Korjaa päätös' }).click();
    await item.getByText('Joku muu muutti tietoa sillä välin.', { exact: false }).waitFor();
    expect(await item.getByTestId('recorded-decision').innerText()).toContain('jaa 2, ei 2, tyhjää 1');
    await item.getByRole('button', { name: 'Korjaa päätös' }).click();
    await item.getByTestId('recorded-decision').getByText('Merkittiin tiedoksi', { exact: true }).waitFor();
  }, 120_000);

  it('checks the counts of a vote itself: no negative, decimal or too large count is sent, each said in words', async () => {
    const { id, itemId } = await meetingWithItem('Kuntakokous 9/2026');
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${id}/room` });
    const item = page.locator(`[data-item-id="${itemId}"]`);
    await chooseMode(page, itemId, 'Äänestys');
    const sent = sentOperations(page, 'RecordDecision');
    const against = item.getByLabel('Ei', { exact: true });
    for (const [typed, said] of [
      ['-5', 'Pienin sallittu arvo on 0.'],
      ['1.5', 'Anna kokonaisluku ilman desimaaleja, esimerkiksi 1200.'],
      ['99999999999', 'Suurin sallittu arvo on 10\u00a0000.'],
    ] as const) {
      await against.fill(typed);
      await item.getByRole('button', { name: 'Kirjaa päätös' }).click();
      await item.getByTestId('votes-error').getByText(said, { exact: true }).waitFor();
      expect(await against.getAttribute('aria-invalid')).toBe('true');
    }
    expect(sent).toEqual([]);
    // Corrected, the vote is recorded.
    await against.fill('2');
    expect(await item.getByTestId('votes-error').count()).toBe(0);
    await item.getByRole('button', { name: 'Kirjaa päätös' }).click();
    await item.getByTestId('recorded-decision').getByText('Äänestys', { exact: false }).waitFor();
    expect(sent.length).toBe(1);
  }, 120_000);
});
