import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, login, seriousAxeViolations, startServer, type Browser, type E2eServer } from './helpers.js';

let server: E2eServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
});

async function signedIn(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const browser = await launchBrowser(viewport ? { viewport } : {});
  browsers.push(browser);
  await login(browser.page, server.url, email);
  return browser.page;
}

/** A need with a long title, Laukaa as LEAD, Jyväskylä contributing, an overdue action of Jyväskylä and a dozen edits. */
async function makeNeedWithHistory(title: string) {
  const admin = await apiAs(server.url, 'admin@demo.local');
  const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  const id = (code: string) => parties.find((p) => p.code === code)!.id;
  const { createServiceNeed: need } = await admin<{ createServiceNeed: { id: string } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
    {
      input: { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [id('179'), id('410')], priority: 'HIGH' },
    },
  );
  const set =
    'mutation ($n: ID!, $p: ID!, $r: ResponsibilityRole!, $d: String) { setResponsibility(needId: $n, partyId: $p, role: $r, description: $d) { id } }';
  await admin(set, { n: need.id, p: id('410'), r: 'LEAD', d: 'Asumisohjauksen koordinointi' });
  await admin(set, { n: need.id, p: id('179'), r: 'CONTRIBUTOR', d: 'Jälkihuollon sosiaalityö' });
  await admin('mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }', {
    input: { needId: need.id, title: 'Yhteinen asumisohjausmalli', ownerPartyId: id('179'), dueDate: '2024-01-31' },
  });
  for (let i = 1; i <= 12; i++) {
    const { serviceNeed } = await admin<{ serviceNeed: { version: number } }>(
      'query ($id: ID!) { serviceNeed(id: $id) { version } }',
      { id: need.id },
    );
    await admin(
      'mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { id } }',
      {
        id: need.id,
        v: serviceNeed.version,
        input: { legalBasis: `Lastensuojelulaki 75 §, muutos ${i}` },
      },
    );
  }
  return need.id;
}

describe('the need page after the QA fixes', () => {
  it('says beside the reason field that a rejection needs a reason, and marks the field', async () => {
    const needId = await makeNeedWithHistory('E2E hylkäys ilman perustelua');
    const page = await signedIn('admin@demo.local');
    await page.goto(`${server.url}/needs/${needId}`);
    await page.locator('[data-testid=to-REJECTED]').click();
    const note = page.locator('[data-testid=transition-note]');
    const message = page.locator('[data-testid=transition-note-error]');
    await message.waitFor();
    expect(await message.textContent()).toBe('Kirjoita hylkäyksen perustelu.');
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    expect(await note.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
    // The label names the field by for/id, and the field has the focus.
    const labelled = await note.evaluate((el) => (el as HTMLTextAreaElement).labels?.[0]?.textContent ?? '');
    expect(labelled).toContain('Perustelu');
    expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing was sent: the need is still identified.
    expect(await page.locator('[data-testid=need-details] [data-testid=need-status]').textContent()).toContain('Tunnistettu');
    // Typing a reason clears the message; the rejection then goes through.
    await note.fill('Kuuluu kunnan omaan palveluun');
    expect(await message.count()).toBe(0);
    expect(await note.getAttribute('aria-invalid')).toBeNull();
    await page.locator('[data-testid=to-REJECTED]').click();
    await page
      .locator('[data-testid=need-details] [data-testid=need-status]', { hasText: 'Hylätty' })
      .waitFor({ timeout: 10_000 });
  });

  it('lets the keyboard reach the scrolling history, which names the party of each responsibility and action', async () => {
    const needId = await makeNeedWithHistory('E2E historia ja osapuolet');
    const page = await signedIn('jyvaskyla@demo.local');
    await page.goto(`${server.url}/needs/${needId}`);
    const region = page.locator('[data-testid=history-region]');
    await page.locator('[data-testid=history] li').nth(10).waitFor();
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    const parties = await page.locator('[data-testid=history] [data-testid=history-party]').allTextContents();
    expect(parties).toContain('Osapuoli: Laukaa');
    expect(parties).toContain('Osapuoli: Jyväskylä');
    expect(parties).toContain('Vastuutaho: Jyväskylä');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('opens the scrolling history at its newest line and follows new lines, unless the reader scrolled back', async () => {
    const needId = await makeNeedWithHistory('E2E historia auki uusimmasta');
    const page = await signedIn('jyvaskyla@demo.local');
    await page.goto(`${server.url}/needs/${needId}`);
    const region = page.locator('[data-testid=history-region]');
    const lines = page.locator('[data-testid=history] li');
    await lines.nth(10).waitFor();
    const atEnd = () =>
      region.evaluate((el) => el.scrollHeight > el.clientHeight && el.scrollHeight - el.scrollTop - el.clientHeight < 2);
    await expect.poll(atEnd).toBe(true);
    const count = await lines.count();

    // A comment from elsewhere arrives as a new last line, and the box follows it.
    const admin = await apiAs(server.url, 'admin@demo.local');
    const comment = 'mutation ($n: ID!, $b: String!) { addNeedComment(needId: $n, body: $b) { id } }';
    await admin(comment, { n: needId, b: 'Uusin rivi näkyviin' });
    await lines.nth(count).waitFor();
    await expect.poll(atEnd).toBe(true);

    // Scrolled back to the first line, the reader stays there when the next line comes.
    await region.evaluate((el) => el.scrollTo({ top: 0 }));
    await admin(comment, { n: needId, b: 'Ei siirrä lukijaa' });
    await lines.nth(count + 1).waitFor();
    expect(await region.evaluate((el) => el.scrollTop)).toBe(0);
  });

  it('fits a 390 px phone without scrolling sideways, the tables scrolling in their own regions', async () => {
    const needId = await makeNeedWithHistory(
      'E2E Lastensuojelun jälkihuoltonuorten asumispalvelukokonaisuuden yhteensovittaminen',
    );
    const page = await signedIn('admin@demo.local', { width: 390, height: 844 });
    await page.goto(`${server.url}/needs/${needId}`);
    await page.locator('[data-testid=history] li').nth(10).waitFor();
    await page.locator('[data-testid=actions]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const card of await page.locator('.yp-card').all()) {
      const box = await card.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    for (const path of ['/needs', '/needs/actions', '/needs/matrix?theme=STUDENT_WELFARE', '/needs/new']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, width: 390 });
    }
  });

  it('shows every theme and municipality on the need form, with no list cut short', async () => {
    const page = await signedIn('admin@demo.local');
    await page.goto(`${server.url}/needs/new`);
    await page.locator('[data-testid=field-municipalities] input').nth(20).waitFor();
    for (const list of ['field-themes', 'field-municipalities']) {
      const cut = await page
        .locator(`[data-testid=${list}] .yp-checks__list`)
        .evaluate((el) => el.scrollHeight - el.clientHeight);
      expect({ list, cut }).toEqual({ list, cut: 0 });
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('names the form’s themes in the language chosen on the page, without a reload', async () => {
    const page = await signedIn('admin@demo.local');
    await page.goto(`${server.url}/needs/new`);
    const themes = page.getByTestId('field-themes');
    // The seed's Finnish and Swedish names of the theme YOUTH (server/seed/themes.ts).
    await themes.getByLabel('Nuoret', { exact: true }).waitFor();
    await page.getByTestId('language-menu').click();
    await page.getByRole('menuitem', { name: /Svenska/ }).click();
    await page.getByRole('heading', { name: 'Registrera behov', level: 1 }).waitFor();
    // Before: the themes kept the Finnish names the server had answered until the page was reloaded.
    expect(await themes.getByLabel('Unga', { exact: true }).count()).toBe(1);
    expect(await themes.getByLabel('Nuoret', { exact: true }).count()).toBe(0);
  });

  it('counts the matrix’s gaps in words of the right number, without the raw role code', async () => {
    // A need of the theme without a lead party, so that the theme has at least one gap to count.
    const admin = await apiAs(server.url, 'admin@demo.local');
    const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    await admin('mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }', {
      input: {
        title: 'E2E aukko ilman vastuutahoa',
        targetGroups: ['YOUTH'],
        themeCodes: ['STUDENT_WELFARE'],
        municipalityIds: [parties.find((p) => p.code === '179')!.id],
      },
    });
    const page = await signedIn('admin@demo.local');
    await page.goto(`${server.url}/needs/matrix?theme=STUDENT_WELFARE`);
    await page.locator('[data-testid=matrix]').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('(LEAD)');
    expect(await page.locator('.yp-gap--block').textContent()).toMatch(/^(1 tarve|\d+ tarvetta) ilman vastuutahoa$/);
  });
});
