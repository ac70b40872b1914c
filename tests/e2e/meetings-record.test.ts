import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessibleNodes, apiAs, e2eSuite, launchBrowser, moveMeeting, seriousAxeViolations } from './helpers.js';
import { recordEveryonePresent } from './record-helpers.js';

/**
 * The lawful meeting record in the browser (issue 12): quorum shown live from attendance, the
 * checkers elected and each checking for themselves, published minutes with the checkers, the
 * actions of each decision and the appeal instructions, an action linking back to its decision,
 * the body's appeal instructions edited by the secretariat, and overdue personal data on the front page.
 */
const suite = e2eSuite();
type Api = Awaited<ReturnType<typeof apiAs>>;
let admin: Api;
let meetingId = '';
let needId = '';
let assemblyId = '';

async function noAxeFindings(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  admin = await apiAs(suite.server.url, 'admin@demo.local');
  const { cooperationBodies } = await admin<{ cooperationBodies: { id: string; name: string }[] }>(
    '{ cooperationBodies { id name } }',
  );
  assemblyId = cooperationBodies.find((b) => b.name === 'Kuntakokous')!.id;
  const needs = await admin<{ serviceNeeds: { edges: { node: { id: string } }[] } }>(
    '{ serviceNeeds(first: 1) { edges { node { id } } } }',
  );
  needId = needs.serviceNeeds.edges[0]!.node.id;
  const m = await admin<{ createMeeting: { id: string } }>(
    'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
    {
      i: { bodyId: assemblyId, title: 'Kuntakokous 3/2026', startsAt: '2026-12-17T08:00:00Z' },
    },
  );
  meetingId = m.createMeeting.id;
  for (const [title, related] of [
    ['Kokouksen avaus', false],
    ['Palvelupolun toimeenpano', true],
  ] as const)
    await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
      i: { meetingId, title, proposal: `${title}: hyväksytään.`, relatedNeedIds: related ? [needId] : [] },
    });
  await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
});

describe('the lawful record', () => {
  it('a published agenda keeps its § numbers: items move in the order of handling, none is removed, and the page says so', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${meetingId}` });
    await page.getByTestId('sections-fixed').waitFor();
    expect(await page.getByTestId('sections-fixed').textContent()).toContain('pykälänumerot eivät enää muutu');
    await page.getByRole('button', { name: 'Ylös: Palvelupolun toimeenpano' }).waitFor();
    expect(await page.getByRole('button', { name: /^Poista asia:/ }).count()).toBe(0);
  });

  it('shows the quorum live from attendance, and then on each decision', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${meetingId}/room` });
    const quorum = page.getByTestId('quorum');
    await page.locator('[data-testid="quorum"][data-reached="false"]').waitFor();
    expect(await quorum.textContent()).toContain('Ei päätösvaltainen');
    await recordEveryonePresent(admin, meetingId);
    await page.locator('[data-testid="quorum"][data-reached="true"]').waitFor({ timeout: 15_000 });
    expect(await quorum.textContent()).toMatch(/Päätösvaltainen: \d+\/\d+ jäsentä läsnä/);
    const { meeting } = await admin<{ meeting: { agenda: { id: string; version: number }[] } }>(
      'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
      { id: meetingId },
    );
    for (const item of meeting.agenda)
      await admin(
        'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin.", mode: UNANIMOUS) { id } }',
        {
          id: item.id,
          v: item.version,
        },
      );
    const county = (await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }')).parties.find(
      (p) => p.code === '15',
    )!.id;
    await admin('mutation ($i: CreateDecisionActionInput!) { createDecisionAction(input: $i) { id } }', {
      i: {
        itemId: meeting.agenda[1]!.id,
        needId,
        title: 'Palvelupolun kuvaus laaditaan',
        ownerPartyId: county,
        dueDate: '2027-04-30',
      },
    });
    await page.getByTestId('decision-quorum').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('decision-quorum').first().textContent()).toMatch(/Päätösvaltaisuus päätettäessä: \d+\/\d+/);
  });

  it('the checkers are elected from the members present, and the minutes are checked only when both have checked', async () => {
    await moveMeeting(admin, meetingId, 'HELD', 'MINUTES_DRAFT');
    // A member present with no user account: she fills a seat, but could never sign in to check.
    const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const { createPerson: noAccount } = await admin<{ createPerson: { id: string } }>(
      'mutation ($i: CreatePersonInput!) { createPerson(input: $i) { id } }',
      { i: { name: 'Tuuli Tunnukseton (demo)', partyId: parties.find((p) => p.code === '15')!.id } },
    );
    await admin('mutation ($i: AddMembershipInput!) { addMembership(input: $i) { id } }', {
      i: { bodyId: assemblyId, personId: noAccount.id, role: 'MEMBER' },
    });
    await admin('mutation ($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }', {
      i: { meetingId, personId: noAccount.id, status: 'PRESENT' },
    });
    const secretary = await suite.signedIn('admin@demo.local', { landing: `/meetings/${meetingId}` });
    const panel = secretary.getByTestId('minutes-checkers');
    await panel.waitFor();
    // The one-click "checked" is gone for those who run the meeting.
    expect(await secretary.locator('[data-transition="MINUTES_CHECKED"]').count()).toBe(0);
    // Sent with nobody chosen: nothing is sent, the group says why and focus moves to its first box.
    await panel.getByTestId('elect-checkers').click();
    await panel.locator('fieldset .yp-field-error', { hasText: 'Valitse täsmälleen kaksi' }).waitFor();
    expect(await secretary.evaluate(() => document.activeElement?.closest('fieldset')?.className)).toBe('yp-checkers__choose');
    expect(await panel.locator('li').count()).toBe(0);
    // Only the voting members present are offered: not the secretary (the secretariat's person) nor Laukaa's
    // observer, though both are recorded present.
    await panel.getByLabel('Aino Demola (demo)').waitFor();
    expect(await panel.getByLabel('Kari Harjoitus (demo)').count()).toBe(0);
    expect(await panel.getByLabel('Liisa Keksitty (demo)').count()).toBe(0);
    // The member without an account is listed, not selectable, and the reason is said in words (not colour only).
    const unelectable = panel.getByRole('checkbox', { name: /Tuuli Tunnukseton \(demo\)/ });
    await unelectable.waitFor();
    expect(await unelectable.isDisabled()).toBe(true);
    expect(await panel.locator('label', { hasText: 'Tuuli Tunnukseton (demo)' }).textContent()).toContain(
      'ei käyttäjätunnusta: ei voi kirjautua tarkastamaan',
    );
    // The box's name says the reason, and only its name: a screen reader reads it once, not again as a description.
    const unelectableName = 'Tuuli Tunnukseton (demo) (ei käyttäjätunnusta: ei voi kirjautua tarkastamaan)';
    expect(await accessibleNodes(secretary, 'checkbox', unelectableName)).toEqual([{ name: unelectableName, description: '' }]);
    expect(await panel.getByLabel('Aino Demola (demo)').isDisabled()).toBe(false);
    await panel.getByLabel('Aino Demola (demo)').check();
    expect(await panel.locator('fieldset .yp-field-error').count()).toBe(0);
    await panel.getByLabel('Mikko Esimerkki (demo)').check();
    await panel.getByTestId('elect-checkers').click();
    await panel.locator('li', { hasText: 'Aino Demola (demo)' }).waitFor();
    await panel.locator('li', { hasText: 'Mikko Esimerkki (demo)' }).waitFor();
    await noAxeFindings(secretary);
    // The secretary runs the meeting but is no checker.
    expect(await panel.getByTestId('check-minutes').count()).toBe(0);

    // Jyväskylä's member checks for herself, and one check is not enough.
    const member = await suite.signedIn('jyvaskyla@demo.local', { landing: `/meetings/${meetingId}` });
    await member.getByTestId('check-minutes').click();
    await member.locator('li[data-checked="true"]', { hasText: 'Aino Demola (demo)' }).waitFor();
    await panel.locator('li[data-checked="true"]', { hasText: 'Aino Demola (demo)' }).waitFor({ timeout: 15_000 });
    expect(await secretary.locator('.yp-badge--minutes_draft').count()).toBe(1);

    const chair = await suite.signedIn('hyvinvointialue@demo.local', { landing: `/meetings/${meetingId}` });
    await chair.getByTestId('check-minutes').click();
    await chair.locator('.yp-badge--minutes_checked').waitFor();
    await secretary.locator('.yp-badge--minutes_checked').waitFor({ timeout: 15_000 });
    expect(await secretary.getByTestId('minutes-checkers').locator('li[data-checked="true"]').count()).toBe(2);

    // Publishing cannot be undone: the page asks first.
    await secretary.locator('[data-transition="PUBLISHED"]').click();
    await secretary.getByTestId('transition-confirm').locator('[data-confirm-transition="PUBLISHED"]').click();
    await secretary.locator('.yp-badge--published').waitFor();
  });

  it('the published minutes carry the checkers, the actions of each decision and the appeal instructions', async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/minutes/${meetingId}` });
    await page.locator('#checkers').waitFor();
    const text = (await page.locator('.yp-minutes').textContent()) ?? '';
    const checkers = (await page.locator('.yp-minutes__checkers').textContent()) ?? '';
    expect(checkers).toContain('Aino Demola (demo)');
    expect(checkers).toContain('Mikko Esimerkki (demo)');
    expect(text).toContain('Palvelupolun kuvaus laaditaan');
    expect(text).toContain('OIKAISUVAATIMUSOHJE');
    expect(text).toMatch(/Päätösvaltaisuus päätettäessä/);
    expect(await page.locator('a[href*="minutes.pdf"]').getAttribute('href')).toMatch(/minutes\.pdf\?lang=fi$/);
    await noAxeFindings(page);
    await page.screenshot({ path: '/tmp/rec/minutes.png', fullPage: true });
  });

  it('an action links back to the decision and item that created it', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${needId}` });
    const link = page.getByTestId('action-decision').getByRole('link', { name: /Kuntakokous 3\/2026/ });
    await link.waitFor();
    expect(await link.textContent()).toContain('Palvelupolun toimeenpano');
    await link.click();
    await page.waitForURL(`**/meetings/${meetingId}`);
  });

  it("the secretariat edits a body's appeal instructions", async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: `/cooperation/bodies/${assemblyId}` });
    const section = page.getByTestId('appeal-instructions');
    await section.locator('.yp-appeal-text', { hasText: 'OIKAISUVAATIMUSOHJE' }).waitFor();
    await section.getByTestId('appeal-edit').click();
    await section.getByTestId('appeal-fi').fill('Oikaisuvaatimus tehdään 14 päivän kuluessa Kuntakokoukselle.');
    await noAxeFindings(page);
    await section.getByRole('button', { name: 'Tallenna ohje' }).click();
    await section.getByText('Ohje tallennettu.').waitFor();
    await section
      .locator('.yp-appeal-text', { hasText: 'Oikaisuvaatimus tehdään 14 päivän kuluessa Kuntakokoukselle.' })
      .waitFor();
  });

  it('past the removal date the public minutes name no one, removed or not, and the meeting page says since when', async () => {
    const { meetings } = await admin<{
      meetings: {
        id: string;
        title: string;
        personalDataRemovalDue: string | null;
        attendance: { person: { name: string } }[];
      }[];
    }>('{ meetings { id title personalDataRemovalDue attendance { person { name } } } }');
    const byTitle = (title: string) => meetings.find((m) => m.title === title)!;
    const fiDate = (iso: string) => iso.split('-').map(Number).reverse().join('.');
    // The demo's minutes: their removal date has passed, and no one has removed anything yet.
    const past = byTitle('Kuntakokous 1/2026');
    const due = past.personalDataRemovalDue!;
    const heading = 'Henkilötiedot julkaistussa pöytäkirjassa';
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${past.id}` });
    const card = page.getByRole('region', { name: heading });
    await card.getByText(`Henkilötiedot on poistettu julkisesta pöytäkirjasta ${fiDate(due)}.`).waitFor();
    // The minutes published in this file: their removal date is ahead, and the page says when.
    const fresh = byTitle('Kuntakokous 3/2026');
    await page.goto(`${suite.server.url}/meetings/${fresh.id}`);
    await page
      .getByRole('region', { name: heading })
      .getByText(`Henkilötiedot poistetaan, kun muutoksenhakuaika päättyy: ${fiDate(fresh.personalDataRemovalDue!)}.`)
      .waitFor();

    const browser = await launchBrowser();
    suite.browsers.push(browser);
    const anonymous = browser.page;
    await anonymous.goto(`${suite.server.url}/minutes/${past.id}`);
    await anonymous.locator('#checkers').waitFor();
    const lines = await anonymous.locator('.yp-minutes__attendance li, .yp-minutes__checkers li').allTextContents();
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).toMatch(/^\[nimi poistettu\]/);
    const text = (await anonymous.locator('.yp-minutes').textContent()) ?? '';
    expect(past.attendance.length).toBeGreaterThan(0);
    for (const { person } of past.attendance) expect(text).not.toContain(person.name);
    expect(text).toContain('Henkilötiedot on poistettu muutoksenhakuajan päätyttyä.');
    expect(await seriousAxeViolations(anonymous)).toEqual([]);
  });

  it("flags overdue personal data on the secretariat's front page, removed in one action", async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/' });
    const card = page.getByTestId('home-removals');
    await card.getByText('Kuntakokous 1/2026').waitFor();
    await noAxeFindings(page);
    await page.screenshot({ path: '/tmp/rec/home.png' });
    await card.getByRole('button', { name: 'Poista henkilötiedot: Kuntakokous 1/2026' }).click();
    await card.getByText('Henkilötiedot poistettu: Kuntakokous 1/2026.').waitFor();
    const { publishedMinutesList } = await admin<{ publishedMinutesList: { title: string; personalDataRemoved: boolean }[] }>(
      '{ publishedMinutesList { title personalDataRemoved } }',
    );
    expect(publishedMinutesList.find((m) => m.title === 'Kuntakokous 1/2026')?.personalDataRemoved).toBe(true);
    // A representative has no such card.
    const rep = await suite.signedIn('jyvaskyla@demo.local', { landing: '/' });
    expect(await rep.getByTestId('home-removals').count()).toBe(0);
  });
});
