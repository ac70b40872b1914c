import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, seriousAxeViolations } from './helpers.js';

// Issue 13, "Creating a need": only the owner bodies the rules allow are offered, a refused choice
// is explained beside its field, the recorder edits the need until it is taken on, and the need page
// says who moves it on. SCREENSHOTS=1 saves the form and the page at 1366 and 390 px in screenshots/.

const suite = e2eSuite();

async function shot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  mkdirSync('screenshots', { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

/** The owner body field (the design system's Dropdown; the test id is on the button that opens it). */
const ownerBodyField = (page: Page) => page.getByTestId('field-ownerBody');

/** Opens the owner body list once `name` is among its choices, reads every choice's text and closes it again. */
async function ownerBodyOptions(page: Page, name: string): Promise<string[]> {
  const field = ownerBodyField(page);
  const list = page.locator(`[id="${await field.getAttribute('aria-controls')}"]`);
  for (let attempt = 1; ; attempt++) {
    await field.click();
    await list.waitFor();
    const texts = await list.getByRole('option').allTextContents();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    if (texts.some((text) => text.includes(name))) return texts;
    if (attempt === 50) throw new Error(`no owner body choice "${name}" among ${texts.join(', ')}`);
  }
}

/** A fresh body with Laukaa's representative seated since the start of the year; returns a function that ends the seat. */
async function bodyWithLaukaa(name: string) {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  const { persons } = await admin<{ persons: { id: string; user: { email: string } | null }[] }>(
    '{ persons { id user { email } } }',
  );
  const { createCooperationBody: body } = await admin<{ createCooperationBody: { id: string } }>(
    'mutation ($input: CreateCooperationBodyInput!) { createCooperationBody(input: $input) { id } }',
    { input: { names: { fi: name }, tier: 'OPERATIONAL' } },
  );
  const person = persons.find((p) => p.user?.email === 'laukaa@demo.local')!.id;
  const { addMembership: seat } = await admin<{ addMembership: { id: string; version: number } }>(
    'mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id version } }',
    { input: { bodyId: body.id, personId: person, role: 'MEMBER', startsOn: '2026-01-01' } },
  );
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return {
    id: body.id,
    endSeat: () =>
      admin('mutation ($id: ID!, $v: Int!, $d: Date!) { endMembership(id: $id, expectedVersion: $v, endsOn: $d) { id } }', {
        id: seat.id,
        v: seat.version,
        d: yesterday,
      }),
  };
}

describe('recording a need', () => {
  it('tells whoever may not record needs (an analyst) who may, instead of a form the server refuses', async () => {
    const page = await suite.signedIn('analyst@demo.local');
    await page.goto(`${suite.server.url}/needs/new`);
    const notice = page.getByTestId('need-create-forbidden');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Vain sihteeristö ja osapuolten edustajat voivat kirjata tarpeita.');
    expect(await page.getByTestId('need-create').count()).toBe(0);
    expect(await page.getByTestId('need-create-save').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('offers the register\'s "record a new need" link as the server\'s viewerCan says: to a representative, not an analyst', async () => {
    const rep = await suite.signedIn('laukaa@demo.local');
    await rep.goto(`${suite.server.url}/needs`);
    await rep.getByRole('link', { name: 'Kirjaa uusi tarve' }).waitFor();

    const analyst = await suite.signedIn('analyst@demo.local');
    await analyst.goto(`${suite.server.url}/needs`);
    await analyst.getByTestId('needs-count').getByText(/\d/).first().waitFor();
    // The capability is its own small query: once it has answered, the link is there or not for good.
    await analyst.waitForLoadState('networkidle');
    expect(await analyst.getByRole('link', { name: 'Kirjaa uusi tarve' }).count()).toBe(0);
  });

  it('moves focus to the first invalid field when a submit fails its checks, the field tied to its message', async () => {
    const page = await suite.signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/needs/new`);
    await page.getByTestId('field-municipalities').getByLabel('Jämsä').waitFor();
    /** The focused element's test id, or else its label's text, and whether it is marked invalid and what describes it. */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const described = el?.getAttribute('aria-describedby');
        return {
          testId: el?.getAttribute('data-testid') ?? null,
          label: el?.closest('label')?.textContent?.trim() ?? null,
          group: el?.closest('fieldset')?.getAttribute('data-testid') ?? null,
          invalid: el?.getAttribute('aria-invalid') ?? null,
          message: described ? (document.getElementById(described)?.textContent ?? null) : null,
        };
      });

    // Empty, sent with Enter on the button: the title is the first to fix, and says why.
    await page.getByTestId('need-create-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).testId).toBe('field-title');
    expect(await focused()).toMatchObject({ invalid: 'true', message: 'Anna otsikko.' });
    await shot(page, 'need-create-invalid-1366');

    // With a title, the municipalities are next: focus goes to their first box, and the group is tied to its message.
    await page.getByTestId('field-title').fill('E2E tarve ilman kuntaa');
    await page.getByTestId('need-create-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).group).toBe('field-municipalities');
    const group = page.getByTestId('field-municipalities');
    expect(await group.getAttribute('aria-invalid')).toBe('true');
    const groupMessage = await group.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${groupMessage}"]`).textContent()).toBe('Valitse ainakin yksi kunta.');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("moves focus to the title when an edit leaves it empty (the shared useFieldErrors' check)", async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const { createServiceNeed: need } = await admin<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      {
        input: {
          title: 'E2E tarve, jonka otsikko pyyhitään',
          targetGroups: [],
          themeCodes: [],
          municipalityIds: [parties.find((p) => p.code === '410')!.id],
        },
      },
    );
    const page = await suite.signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/needs/${need.id}`);
    await page.getByTestId('need-edit-open').click();
    await page.getByTestId('field-title').fill('');
    await page.getByTestId('need-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('field-title');
    const describedBy = await page.getByTestId('field-title').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Anna otsikko.');
  });

  it('offers a representative only the bodies they sit in and says why beside the fields', async () => {
    const page = await suite.signedIn('laukaa@demo.local');
    const laukaa = await apiAs(suite.server.url, 'laukaa@demo.local');
    const { needOwnerBodyChoices } = await laukaa<{ needOwnerBodyChoices: { name: string }[] }>(
      '{ needOwnerBodyChoices { name } }',
    );
    await page.goto(`${suite.server.url}/needs/new`);
    const offered = await ownerBodyOptions(page, 'Kuntakokous');
    expect(offered.slice(1).sort()).toEqual(needOwnerBodyChoices.map((b) => b.name).sort());
    expect(offered).not.toContain('Kunnanjohtajakokous');
    expect(await page.locator('#need-ownerBody-hintText').textContent()).toContain('joissa olet jäsenenä');

    // Taking one's own party off the need is refused beside the municipalities, before anything is sent.
    await page.getByTestId('field-title').fill('E2E Laukaan tarve');
    await page.getByTestId('field-municipalities').getByLabel('Laukaa').uncheck();
    await page.getByTestId('field-municipalities').getByLabel('Jämsä').check();
    await page.getByTestId('need-create-save').click();
    const municipalityError = page.locator('[data-testid=field-municipalities] .yp-field-error');
    expect(await municipalityError.textContent()).toContain('omaa osapuoltasi (Laukaa)');
    await shot(page, 'need-create-1366');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByTestId('field-municipalities').getByLabel('Laukaa').check();
    await choose(page, ownerBodyField(page), { label: 'Kuntakokous' });
    await page.getByTestId('need-create-save').click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    await page.locator('[data-testid=need-details]').waitFor();

    // The recorder may still edit, and the page says who moves the need on.
    const moveOn = page.getByTestId('need-move-on');
    expect(await moveOn.textContent()).toContain(
      'Tarvetta voivat viedä eteenpäin sihteeristö, elimen Kuntakokous puheenjohtaja ja sihteeri',
    );
    expect(await moveOn.textContent()).toContain('Voit muokata kirjaamaasi tarvetta');
    await page.getByTestId('need-edit-open').click();
    await page.getByTestId('field-title').fill('E2E Laukaan tarve (tarkennettu)');
    await page.getByTestId('need-save').click();
    await page.getByRole('heading', { level: 1, name: /tarkennettu/ }).waitFor();
    await shot(page, 'need-page-1366');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('says beside the owner body why the server refused it when the seat ended meanwhile', async () => {
    const body = await bodyWithLaukaa('E2E-verkosto, josta Laukaa lähtee');
    const page = await suite.signedIn('laukaa@demo.local', { viewport: { width: 390, height: 844 } });
    await page.goto(`${suite.server.url}/needs/new`);
    await ownerBodyOptions(page, 'E2E-verkosto');
    await page.getByTestId('field-title').fill('E2E tarve lähtevälle elimelle');
    await choose(page, ownerBodyField(page), { value: body.id });
    await body.endSeat();
    await page.getByTestId('need-create-save').click();
    const ownerError = page.locator('#need-ownerBody-statusText', { hasText: /\S/ });
    await ownerError.waitFor();
    expect(await ownerError.textContent()).toBe('Voit valita vain elimen, jossa olet jäsenenä.');
    await shot(page, 'need-create-390');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a need page on a phone with who moves it on', async () => {
    const laukaa = await apiAs(suite.server.url, 'laukaa@demo.local');
    const { parties } = await laukaa<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const { createServiceNeed: need } = await laukaa<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      {
        input: {
          title: 'E2E puhelimella katsottu tarve',
          targetGroups: ['YOUTH'],
          themeCodes: ['YOUTH'],
          municipalityIds: [parties.find((p) => p.code === '410')!.id],
        },
      },
    );
    const page = await suite.signedIn('jyvaskyla@demo.local', { viewport: { width: 390, height: 844 } });
    const recorder = await suite.signedIn('laukaa@demo.local', { viewport: { width: 390, height: 844 } });
    await recorder.goto(`${suite.server.url}/needs/${need.id}`);
    await recorder.getByTestId('need-move-on').waitFor();
    expect(await recorder.getByTestId('need-edit-open').isVisible()).toBe(true);
    await shot(recorder, 'need-page-390');
    expect(await seriousAxeViolations(recorder)).toEqual([]);
    // Another party's representative cannot see Laukaa's need at all.
    await page.goto(`${suite.server.url}/needs/${need.id}`);
    await page.locator('[data-error-code=NOT_FOUND]').waitFor();
  });
});
