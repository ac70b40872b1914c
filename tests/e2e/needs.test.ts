import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const signedIn = (email: string): Promise<Page> => suite.signedIn(email);

/** A need of its own for a test, recorded by the secretariat for Jyväskylä and Laukaa, Jyväskylä LEAD. */
async function makeNeed(title: string) {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  const id = (code: string) => parties.find((p) => p.code === code)!.id;
  const { createServiceNeed } = await admin<{ createServiceNeed: { id: string; version: number } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id version } }',
    {
      input: { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [id('179'), id('410')], priority: 'HIGH' },
    },
  );
  await admin('mutation ($n: ID!, $p: ID!) { setResponsibility(needId: $n, partyId: $p, role: LEAD) { id } }', {
    n: createServiceNeed.id,
    p: id('179'),
  });
  return { ...createServiceNeed, admin };
}

describe('the register of service needs', () => {
  it('filters by status and text, keeps the filters in the URL, and has no serious accessibility violations', async () => {
    const page = await signedIn('jyvaskyla@demo.local');
    await page.goto(`${suite.server.url}/needs`);
    await page.locator('[data-testid=needs-table] tbody tr[data-need-id]').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await choose(page, page.getByTestId('filter-status'), { label: 'Sovittu' });
    await page.waitForURL(/status=AGREED/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=needs-table] [data-testid=need-status]')].every((td) =>
        /Sovittu/.test(td.textContent ?? ''),
      ),
    );
    await page.locator('[data-testid=filter-text]').fill('asumisen tuki');
    await page.waitForURL(/q=asumisen/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=needs-table] tbody tr[data-need-id]').length === 1);
    expect(await page.locator('[data-testid=needs-table] tbody tr[data-need-id] a').textContent()).toContain('asumisen tuki');
    // The URL is the view: opening it again shows the same rows.
    await page.goto(page.url());
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=needs-table] tbody tr[data-need-id]').length === 1);
    await page.locator('[data-testid=view-board]').click();
    await page.locator('[data-testid=needs-board] li').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a status change made by another user live, on the board and on the need page', async () => {
    const need = await makeNeed('E2E elävä tilamuutos');
    const laukaa = await signedIn('laukaa@demo.local');
    await laukaa.goto(`${suite.server.url}/needs?view=board&q=E2E%20el%C3%A4v%C3%A4`);
    await laukaa.locator(`[data-status=IDENTIFIED] [data-need-id="${need.id}"]`).waitFor();
    const jkl = await signedIn('jyvaskyla@demo.local');
    await jkl.goto(`${suite.server.url}/needs/${need.id}`);
    await jkl.locator('[data-testid=to-UNDER_ANALYSIS]').click();
    await laukaa.locator(`[data-status=UNDER_ANALYSIS] [data-need-id="${need.id}"]`).waitFor({ timeout: 10_000 });
    await laukaa.goto(`${suite.server.url}/needs/${need.id}`);
    await laukaa.locator('[data-testid=need-details]').waitFor();
    expect(await laukaa.locator('[data-testid=transitions]').textContent()).not.toContain('Sovittu');
    expect(await seriousAxeViolations(laukaa)).toEqual([]);
    await need.admin('mutation ($id: ID!) { transitionServiceNeed(id: $id, expectedVersion: 2, to: AGREED) { id } }', {
      id: need.id,
    });
    await laukaa
      .locator('[data-testid=need-details] [data-testid=need-status]', { hasText: 'Sovittu' })
      .waitFor({ timeout: 10_000 });
  });

  it('adds comments and history lines live: another user’s comment, and the user’s own comment once', async () => {
    const need = await makeNeed('E2E elävä keskustelu');
    const page = await signedIn('laukaa@demo.local');
    await page.goto(`${suite.server.url}/needs/${need.id}`);
    await page.locator('[data-testid=history] li').first().waitFor();
    // From here on the events bring the history's new lines: the history is never fetched again over HTTP.
    const historyFetches: string[] = [];
    page.on('request', (request) => {
      const sent = decodeURIComponent(`${request.url()} ${request.postData() ?? ''}`.replace(/\+/g, ' '));
      if (/\bquery\s+NeedHistory\s*\(/.test(sent)) historyFetches.push(request.method());
    });
    const commentLines = '[data-testid=history] li.yp-timeline__item--comment-added';
    await need.admin('mutation ($id: ID!) { addNeedComment(needId: $id, body: "E2E kommentti muualta") { id } }', {
      id: need.id,
    });
    await page.locator('[data-testid=comments] li', { hasText: 'E2E kommentti muualta' }).waitFor({ timeout: 10_000 });
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 1, commentLines, { timeout: 10_000 });
    // The live notice names who else changed the need; the user's own change does not replace it.
    const notice = await page.getByTestId('need-live').textContent();
    expect(notice).toMatch(/muutti tarvetta/);
    await page.locator('[data-testid=comment-body]').fill('E2E oma kommentti');
    await page.locator('[data-testid=comment-send]').click();
    await page.locator('[data-testid=comments] li', { hasText: 'E2E oma kommentti' }).waitFor();
    // The user's own comment comes back as an event too: the history grows, the discussion shows it once.
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 2, commentLines, { timeout: 10_000 });
    expect(await page.locator('[data-testid=comments] li', { hasText: 'E2E oma kommentti' }).count()).toBe(1);
    expect(historyFetches).toEqual([]);
    expect(await page.getByTestId('need-live').textContent()).toBe(notice);
  });

  it('gives the second editor a conflict, shows both versions and re-applies their change in one step', async () => {
    const need = await makeNeed('E2E ristiriita');
    const page = await signedIn('jyvaskyla@demo.local');
    await page.goto(`${suite.server.url}/needs/${need.id}`);
    await page.locator('[data-testid=need-edit-open]').click();
    await page.locator('[data-testid=field-title]').fill('E2E ristiriita – minun otsikkoni');
    // Meanwhile someone else saves another field and the title.
    await need.admin(
      'mutation ($id: ID!) { updateServiceNeed(id: $id, expectedVersion: 1, input: { title: "E2E ristiriita – heidän otsikkonsa", legalBasis: "Nuorisolaki" }) { id } }',
      {
        id: need.id,
      },
    );
    await page.locator('[data-testid=remote-change]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=need-save]').click();
    const conflict = page.locator('[data-testid=conflict]');
    await conflict.waitFor();
    expect(await conflict.locator('[data-testid=theirs-title]').textContent()).toContain('heidän');
    expect(await conflict.locator('[data-testid=mine-title]').textContent()).toContain('minun');
    await page.locator('[data-testid=apply-mine]').click();
    await page.locator('h1', { hasText: 'minun otsikkoni' }).waitFor();
    const { serviceNeed } = await need.admin<{ serviceNeed: { title: string; legalBasis: string; version: number } }>(
      'query ($id: ID!) { serviceNeed(id: $id) { title legalBasis version } }',
      { id: need.id },
    );
    expect(serviceNeed).toEqual({ title: 'E2E ristiriita – minun otsikkoni', legalBasis: 'Nuorisolaki', version: 3 });
  });

  it('takes the keyboard to the edit form when it opens, to the notice when a save is refused, and back when it closes', async () => {
    const need = await makeNeed('E2E fokus');
    const page = await signedIn('jyvaskyla@demo.local');
    await page.goto(`${suite.server.url}/needs/${need.id}`);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-testid'));
    // Seen: the element's top inside the window (the form opens below the details, the notice above the fields).
    const inView = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const top = el.getBoundingClientRect().top;
        return top >= 0 && top < window.innerHeight;
      });

    await page.getByRole('button', { name: 'Muokkaa tietoja' }).click();
    await expect.poll(focused).toBe('need-edit-heading');
    expect(await inView('#need-edit-heading')).toBe(true);

    await page.locator('[data-testid=field-title]').fill('E2E fokus – minun otsikkoni');
    await need.admin(
      'mutation ($id: ID!) { updateServiceNeed(id: $id, expectedVersion: 1, input: { title: "E2E fokus – heidän otsikkonsa" }) { id } }',
      { id: need.id },
    );
    await page.locator('[data-testid=remote-change]').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=need-save]').click();
    await page.locator('[data-testid=conflict]').waitFor();
    await expect.poll(focused).toBe('conflict');
    expect(await inView('[data-testid=conflict]')).toBe(true);

    await page.getByRole('button', { name: 'Hylkää omat muutokseni' }).click();
    await page.locator('[data-testid=need-edit]').waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('need-edit-open');
  });

  it('shows the matrix and a party’s actions without serious accessibility violations', async () => {
    const page = await signedIn('hyvinvointialue@demo.local');
    await page.goto(`${suite.server.url}/needs/matrix?theme=STUDENT_WELFARE`);
    await page.locator('[data-testid=matrix]').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${suite.server.url}/needs/actions`);
    await page.locator('[data-testid=party-actions] tbody tr').first().waitFor();
    expect(await page.locator('.yp-tag--overdue').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
