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
} from './helpers.js';

let server: E2eServer;
const browsers: Browser[] = [];
type Api = Awaited<ReturnType<typeof apiAs>>;
let admin: Api;
let partyIds: string[] = [];

beforeAll(async () => {
  server = await startServer();
  admin = await apiAs(server.url, 'admin@demo.local');
  const { parties } = await admin<{ parties: { id: string }[] }>('{ parties { id } }');
  partyIds = parties.map((p) => p.id);
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

async function signedIn(email: string): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  await login(browser.page, server.url, email);
  return browser.page;
}

/** An agreement of its own for one test, made over the API as another client would. */
async function makeAgreement(title: string, parties = 3): Promise<string> {
  const { createAgreement } = await admin<{ createAgreement: { id: string } }>(
    'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
    { input: { titles: { fi: title }, type: 'COOPERATION_PROTOCOL', partyIds: partyIds.slice(0, parties) } },
  );
  return createAgreement.id;
}

/** The section headings in the order the page shows them. */
async function sectionTitles(page: Page): Promise<string[]> {
  return page
    .getByTestId('agreement-sections')
    .locator('article h3[id$="-title"]')
    .evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent?.trim() ?? ''));
}

describe('the secretariat edits agreements, their sections and negotiations', () => {
  it('edits an agreement’s title, validity and parties, and another user sees the new title live', async () => {
    const id = await makeAgreement('E2E-sopimus A');
    const reader = await signedIn('jyvaskyla@demo.local');
    await reader.goto(`${server.url}/agreements/${id}`);
    await reader.getByRole('heading', { level: 1, name: 'E2E-sopimus A' }).waitFor();

    const page = await signedIn('admin@demo.local');
    await page.goto(`${server.url}/agreements/${id}`);
    await page.getByRole('heading', { level: 1, name: 'E2E-sopimus A' }).waitFor();
    await page.getByRole('button', { name: 'Muokkaa sopimusta' }).click();
    const form = page.getByTestId('agreement-edit');
    await form.locator('input[name=partyIds]').first().waitFor();
    expect(await form.locator('input[name=partyIds]:checked').count()).toBe(3);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The validity is checked before it is sent, in words.
    await form.locator('input[name=validFrom]').fill('1.1.2027');
    await form.locator('input[name=validTo]').fill('31.12.2026');
    await form.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await form.getByText('Voimassaolon on päätyttävä alkamispäivän jälkeen.').waitFor();
    expect(await form.locator('input[name=validTo]').getAttribute('aria-invalid')).toBe('true');

    await form.locator('input[name=validTo]').fill('31.12.2028');
    await form.getByLabel('Nimi suomeksi').fill('E2E-sopimus A (muokattu)');
    await form.getByLabel(/Nimi ruotsiksi/).fill('E2E-avtal A');
    await choose(page, form.locator('[id$="-type_button"]'), { value: 'INTERFACE_PLAN' });
    await form.locator('input[name=partyIds]:checked').first().uncheck();
    await form.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByTestId('agreement-edit-status').filter({ hasText: 'Sopimus on nyt versiossa 2.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'E2E-sopimus A (muokattu)' }).waitFor();
    await expect(page.locator('.yp-subtitle').textContent()).resolves.toContain('Yhdyspintasuunnitelma');
    // The removed party's ratification went with it.
    await page.getByTestId('ratification-table').locator('tbody tr').nth(1).waitFor();
    expect(await page.getByTestId('ratification-table').locator('tbody tr').count()).toBe(2);

    await reader.getByRole('heading', { level: 1, name: 'E2E-sopimus A (muokattu)' }).waitFor();
    expect(await reader.getByTestId('ratification-table').locator('tbody tr').count()).toBe(2);
  });

  it('says a conflict in words when someone else saved the agreement first, and saves over it on request', async () => {
    const id = await makeAgreement('E2E-sopimus B');
    const page = await signedIn('admin@demo.local');
    await page.goto(`${server.url}/agreements/${id}`);
    await page.getByRole('button', { name: 'Muokkaa sopimusta' }).click();
    const form = page.getByTestId('agreement-edit');
    await form.getByLabel('Nimi suomeksi').fill('E2E-sopimus B (minun)');

    await admin(
      'mutation($id: ID!) { updateAgreement(id: $id, expectedVersion: 1, input: { titles: { fi: "E2E-sopimus B (toisen)" } }) { version } }',
      { id },
    );
    await page.getByRole('heading', { level: 1, name: 'E2E-sopimus B (toisen)' }).waitFor();

    await form.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await form.getByText('Joku muu muutti tietoa sillä välin. Nykyinen versio on 2.').waitFor();
    await expect(form.getByLabel('Nimi suomeksi').inputValue()).resolves.toBe('E2E-sopimus B (minun)');
    await form.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByTestId('agreement-edit-status').filter({ hasText: 'Sopimus on nyt versiossa 3.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'E2E-sopimus B (minun)' }).waitFor();
  });

  it('adds, edits and reorders sections, and a conflict on a section is said in words', async () => {
    const id = await makeAgreement('E2E-sopimus C');
    const reader = await signedIn('laukaa@demo.local');
    await reader.goto(`${server.url}/agreements/${id}`);
    await reader.getByRole('heading', { level: 1, name: 'E2E-sopimus C' }).waitFor();

    const page = await signedIn('admin@demo.local');
    await page.goto(`${server.url}/agreements/${id}`);
    const sections = page.getByTestId('agreement-sections');
    await sections.getByText('Sopimuksessa ei vielä ole osioita.').waitFor();
    await sections.getByRole('button', { name: 'Lisää osio' }).click();
    const add = page.getByTestId('section-new');
    // The form takes the keyboard: typing goes to the heading at once.
    await page.keyboard.type('Periaatteet');
    await choose(page, add.locator('[id$="-kind_button"]'), { value: 'PRINCIPLES' });
    await add.getByLabel('Teksti').fill('Yhteiset asukkaat.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await add.getByRole('button', { name: 'Lisää osio' }).click();
    await page.getByTestId('section-new-status').filter({ hasText: 'Osio lisätty: Periaatteet.' }).waitFor();
    await add.getByLabel('Otsikko').fill('Tavoitteet');
    await add.getByLabel('Teksti').fill('Saumattomat palvelut.');
    await add.getByRole('button', { name: 'Lisää osio' }).click();
    await page.getByTestId('section-new-status').filter({ hasText: 'Osio lisätty: Tavoitteet.' }).waitFor();
    await expect.poll(() => sectionTitles(page)).toEqual(['Periaatteet', 'Tavoitteet']);
    await expect.poll(() => sectionTitles(reader)).toEqual(['Periaatteet', 'Tavoitteet']);

    // Edit the first section's text.
    await sections.getByRole('button', { name: 'Muokkaa osiota: Periaatteet' }).click();
    const edit = page.getByTestId('section-edit');
    await expect(edit.getByLabel('Teksti').inputValue()).resolves.toBe('Yhteiset asukkaat.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await edit.getByLabel('Teksti').fill('Yhteiset asukkaat ja tasavertaisuus.');
    await edit.getByRole('button', { name: 'Tallenna osio' }).click();
    await page.getByTestId('section-edit-status').filter({ hasText: 'Se on nyt versiossa 2.' }).waitFor();
    await sections.locator('p.yp-coop-section__body', { hasText: 'Yhteiset asukkaat ja tasavertaisuus.' }).waitFor();
    await reader.getByText('Yhteiset asukkaat ja tasavertaisuus.', { exact: true }).waitFor();

    // Someone else saves the section first: the next save is refused in words.
    const { agreement } = await admin<{ agreement: { sections: { id: string; title: string }[] } }>(
      'query($id: ID!) { agreement(id: $id) { sections { id title } } }',
      { id },
    );
    const first = agreement.sections.find((s) => s.title === 'Periaatteet');
    await admin(
      'mutation($id: ID!) { updateAgreementSection(id: $id, expectedVersion: 2, input: { body: "Toisen teksti." }) { version } }',
      {
        id: first?.id,
      },
    );
    await sections.locator('p.yp-coop-section__body', { hasText: 'Toisen teksti.' }).waitFor();
    await edit.getByLabel('Teksti').fill('Minun tekstini.');
    await edit.getByRole('button', { name: 'Tallenna osio' }).click();
    await edit.getByText('Joku muu muutti tietoa sillä välin. Nykyinen versio on 3.').waitFor();

    // Move the second section up, by keyboard.
    await sections.getByRole('button', { name: 'Siirrä ylös: Tavoitteet' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('sections-status').filter({ hasText: 'Osio siirretty: Tavoitteet' }).waitFor();
    await expect.poll(() => sectionTitles(page)).toEqual(['Tavoitteet', 'Periaatteet']);
    await expect.poll(() => sectionTitles(reader)).toEqual(['Tavoitteet', 'Periaatteet']);
    await page.reload();
    await expect.poll(() => sectionTitles(page)).toEqual(['Tavoitteet', 'Periaatteet']);
  });

  it('edits a negotiation, and another user sees it live', async () => {
    const { createNegotiation } = await admin<{ createNegotiation: { id: string } }>(
      'mutation($input: CreateNegotiationInput!) { createNegotiation(input: $input) { id } }',
      { input: { kind: 'HYTE_ANNUAL', title: 'E2E-neuvottelu', year: 2027, partyIds: partyIds.slice(0, 2) } },
    );
    expect(createNegotiation.id).toBeTruthy();
    const reader = await signedIn('jyvaskyla@demo.local');
    await reader.getByRole('navigation').getByRole('link', { name: 'Sopimukset' }).click();
    await reader.getByTestId('negotiations-table').getByRole('rowheader', { name: 'E2E-neuvottelu' }).waitFor();

    const page = await signedIn('admin@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Sopimukset' }).click();
    await page.getByRole('button', { name: 'Muokkaa neuvottelua: E2E-neuvottelu' }).click();
    const form = page.getByTestId('negotiation-edit');
    await form.getByText('(lajia ei voi muuttaa)').waitFor();
    await expect(form.locator('input[name=title]').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.locator('input[name=year]').fill('27');
    await form.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await form.getByText('Anna vuosi neljällä numerolla.').waitFor();
    await form.locator('input[name=year]').fill('2028');
    await form.locator('input[name=municipalityGroup]').fill('Pohjoiset kunnat');
    await form.locator('textarea[name=outcomeSummary]').fill('Sovittiin yhteisistä tavoitteista.');
    await form.locator('input[name=partyIds]').nth(2).check();
    await form.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByTestId('negotiation-edit-status').filter({ hasText: 'Neuvottelu on nyt versiossa 2.' }).waitFor();
    const row = page
      .getByTestId('negotiations-table')
      .locator('tr', { has: page.getByRole('rowheader', { name: 'E2E-neuvottelu' }) });
    await row.getByText('Sovittiin yhteisistä tavoitteista.').waitFor();
    await expect(row.locator('td').first().textContent()).resolves.toBe('2028');

    const readerRow = reader
      .getByTestId('negotiations-table')
      .locator('tr', { has: reader.getByRole('rowheader', { name: 'E2E-neuvottelu' }) });
    await readerRow.getByText('Sovittiin yhteisistä tavoitteista.').waitFor();
    await readerRow.getByText('Pohjoiset kunnat').waitFor();
    await reader.getByTestId('negotiation-live-note').filter({ hasText: 'E2E-neuvottelu' }).waitFor();
  });
});

describe('persons on the body page', () => {
  it('creates a person in place and seats them in a body', async () => {
    const { createCooperationBody } = await admin<{ createCooperationBody: { id: string } }>(
      'mutation { createCooperationBody(input: { names: { fi: "E2E-henkilöverkosto" }, tier: OPERATIONAL }) { id } }',
    );
    const page = await signedIn('admin@demo.local');
    await page.goto(`${server.url}/cooperation/bodies/${createCooperationBody.id}`);
    await page.getByRole('heading', { level: 1, name: 'E2E-henkilöverkosto' }).waitFor();
    const addMember = page.getByTestId('add-member');
    await addMember.getByRole('button', { name: 'Lisää uusi henkilö' }).click();
    const form = page.getByTestId('person-new');
    await form.locator('#person-new-partyId_button').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Checked before sending, in words: a name, a party and a well-formed address.
    await form.getByLabel('Sähköposti (valinnainen)').fill('maija.laukaa.fi');
    await form.getByRole('button', { name: 'Lisää henkilö' }).click();
    await form.getByText('Anna nimi.').waitFor();
    await form.getByText('Valitse osapuoli, jota henkilö edustaa.').waitFor();
    await form.getByText('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.').waitFor();
    await expect(form.locator('input[name=name]').evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await form.locator('input[name=name]').fill('Maija E2E-Meikäläinen');
    await form.getByLabel('Tehtävänimike (valinnainen)').fill('hyvinvointikoordinaattori');
    await choose(page, form.locator('#person-new-partyId_button'), { label: 'Laukaa' });
    await form.getByLabel('Sähköposti (valinnainen)').fill('maija.meikalainen@laukaa.example');
    await form.getByLabel('Puhelin (valinnainen)').fill('040 123 4567');
    await form.getByRole('button', { name: 'Lisää henkilö' }).click();
    await page.getByTestId('add-member-status').filter({ hasText: 'Henkilö lisätty: Maija E2E-Meikäläinen.' }).waitFor();
    expect(await page.getByTestId('person-new').count()).toBe(0);
    const select = addMember.locator('#member-person_button');
    await expect(select.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(select.textContent()).resolves.toBe('Maija E2E-Meikäläinen (Laukaa)');

    await addMember.getByRole('button', { name: 'Lisää jäsen' }).click();
    await page.getByTestId('add-member-status').filter({ hasText: 'Jäsen lisätty: Maija E2E-Meikäläinen.' }).waitFor();
    const members = page.getByTestId('members');
    await members
      .getByRole('table', { name: 'Laukaa' })
      .getByRole('rowheader', { name: /Maija E2E-Meikäläinen/ })
      .waitFor();
    await members.getByText('maija.meikalainen@laukaa.example, 040 123 4567').waitFor();
  });
  it('lets a body’s chair (not the secretariat) create a person and seat them in the body they chair', async () => {
    // The county's representative chairs the municipal assembly in the demo region.
    const page = await signedIn('hyvinvointialue@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Yhteistyörakenne' }).click();
    await page.getByTestId('structure-outline').getByRole('link', { name: 'Kuntakokous', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kuntakokous' }).waitFor();
    const addMember = page.getByTestId('add-member');
    await addMember.getByRole('button', { name: 'Lisää uusi henkilö' }).click();
    const form = page.getByTestId('person-new');
    await form.locator('input[name=name]').fill('Pekka E2E-Puheenjohtajan');
    await choose(page, form.locator('#person-new-partyId_button'), { label: 'Keski-Suomen hyvinvointialue' });
    await form.getByRole('button', { name: 'Lisää henkilö' }).click();
    await page.getByTestId('add-member-status').filter({ hasText: 'Henkilö lisätty: Pekka E2E-Puheenjohtajan.' }).waitFor();
    await addMember.locator('#member-person_button', { hasText: 'Pekka E2E-Puheenjohtajan' }).waitFor();
    await addMember.getByRole('button', { name: 'Lisää jäsen' }).click();
    await page
      .getByTestId('members')
      .getByRole('table', { name: 'Keski-Suomen hyvinvointialue' })
      .getByRole('rowheader', { name: /Pekka E2E-Puheenjohtajan/ })
      .waitFor();
  });
});

describe('a representative', () => {
  it('sees no controls to edit agreements, sections, negotiations or persons', async () => {
    const id = await makeAgreement('E2E-sopimus D');
    await admin(
      'mutation($id: ID!) { addAgreementSection(agreementId: $id, input: { kind: GOALS, title: "Tavoite", body: "Teksti." }) { id } }',
      { id },
    );
    const page = await signedIn('jyvaskyla@demo.local');
    await page.goto(`${server.url}/agreements/${id}`);
    await page.getByRole('heading', { level: 1, name: 'E2E-sopimus D' }).waitFor();
    await page
      .getByTestId('agreement-sections')
      .getByRole('heading', { name: /Tavoite/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Muokkaa sopimusta' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Lisää osio|Muokkaa osiota|Siirrä/ }).count()).toBe(0);
    expect(await page.getByTestId('agreement-edit').count()).toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Sopimukset' }).click();
    await page.getByTestId('negotiations-table').waitFor();
    expect(await page.getByRole('button', { name: /Muokkaa neuvottelua/ }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Toiminnot' }).count()).toBe(0);

    await page.getByRole('navigation').getByRole('link', { name: 'Yhteistyörakenne' }).click();
    await page.getByTestId('structure-outline').getByRole('link', { name: 'Kuntakokous', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kuntakokous' }).waitFor();
    await page.getByTestId('members').waitFor();
    expect(await page.getByRole('button', { name: 'Lisää uusi henkilö' }).count()).toBe(0);
    expect(await page.getByTestId('add-member').count()).toBe(0);
  });
});
