import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations, moveMeeting } from './helpers.js';

const suite = e2eSuite();
const signedIn = (email: string): Promise<Page> => suite.signedIn(email);

/** Calls /graphql with a bearer token, as an analytics tool would. */
async function withToken(token: string, query: string, operationName?: string) {
  const res = await fetch(`${suite.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, operationName }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] },
  };
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

/** The row of a change's diff that shows `key` (the API's key under the field's name). */
const diffRow = (page: Page, item: ReturnType<Page['locator']>, key: string) =>
  item.getByTestId('change-diff').locator('tr', { has: page.locator('code', { hasText: new RegExp(`^${key}$`) }) });

describe('API tokens, the disclosure log and the audit trail', () => {
  let analyst: Page;
  let secret = '';
  const tokenName = 'R-raportti e2e';

  it('creates a read-only token whose secret is shown once, with a warning and a curl example', async () => {
    analyst = await signedIn('analyst@demo.local');
    await expect(nav(analyst, 'Luovutusloki').count()).resolves.toBe(0);
    await nav(analyst, 'API-avaimet').click();
    await analyst.locator('#token-name').waitFor();
    expect(await seriousAxeViolations(analyst)).toEqual([]);

    await analyst.locator('#token-name').fill(tokenName);
    await analyst.getByRole('button', { name: 'Luo lukuavain' }).click();
    const panel = analyst.getByTestId('new-token');
    await panel.waitFor();
    secret = await analyst.locator('#new-token-secret').inputValue();
    expect(secret).toMatch(/^ypa_/);
    expect(await panel.textContent()).toContain('Sitä ei näytetä uudelleen');
    const curl = await analyst.getByTestId('token-curl').textContent();
    expect(curl).toContain(`${suite.server.url}/graphql`);
    expect(curl).toContain(`Authorization: Bearer ${secret}`);
    expect(await seriousAxeViolations(analyst)).toEqual([]);

    await analyst.getByRole('button', { name: 'Olen tallentanut avaimen' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await analyst.content()).not.toContain(secret);
    const row = analyst.locator('[data-testid=token-table] tbody tr', { hasText: tokenName });
    await expect(row.getByTestId('token-last-used').textContent()).resolves.toContain('ei vielä käytetty');
  });

  it('answers a query made with the token and shows when it was last used', async () => {
    const { status, body } = await withToken(
      secret,
      'query E2eSync { changes(first: 2) { totalCount pageInfo { endCursor hasNextPage } edges { node { name } } } }',
      'E2eSync',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.['changes']).toBeTruthy();

    await analyst.getByTestId('refresh-tokens').click();
    const row = analyst.locator('[data-testid=token-table] tbody tr', { hasText: tokenName });
    await row.getByTestId('token-last-used').locator('time').waitFor();
    expect(await row.getByTestId('token-last-used').textContent()).toMatch(/nyt|sekuntia sitten/);
  });

  it('shows the secretariat that query in the disclosure log, with its query text', async () => {
    const admin = await signedIn('admin@demo.local');
    await nav(admin, 'Luovutusloki').click();
    const table = admin.getByTestId('disclosure-table');
    await table.waitFor();
    const row = table.locator('tbody tr', { hasText: 'E2eSync' });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(tokenName);
    expect(text).toContain('Analyytikko');
    expect(text).toContain('changes');
    expect(text).toContain('Onnistui');
    await row.getByText('Kyselyn teksti').click();
    await row.locator('pre', { hasText: 'query E2eSync' }).waitFor();
    // The filters' values are named as a form sends them.
    expect(
      await admin
        .getByRole('search')
        .locator('input[type=hidden]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name)),
    ).toEqual(['user', 'token']);
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });

  it("names a refused query's error in words in the disclosure log, not by its code", async () => {
    const { body } = await withToken(secret, 'query E2eRefused { disclosures(first: 1) { totalCount } }', 'E2eRefused');
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await signedIn('admin@demo.local');
    await nav(admin, 'Luovutusloki').click();
    const row = admin.getByTestId('disclosure-table').locator('tbody tr', { hasText: 'E2eRefused' });
    await row.waitFor();
    expect(await row.locator('.yp-outcome-badge').innerText()).toBe('Virhe: ei oikeutta');
  });

  it('revokes the token after confirmation, and the token is refused with 401', async () => {
    await analyst.getByRole('button', { name: `Poista avain ${tokenName} käytöstä` }).click();
    await analyst.getByRole('dialog').waitFor();
    expect(await analyst.getByRole('dialog').textContent()).toContain('lakkaa toimimasta heti');
    await analyst.getByTestId('confirm-revoke').click();
    await analyst.getByTestId('token-status-message').filter({ hasText: 'on poistettu käytöstä' }).waitFor();
    const row = analyst.locator('[data-testid=token-table] tbody tr', { hasText: tokenName });
    await expect(row.getAttribute('data-revoked')).resolves.toBe('true');

    const { status, body } = await withToken(secret, '{ me { id } }');
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows the audit trail as a timeline, filtered by type, with what changed', async () => {
    const admin = await signedIn('admin@demo.local');
    await nav(admin, 'Muutoshistoria').click();
    const timeline = admin.getByTestId('audit-timeline');
    await timeline.waitFor();
    expect(await timeline.locator('li').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(admin)).toEqual([]);

    await admin.locator('#audit-filter-type').click();
    await admin.getByRole('option', { name: 'API-avain' }).click();
    const revoked = timeline.locator('li[data-event-name="api_token.revoked"]');
    await revoked.waitFor();
    expect(await revoked.textContent()).toContain('API-avain poistettiin käytöstä');
    expect(await revoked.textContent()).toContain('Analyytikko');
    await revoked.getByTestId('change-diff').locator('tr[data-change="changed"]', { hasText: 'revokedAt' }).waitFor();
    // The list shows the previous filter's events until the new page arrives.
    await expect.poll(async () => timeline.locator('li:not([data-entity-type="api_token"])').count()).toBe(0);
  });

  it('writes the values of a change readably, not as JSON', async () => {
    const admin = await signedIn('admin@demo.local');
    await nav(admin, 'Muutoshistoria').click();
    const timeline = admin.getByTestId('audit-timeline');
    await timeline.locator('li').first().waitFor();
    const diffs = await timeline.getByTestId('change-diff').allTextContents();
    expect(diffs.length).toBeGreaterThan(0);
    for (const text of diffs) expect(text).not.toMatch(/\[\{"|\{"\w+":/);
  });

  it('names the fields and values of a change in the language, and keeps the changes of people or of the system', async () => {
    const admin = await signedIn('admin@demo.local');
    await admin.goto(`${suite.server.url}/audit`);
    const timeline = admin.getByTestId('audit-timeline');
    await timeline.locator('li').first().waitFor();

    await admin.locator('#audit-filter-type').click();
    await admin.getByRole('option', { name: 'Palvelutarve', exact: true }).click();
    const moved = timeline.locator('li[data-event-name="need.transitioned"]').first();
    await moved.waitFor();
    // The field by its name with the API's key under it; the status by its name, the time as Finland reads it.
    const status = moved.locator('tr', { has: admin.locator('code', { hasText: /^status$/ }) });
    expect(await status.locator('th').innerText()).toMatch(/^Tila\s+status$/);
    expect(await status.locator('td').first().innerText()).toBe('Tunnistettu');
    const updated = moved.locator('tr', { has: admin.locator('code', { hasText: /^updatedAt$/ }) });
    expect(await updated.locator('td').last().innerText()).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}$/);

    // As a reader would, change the filter again once the list shows the first one's page (the Dropdown swallows a
    // click that comes right after its choice; the events above can be the previous filter's while the page loads).
    await expect.poll(async () => timeline.locator('li:not([data-entity-type="service_need"])').count()).toBe(0);
    await admin.locator('#audit-filter-type').click();
    await admin.getByRole('option', { name: 'Kaikki tyypit' }).click();
    await admin.locator('#audit-filter-author').click();
    await admin.getByRole('option', { name: 'Järjestelmän automaattiset muutokset' }).click();
    // The list shows the previous filter's events until the new page arrives: wait for only the system's to show
    // (the overdue sweep at start-up told the demo's late actions' parties).
    const shown = async () => ({
      system: (await timeline.locator('li[data-event-name="notification.created"]').count()) > 0,
      others: await timeline.locator('li:not([data-event-name="notification.created"])').count(),
    });
    await expect.poll(shown).toEqual({ system: true, others: 0 });
    expect(await timeline.locator('.yp-audit-log__who').first().innerText()).toContain('järjestelmä (automaattinen)');

    await admin.locator('#audit-filter-author').click();
    await admin.getByRole('option', { name: 'Henkilöiden muutokset' }).click();
    await timeline.locator('li[data-event-name="notification.created"]').first().waitFor({ state: 'detached' });
    // The list may be between pages when the system's changes have gone: wait for the people's to show.
    await expect.poll(async () => timeline.locator('li').count()).toBeGreaterThan(0);
    expect(await timeline.getByText('järjestelmä (automaattinen)').count()).toBe(0);
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });

  it('names the people a change refers to by id (the recorder of a need, its provenance), never showing their ids', async () => {
    const laukaa = await apiAs(suite.server.url, 'laukaa@demo.local');
    const { me } = await laukaa<{ me: { id: string; displayName: string; party: { id: string } } }>(
      '{ me { id displayName party { id } } }',
    );
    const title = `Kirjaajan nimi ${Date.now()}`;
    await laukaa('mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }', {
      input: { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [me.party.id] },
    });

    const analyst = await signedIn('analyst@demo.local');
    await analyst.goto(`${suite.server.url}/audit`);
    const timeline = analyst.getByTestId('audit-timeline');
    await timeline.locator('li').first().waitFor();
    await analyst.locator('#audit-filter-type').click();
    await analyst.getByRole('option', { name: 'Palvelutarve', exact: true }).click();
    const created = timeline.locator('li[data-event-name="need.created"]', { hasText: title });
    await created.waitFor();
    const diff = created.getByTestId('change-diff');
    // A created need's many fields fold the table: textContent reads it folded or not.
    const recorder = diff.locator('tr', { has: analyst.locator('code', { hasText: /^createdByUserId$/ }) });
    expect(await recorder.locator('th').textContent()).toMatch(/^Luonut/);
    expect(await recorder.locator('td').last().textContent()).toBe(me.displayName);
    const provenance = diff.locator('tr', { has: analyst.locator('code', { hasText: /^fieldProvenance$/ }) });
    expect(await provenance.locator('td').last().textContent()).toContain(me.displayName);
    expect(await diff.textContent()).not.toContain(me.id);
    expect(await diff.textContent()).not.toContain('käyttäjä');
  });

  it('names the member a membership change is about, not its id', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const name = `Jäsen Nimellä ${Date.now()}`;
    const { cooperationBodies, parties } = await admin<{ cooperationBodies: { id: string }[]; parties: { id: string }[] }>(
      '{ cooperationBodies { id } parties { id } }',
    );
    const { createPerson: person } = await admin<{ createPerson: { id: string } }>(
      'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      { input: { name, partyId: parties[0]!.id } },
    );
    await admin('mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      input: { bodyId: cooperationBodies[0]!.id, personId: person.id, role: 'EXPERT' },
    });

    const analyst = await signedIn('analyst@demo.local');
    await analyst.goto(`${suite.server.url}/audit`);
    const timeline = analyst.getByTestId('audit-timeline');
    const added = timeline.locator('li[data-event-name="membership.added"]', { hasText: name });
    await added.waitFor();
    const member = added.getByTestId('change-diff').locator('tr', { has: analyst.locator('code', { hasText: /^personId$/ }) });
    expect(await member.locator('td').last().textContent()).toBe(name);
    expect(await added.textContent()).not.toContain(person.id);
  });

  it("names a membership's role and capacity in words, and the body and member it belongs to, with a link to the body", async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const name = `Viranhaltija ${Date.now()}`;
    const { cooperationBodies, parties } = await admin<{
      cooperationBodies: { id: string; names: { fi: string } }[];
      parties: { id: string }[];
    }>('{ cooperationBodies { id names { fi } } parties { id } }');
    const body = cooperationBodies[0]!;
    const { createPerson: person } = await admin<{ createPerson: { id: string } }>(
      'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      { input: { name, partyId: parties[0]!.id } },
    );
    await admin('mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      input: { bodyId: body.id, personId: person.id, role: 'MEMBER', capacity: 'OFFICE_HOLDER' },
    });

    const analyst = await signedIn('analyst@demo.local');
    await analyst.goto(`${suite.server.url}/audit?type=membership`);
    const added = analyst.getByTestId('audit-timeline').locator('li[data-event-name="membership.added"]', { hasText: name });
    await added.waitFor();
    const row = (key: string) =>
      added.getByTestId('change-diff').locator('tr', { has: analyst.locator('code', { hasText: new RegExp(`^${key}$`) }) });
    expect(await row('role').locator('td').last().textContent()).toBe('jäsen');
    // A created membership's many fields fold the table: textContent reads it folded or not.
    expect(await row('capacity').locator('.yp-diff__field').textContent()).toBe('Asema');
    expect(await row('capacity').locator('td').last().textContent()).toBe('viranhaltija');
    const target = added.getByTestId('audit-target');
    expect(await target.textContent()).toBe(`${body.names.fi} · ${name}`);
    expect(await target.getAttribute('href')).toBe(`/cooperation/bodies/${body.id}`);
  });

  it('names the need an action belongs to by its title, not its id', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const title = `Tarve nimeltä ${Date.now()}`;
    const { parties } = await admin<{ parties: { id: string }[] }>('{ parties { id } }');
    const { createServiceNeed: need } = await admin<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      { input: { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [parties[0]!.id] } },
    );
    await admin('mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }', {
      input: { needId: need.id, title: `Toimi ${title}`, ownerPartyId: parties[0]!.id },
    });

    const analyst = await signedIn('analyst@demo.local');
    await analyst.goto(`${suite.server.url}/audit?type=need_action`);
    const created = analyst
      .getByTestId('audit-timeline')
      .locator('li[data-event-name="action.created"]', { hasText: `Toimi ${title}` });
    await created.waitFor();
    const needRow = created.getByTestId('change-diff').locator('tr', { has: analyst.locator('code', { hasText: /^needId$/ }) });
    expect(await needRow.locator('td').last().textContent()).toBe(title);
    expect(await created.getByTestId('change-diff').textContent()).not.toContain(need.id);
  });

  it('keeps the filters in the address: reload and back and forward show the same list', async () => {
    const admin = await signedIn('admin@demo.local');
    await admin.goto(`${suite.server.url}/audit`);
    const timeline = admin.getByTestId('audit-timeline');
    await timeline.locator('li').first().waitFor();
    await admin.locator('#audit-filter-type').click();
    await admin.getByRole('option', { name: 'API-avain' }).click();
    await admin.waitForURL(/\/audit\?type=api_token$/);
    await admin.locator('#audit-filter-author').click();
    await admin.getByRole('option', { name: 'Henkilöiden muutokset' }).click();
    await admin.waitForURL(/\/audit\?type=api_token&author=PERSON$/);

    const onlyTokens = async () => ({
      tokens: (await timeline.locator('li[data-entity-type="api_token"]').count()) > 0,
      others: await timeline.locator('li:not([data-entity-type="api_token"])').count(),
    });
    await admin.reload();
    await expect.poll(onlyTokens).toEqual({ tokens: true, others: 0 });
    expect(await admin.locator('#audit-filter-type').innerText()).toContain('API-avain');
    expect(await admin.locator('#audit-filter-author').innerText()).toContain('Henkilöiden muutokset');
    // The filters' values are named as a form sends them.
    const search = admin.getByRole('search');
    expect(await search.locator('input[type=hidden][name=entityType]').inputValue()).toBe('api_token');
    expect(await search.locator('input[type=hidden][name=author]').inputValue()).toBe('PERSON');

    await admin.goBack();
    await admin.waitForURL(/\/audit\?type=api_token$/);
    expect(await admin.locator('#audit-filter-author').innerText()).toContain('Henkilöt ja järjestelmä');
    await admin.goBack();
    await admin.waitForURL(/\/audit$/);
    await expect.poll(async () => timeline.locator('li:not([data-entity-type="api_token"])').count()).toBeGreaterThan(0);
    expect(await admin.locator('#audit-filter-type').innerText()).toContain('Kaikki tyypit');
    await admin.goForward();
    await admin.waitForURL(/\/audit\?type=api_token$/);
    await expect.poll(onlyTokens).toEqual({ tokens: true, others: 0 });
  });

  it("keeps the audit trail's look and a need history's apart, whichever of them the browser opened first", async () => {
    const admin = await signedIn('admin@demo.local');
    const look = (item: ReturnType<Page['locator']>) =>
      item.evaluate((li) => {
        const s = getComputedStyle(li);
        return { border: s.borderTopWidth, paddingLeft: s.paddingLeft };
      });
    await admin.goto(`${suite.server.url}/audit`);
    const auditItem = admin.getByTestId('audit-timeline').locator('li').first();
    await auditItem.waitFor();
    const audit = await look(auditItem);
    expect(audit).toEqual({ border: '1px', paddingLeft: '16px' });

    // To a need's page and back without reloading: each page's styles stay loaded while the other shows.
    await nav(admin, 'Palvelutarpeet').click();
    await admin.locator('[data-testid=needs-table] tbody tr[data-need-id] a').first().click();
    const historyItem = admin.locator('[data-testid=history] li').first();
    await historyItem.waitFor();
    expect(await look(historyItem)).toEqual({ border: '0px', paddingLeft: '8px' });
    await nav(admin, 'Muutoshistoria').click();
    await auditItem.waitFor();
    expect(await look(auditItem)).toEqual(audit);
  });

  /** The meeting whose minutes the next test edits, and its one agenda item. */
  const edited = { title: 'Kuntakokous, muokkausten ryhmittely', meetingId: '', itemId: '' };

  it("shows a document's co-edited batches in a row as one item that says how many and when, each edit folded under it", async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const { cooperationBodies } = await admin<{ cooperationBodies: { id: string; name: string }[] }>(
      '{ cooperationBodies { id name } }',
    );
    const title = edited.title;
    const { createMeeting: meeting } = await admin<{ createMeeting: { id: string } }>(
      'mutation ($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }',
      { i: { bodyId: cooperationBodies.find((b) => b.name === 'Kuntakokous')!.id, title, startsAt: '2026-12-10T08:00:00Z' } },
    );
    const { addAgendaItem: item } = await admin<{ addAgendaItem: { id: string } }>(
      'mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
      { i: { meetingId: meeting.id, title: 'Kokouksen avaus', proposal: 'Avataan.', relatedNeedIds: [] } },
    );
    Object.assign(edited, { meetingId: meeting.id, itemId: item.id });
    await moveMeeting(admin, meeting.id, 'AGENDA_PUBLISHED', 'IN_PROGRESS');

    // Two bursts of typing in the minutes, each stored in several batches (one event each).
    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/meetings/${meeting.id}/room`);
    const minutes = page.locator('.yp-room__minutes .yp-editor__content');
    await minutes.click();
    for (const burst of ['Puheenjohtaja avasi kokouksen. ', 'Todettiin läsnäolijat. ']) {
      await page.keyboard.type(burst, { delay: 25 });
      await page.locator('.yp-room__minutes [data-sync="saved"]').waitFor();
    }

    await page.goto(`${suite.server.url}/audit?type=document`);
    const rows = page.getByTestId('audit-timeline').locator(':scope > li', { hasText: title });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const edits = Number(await rows.getAttribute('data-edits'));
    expect(edits).toBeGreaterThan(1);
    expect(await rows.locator('.yp-audit-log__what').first().innerText()).toMatch(
      new RegExp(`^Asiakirjaa muokattiin ${edits} kertaa klo \\d{1,2}\\.\\d{2}(–\\d{1,2}\\.\\d{2})?$`),
    );
    expect(await rows.locator('.yp-audit-log__who').first().innerText()).toContain('Sihteeristö (demo)');
    await rows.getByText(`Näytä muokkaukset (${edits})`).click();
    const each = rows.locator('ol li[data-event-name="document.updated"]');
    await each.first().waitFor();
    expect(await each.count()).toBe(edits);
    expect(await each.first().locator('.yp-audit-log__what').innerText()).toBe('Asiakirjaa muokattiin');
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 90_000);

  it("names a document edit's fields and writes its values in words: the size, the editors by name", async () => {
    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/audit?type=document`);
    const run = page.getByTestId('audit-timeline').locator(':scope > li', { hasText: edited.title });
    await run.getByText(/^Näytä muokkaukset/).click();
    const edit = run.locator('ol li[data-event-name="document.updated"]').first();
    await edit.getByTestId('change-diff').waitFor();
    const field = (key: string) => diffRow(page, edit, key);
    expect(await field('bytes').locator('.yp-diff__field').innerText()).toBe('Muutosten koko');
    expect(await field('bytes').locator('td').last().innerText()).toMatch(/^\d+ (B|kB)$/);
    expect(await field('editors').locator('.yp-diff__field').innerText()).toBe('Muokkaajat');
    expect(await field('editors').locator('td').last().innerText()).toMatch(
      /^Sihteeristö \(demo\)( \([^)]+\))?: \d+ muokkaus(ta)?$/,
    );
    expect(await field('updates').locator('.yp-diff__field').innerText()).toBe('Muokkauksia');
    expect(await field('fromVersion').locator('.yp-diff__field').innerText()).toBe('Versiosta');
  });

  it('names the agenda item the chair moved to by its title, not its id', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    await admin('mutation ($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, itemId: $i) { id } }', {
      m: edited.meetingId,
      i: edited.itemId,
    });
    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/audit?type=meeting`);
    const moved = page
      .getByTestId('audit-timeline')
      .locator('li[data-event-name="meeting.pointer_moved"]', { hasText: edited.title })
      .first();
    const item = diffRow(page, moved, 'currentItemId');
    expect(await item.locator('.yp-diff__field').innerText()).toBe('Käsiteltävä kohta');
    await expect.poll(() => item.locator('td').last().innerText()).toMatch(/^(\d+ § )?Kokouksen avaus$/);
    expect(await moved.innerText()).not.toContain(edited.itemId);
  });

  it('names every field the changes so far show, whatever their type', async () => {
    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/audit`);
    const diffs = page.getByTestId('audit-timeline').getByTestId('change-diff');
    await diffs.first().waitFor();
    const unnamed = await diffs
      .locator('tbody tr')
      .evaluateAll((rows) => rows.filter((r) => !r.querySelector('.yp-diff__field')).map((r) => r.textContent));
    expect(unnamed).toEqual([]);
  });

  it("links the analysts' guide in the user's language; the markdown stays for tools", async () => {
    const page = await signedIn('analyst@demo.local');
    await page.goto(`${suite.server.url}/api-tokens`);
    const link = page.getByRole('link', { name: 'Analyytikon opas' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toBe('/docs/analytics?lang=fi');
    const res = await fetch(new URL('/docs/analytics.md', suite.server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await res.text()).toMatch(/^# Analytics over GraphQL/);
    expect(await page.textContent('main')).not.toContain('projektin tiedostossa');
  });
});
