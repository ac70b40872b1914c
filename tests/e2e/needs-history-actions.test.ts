import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

// An action's line in the need's history says what changed: a new due date as dates old → new in the page's language,
// and a status arrow only when the status changed (not "Käynnissä → Käynnissä"). Party lists sort in Finnish order.

const suite = e2eSuite();
const { signedIn } = suite;

const ACTION_FIELDS = 'id version';
const UPDATE_ACTION = `mutation ($id: ID!, $v: Int!, $input: UpdateActionInput!) {
  updateAction(id: $id, expectedVersion: $v, input: $input) { ${ACTION_FIELDS} } }`;

/** A need concerning Jyväskylä, with an action of Jyväskylä started and then given a new due date by Jyväskylä. */
async function needWithRescheduledAction(title: string) {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  const jyvaskyla = await apiAs(suite.server.url, 'jyvaskyla@demo.local');
  const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  const jkl = parties.find((p) => p.code === '179')!.id;
  const { createServiceNeed: need } = await admin<{ createServiceNeed: { id: string } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
    { input: { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [jkl] } },
  );
  const { createAction: action } = await jyvaskyla<{ createAction: { id: string; version: number } }>(
    `mutation ($input: CreateActionInput!) { createAction(input: $input) { ${ACTION_FIELDS} } }`,
    { input: { needId: need.id, title: 'Nuorten ohjausmalli', ownerPartyId: jkl, dueDate: '2026-12-01' } },
  );
  const { updateAction: started } = await jyvaskyla<{ updateAction: { version: number } }>(UPDATE_ACTION, {
    id: action.id,
    v: action.version,
    input: { status: 'IN_PROGRESS' },
  });
  await jyvaskyla(UPDATE_ACTION, { id: action.id, v: started.version, input: { dueDate: '2027-01-15' } });
  return need.id;
}

/** The history's action updates: each one's action title and its changed fields, one "field old → new" per row. */
const actionUpdates = (page: Page) =>
  page.locator('[data-testid=history] li.yp-timeline__item--action-updated').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('p.yp-timeline__body:not([data-testid])')?.textContent,
      changes: [...li.querySelectorAll('[data-testid=history-action-changes] > div')].map((row) =>
        (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      ),
    })),
  );

describe("an action's lines in the need's history", () => {
  it('show a new due date as dates, old → new, and a status arrow only when the status changed; in each language', async () => {
    const needId = await needWithRescheduledAction('E2E toimenpiteen määräpäivä historiassa');
    const page = await signedIn('jyvaskyla@demo.local');
    await page.goto(`${suite.server.url}/needs/${needId}`);
    const updates = page.locator('[data-testid=history] li.yp-timeline__item--action-updated');
    await updates.nth(1).waitFor();
    expect(await actionUpdates(page)).toEqual([
      { title: 'Nuorten ohjausmalli', changes: ['Tila Suunniteltu → Käynnissä'] },
      // Only the due date changed: no status "Käynnissä → Käynnissä".
      { title: 'Nuorten ohjausmalli', changes: ['Määräpäivä 1.12.2026 → 15.1.2027'] },
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await page.getByRole('menuitem', { name: 'English (EN)' }).click();
    await updates.nth(1).getByText('Due').waitFor();
    expect((await actionUpdates(page)).map((u) => u.changes)).toEqual([
      ['Status Planned → In progress'],
      ['Due 01/12/2026 → 15/01/2027'],
    ]);

    await page.getByRole('button', { name: /^English \(EN\)/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    await updates.nth(1).getByText('Förfallodag').waitFor();
    expect((await actionUpdates(page)).map((u) => u.changes)).toEqual([
      ['Status Planerad → Pågår'],
      ['Förfallodag 1.12.2026 → 15.1.2027'],
    ]);
  }, 120_000);

  it('lists the need form’s municipalities in Finnish order in the English UI too: Äänekoski last', async () => {
    const page = await signedIn('admin@demo.local');
    await page.goto(`${suite.server.url}/needs/new`);
    await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await page.getByRole('menuitem', { name: 'English (EN)' }).click();
    const names = page.locator('[data-testid=field-municipalities] label');
    await names.nth(20).waitFor();
    const all = (await names.allInnerTexts()).map((n) => n.trim());
    expect(all.at(-1)).toBe('Äänekoski');
    expect(all.indexOf('Jämsä')).toBeLessThan(all.indexOf('Laukaa'));
  }, 60_000);
});
