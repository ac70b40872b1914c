import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, choose, e2eSuite, launchBrowser, moveMeeting, sentOperations } from './helpers.js';
import { decideUnanimously, recordEveryonePresent } from './record-helpers.js';

// Forms an outside tester found saying only "Osa tiedoista ei kelpaa", marking one field of several, or leaving the
// keyboard on the button: each now marks every invalid field at once, says what is wrong beside it and moves focus
// to the first one (useFieldErrors, as the need page's forms do).
const suite = e2eSuite();

/** The id of the element that has focus. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The ids of the controls marked invalid in `form`, in document order. */
const marked = (form: Locator) =>
  form.locator('[aria-invalid="true"]').evaluateAll((els) => els.map((el) => el.id || el.getAttribute('name')));

/** The generic refusal, said as a whole ("Osa tiedoista ei kelpaa …"), inside `form`. */
const generic = (form: Locator) => form.getByText('Osa tiedoista ei kelpaa', { exact: false });

describe('the meeting room’s action form', () => {
  it('marks a missing party and a too long title beside the fields, focused, without the generic alert', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    // A need the chair reads, so the item's related needs are offered to them.
    const chair = await apiAs(suite.server.url, 'hyvinvointialue@demo.local');
    const { serviceNeeds } = await chair<{ serviceNeeds: { edges: { node: { id: string } }[] } }>(
      '{ serviceNeeds(first: 1) { edges { node { id } } } }',
    );
    const needId = serviceNeeds.edges[0]!.node.id;
    const { id: meetingId } = await assemblyMeeting(admin, 'E2E kokous toimenpiteen merkinnöille');
    const { addAgendaItem } = await admin<{ addAgendaItem: { id: string } }>(
      'mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
      { i: { meetingId, title: 'E2E asia toimenpiteelle', proposal: 'Hyväksytään.', relatedNeedIds: [needId] } },
    );
    await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
    await recordEveryonePresent(admin, meetingId);
    await decideUnanimously(admin, meetingId, 'Hyväksyttiin.', [addAgendaItem.id]);

    const page = await suite.signedIn('hyvinvointialue@demo.local', { landing: `/meetings/${meetingId}/room` });
    await page.getByRole('button', { name: 'Siirrä käsittelyyn: E2E asia toimenpiteelle' }).click();
    const form = page.locator('.yp-item.is-current').getByRole('form', { name: 'Uusi toimenpide päätöksestä' });
    const creates = sentOperations(page, 'CreateDecisionAction');
    const title = form.locator(`[id="decision-action-title-${addAgendaItem.id}"]`);

    // Nothing given: both marked with what to do, the title focused, nothing sent.
    await form.getByRole('button', { name: 'Luo toimenpide' }).click();
    await form.getByText('Kirjoita toimenpide.').waitFor();
    await form.getByText('Valitse vastuutaho.').waitFor();
    await expect.poll(() => focusedId(page)).toBe(await title.getAttribute('id'));
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.fi-dropdown--error').count()).toBe(1);
    expect(creates).toEqual([]);

    // A title of 400 characters: the server's refusal beside the title, focused, and no generic alert.
    await title.fill('x'.repeat(400));
    await choose(page, form.getByRole('button', { name: /Vastuuosapuoli/ }), { label: 'Keski-Suomen hyvinvointialue' });
    await form.getByRole('button', { name: 'Luo toimenpide' }).click();
    await form.getByText('Enintään 300 merkkiä.').waitFor();
    expect(creates).toHaveLength(1);
    await expect.poll(() => focusedId(page)).toBe(await title.getAttribute('id'));
    expect(await marked(form)).toEqual([await title.getAttribute('id')]);
    expect(await generic(form).count()).toBe(0);
  }, 90_000);
});

describe('the invitation page, in Swedish at 390 px', () => {
  it('marks both fields at once, with the reason, and focuses the first', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const email = `merkit.${Date.now().toString(36)}@example.fi`;
    const { inviteUser } = await admin<{ inviteUser: { link: string } }>(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link } }',
      { input: { email, displayName: 'Kaisa Kutsuttu', roles: ['ANALYST'], language: 'sv' } },
    );
    const browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
    suite.browsers.push(browser);
    const { page } = browser;
    await page.goto(inviteUser.link.replace(/^https?:\/\/[^/]+/, suite.server.url));
    const form = page.locator('form', { has: page.locator('#invitation-password') });
    const submit = form.getByRole('button', { name: 'Ange lösenord och logga in' });
    const accepts = sentOperations(page, 'AcceptAccountLink');

    await submit.click();
    await expect.poll(() => marked(form)).toEqual(['invitation-password', 'invitation-confirm']);
    expect(await focusedId(page)).toBe('invitation-password');

    await page.locator('#invitation-password').fill('abcde');
    await page.locator('#invitation-confirm').fill('abcdf');
    await submit.click();
    await form.getByText('Lösenordet måste ha minst 12 tecken.').waitFor();
    await form.getByText('Lösenorden stämmer inte överens.').waitFor();
    expect(await marked(form)).toEqual(['invitation-password', 'invitation-confirm']);
    await expect.poll(() => focusedId(page)).toBe('invitation-password');
    expect(accepts).toEqual([]);
  }, 60_000);
});

describe('a new agenda item without a title', () => {
  it('focuses the marked title and adds no generic alert', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const { id } = await assemblyMeeting(admin, 'E2E kokous asian merkinnälle');
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${id}` });
    const form = page.locator('form[aria-labelledby="add-item"]');
    const adds = sentOperations(page, 'AddAgendaItem');
    await form.getByRole('button', { name: 'Lisää asia' }).click();
    await form.getByText('Tämä tieto on pakollinen.').waitFor();
    await expect.poll(() => focusedId(page)).toBe('new-item-title');
    expect(await marked(form)).toEqual(['new-item-title']);
    expect(await form.getByRole('alert').count()).toBe(0);
    expect(adds).toEqual([]);
  }, 60_000);
});

describe('the new-meeting form', () => {
  const open = async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/meetings' });
    const form = page.locator('form[aria-labelledby="new-meeting"]');
    return { page, form, create: form.getByRole('button', { name: 'Luo kokous' }), summary: form.locator('p[role=alert]') };
  };

  it('says each problem under its own field and counts exactly the fields it marks', async () => {
    const { page, form, create, summary } = await open();
    await create.click();
    await expect.poll(() => marked(form)).toEqual(['title', 'new-meeting-startsAt', 'new-meeting-startsAt-time']);
    expect(await summary.textContent()).toBe('Korjaa 3 merkittyä kenttää.');
    await form.locator('#new-meeting-startsAt-time-statusText', { hasText: 'Anna kokouksen alkamisen kellonaika' }).waitFor();
    // The title (the first marked field; the body is chosen already) has focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');

    await form.locator('input[name=title]').fill('E2E kokous väärällä kellonajalla');
    await form.locator('input[name=startsAt]').fill('12.12.2026');
    await form.locator('input[name=startsAtTime]').fill('25:61');
    await create.click();
    await form.locator('#new-meeting-startsAt-time-statusText', { hasText: 'Kellonaika ei kelpaa' }).waitFor();
    expect(await marked(form)).toEqual(['new-meeting-startsAt-time']);
    expect(await form.locator('#new-meeting-startsAt-statusText').textContent()).toBe('');
    expect(await summary.textContent()).toBe('Korjaa 1 merkitty kenttä.');
    await expect.poll(() => focusedId(page)).toBe('new-meeting-startsAt-time');
  }, 60_000);

  it('asks once about a start already gone, and creates the meeting when sent again', async () => {
    const { page, form, create } = await open();
    const creates = sentOperations(page, 'CreateMeeting');
    await form.locator('input[name=title]').fill('E2E jo pidetty kokous');
    await form.locator('input[name=startsAt]').fill('1.1.2020');
    await form.locator('input[name=startsAtTime]').fill('10.00');
    await create.click();
    await form.locator('#new-meeting-startsAt-statusText', { hasText: 'Alkamisaika on jo mennyt.' }).waitFor();
    await expect.poll(() => focusedId(page)).toBe('new-meeting-startsAt');
    expect(creates).toEqual([]);
    await create.click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    expect(creates).toHaveLength(1);
  }, 60_000);
});

describe('the invite form', () => {
  it('shows every error at once: a bad address and a name too long', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/people' });
    const form = page.getByTestId('invite-form');
    const invites = sentOperations(page, 'InviteUser');
    await page.locator('#invite-email').fill('ei-osoite');
    await page.locator('#invite-name').fill('x'.repeat(400));
    await form.getByRole('button', { name: 'Kutsu', exact: true }).click();
    await form.getByText('Enintään 200 merkkiä.').waitFor();
    expect(await marked(form)).toEqual(['invite-email', 'invite-name']);
    await expect.poll(() => focusedId(page)).toBe('invite-email');
    expect(invites).toEqual([]);
  }, 60_000);
});
