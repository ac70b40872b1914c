import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
/** WCAG 1.4.10 reflow: 1280 px at 400 % zoom is 320 CSS px wide. */
const REFLOW = { width: 320, height: 256 };

/** How far the page or a region scrolls sideways (0: everything fits). */
function overflow(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => el.scrollWidth - el.clientWidth);
}

describe('the layout on a phone (390 px)', () => {
  it('keeps the header to two short rows; the user and logout are in the menu', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: PHONE, landing: '/needs' });
    await page.locator('main h1').waitFor();
    const header = await page.locator('header.yp-header').boundingBox();
    // Before: brand, language, user and logout and the menu row took 275 px, a third of the screen.
    expect(header!.height).toBeLessThanOrEqual(130);
    expect(await page.getByTestId('user-name').count()).toBe(0);
    await page.getByRole('button', { name: 'Valikko' }).click();
    await page.getByRole('link', { name: 'Palvelutarpeet', exact: true }).waitFor();
    // The live status stays beside the menu button when the opened list makes the row tall.
    const toggle = (await page.getByRole('button', { name: 'Valikko' }).boundingBox())!;
    const live = (await page.locator('.yp-connection').boundingBox())!;
    expect(live.y).toBeGreaterThanOrEqual(toggle.y);
    expect(live.y + live.height).toBeLessThanOrEqual(toggle.y + toggle.height);
    expect(await page.getByTestId('user-name').textContent()).toBe('Sihteeristö (demo)');
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).waitFor();
    expect(await overflow(page, 'html')).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the register as cards, nothing cut at the right edge', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: PHONE, landing: '/needs' });
    const rows = page.locator('[data-testid=needs-table] tbody tr[data-need-id]');
    await rows.first().waitFor();
    expect(await overflow(page, 'html')).toBe(0);
    // Before: the table scrolled inside its box, the status and every column after it out of view.
    expect(await overflow(page, '.yp-table-wrap')).toBe(0);
    for (const row of (await rows.all()).slice(0, 5)) {
      const cells = row.locator('th, td');
      for (const cell of await cells.all()) {
        const box = await cell.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      }
    }
    // The key facts of a need first: its title, then status and priority, each cell saying what it is.
    const first = rows.first();
    expect(
      await first
        .locator('th')
        .boundingBox()
        .then((b) => b!.y),
    ).toBeLessThan(
      await first
        .getByTestId('need-status')
        .boundingBox()
        .then((b) => b!.y),
    );
    expect(await first.getByTestId('need-status').getAttribute('data-label')).toBe('Tila');
    expect(await page.getByRole('table').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("lays a need's actions out as blocks, each fact under its name, nothing out of sight at the right", async () => {
    const api = await apiAs(suite.server.url, 'jyvaskyla@demo.local');
    const { serviceNeeds } = await api<{
      serviceNeeds: { edges: { node: { id: string; actions: { id: string }[]; responsibilities: { role: string }[] } }[] };
    }>('{ serviceNeeds(first: 50) { edges { node { id actions { id } responsibilities { role } } } } }');
    const need = serviceNeeds.edges.map((e) => e.node).find((n) => n.actions.length > 1 && n.responsibilities.length > 0)!;
    const page = await suite.signedIn('jyvaskyla@demo.local', { viewport: PHONE, landing: `/needs/${need.id}` });
    const table = page.getByTestId('actions');
    await table.locator('tbody tr').first().waitFor();
    // Before: the table scrolled inside its box; the due date and the status were out of view.
    expect(await overflow(page, '.yp-table-wrap:has([data-testid=actions])')).toBe(0);
    // The parties' responsibilities above it too (their share was cut at the right).
    expect(await overflow(page, '.yp-table-wrap:has([data-testid=responsibilities])')).toBe(0);
    for (const cell of await table.locator('tbody td').all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect(
      await table
        .locator('tbody td')
        .first()
        .evaluate((td) => getComputedStyle(td, '::before').content),
    ).toContain('Vastuutaho');
    expect(await table.getByRole('row').count()).toBe(need.actions.length + 1);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('opens the structure picture at its middle, says it scrolls, and lets a keyboard scroll it', async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local', { viewport: PHONE, landing: '/cooperation' });
    await page.getByTestId('structure-picture').waitFor();
    const frame = page.locator('.yp-structure__frame');
    // Before: it opened at the left edge, where the upper tiers have no box, and looked empty.
    const forum = page.locator('.yp-structure__box').first();
    const box = (await forum.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByText('Kuva on näyttöä leveämpi: vieritä sitä sivuttain.', { exact: false }).isVisible()).toBe(true);
    const before = await frame.evaluate((el) => el.scrollLeft);
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
    expect(await overflow(page, 'html')).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the register in every language', () => {
  it('fits at 1366 and 1280 px and reflows at 320 px: neither the page nor the table scrolls sideways', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/needs' });
    const rows = page.locator('[data-testid=needs-table] tbody tr[data-need-id]');
    const widths = [LAPTOP, { width: 1280, height: 800 }, REFLOW];
    const seen: { lang: string; width: number; page: number; table: number; cellsOut: number }[] = [];
    let current = 'Suomi (FI)';
    // Through the header's language control, as a user would switch (the choice stays for the next pages).
    for (const language of ['Suomi (FI)', 'Svenska (SV)', 'English (EN)']) {
      await rows.first().waitFor();
      await page.getByRole('button', { name: new RegExp(`^${current.replace(/[()]/g, '\\$&')}`) }).click();
      await page.getByRole('menuitem', { name: language }).click();
      await page.locator(`html[lang=${language.slice(-3, -1).toLowerCase()}]`).waitFor();
      current = language;
      for (const viewport of widths) {
        await page.setViewportSize(viewport);
        await page.goto(`${suite.server.url}/needs`);
        await rows.first().waitFor();
        await page.waitForLoadState('networkidle');
        // A cell's right edge past the screen would be content cut off on the stacked cards at 320 px.
        const cellsOut = await rows
          .locator('th, td')
          .evaluateAll((cells, width) => cells.filter((c) => c.getBoundingClientRect().right > width).length, viewport.width);
        seen.push({
          lang: language,
          width: viewport.width,
          page: await overflow(page, 'html'),
          table: await overflow(page, '.yp-table-wrap:has([data-testid=needs-table])'),
          cellsOut,
        });
      }
    }
    // Before: at 1366 px the table scrolled 285 px sideways in its box in Swedish (345 px in Finnish, 117 in
    // English): headers, status tags and dates on one line each, long compounds such as "sysselsättningstjänster".
    expect(seen).toEqual(seen.map(({ lang, width }) => ({ lang, width, page: 0, table: 0, cellsOut: 0 })));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the board at 1366 px', () => {
  it('shows every status column within the screen width', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/needs?view=board' });
    await page.locator('[data-testid=needs-board] li').first().waitFor();
    const columns = await page.locator('[data-testid=needs-board] > section[data-status]').all();
    expect(columns.length).toBe(8);
    for (const column of columns) {
      const box = await column.boundingBox();
      const status = await column.getAttribute('data-status');
      // Before: eight columns of 200 px side by side, the last three off screen in a scroll box.
      expect({ status, right: box!.x + box!.width <= LAPTOP.width }).toEqual({ status, right: true });
    }
    expect(await overflow(page, '[data-testid=needs-board]')).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('the dashboard charts', () => {
  it('write whole, localized numbers on the axes, labels never overlapping, at 1366 and 390 px', async () => {
    for (const viewport of [LAPTOP, PHONE]) {
      const page = await suite.signedIn('admin@demo.local', { viewport, landing: '/dashboard' });
      await page.getByTestId('ratifications-svg').waitFor();
      await page.getByTestId('themes-svg').waitFor();
      for (const id of ['themes-svg', 'actions-svg', 'ratifications-svg', 'resolution-svg']) {
        const svg = page.getByTestId(id);
        if (!(await svg.count())) continue;
        const ticks = await svg.locator('.yp-svg__tick').evaluateAll((els) =>
          els.map((el) => {
            const box = el.getBoundingClientRect();
            return { text: el.textContent ?? '', left: box.left, right: box.right };
          }),
        );
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        for (const tick of ticks)
          expect({ id, tick: tick.text }).toEqual({
            id,
            tick: expect.stringMatching(/^\d{1,3}((\u00a0|\u202f)\d{3})*(\u00a0%)?$/) as string,
          });
        const sorted = [...ticks].sort((a, b) => a.left - b.left);
        for (let i = 1; i < sorted.length; i++) {
          // Before: "0 %25 %50 %" ran together on a phone.
          expect({ id, width: viewport.width, gap: sorted[i]!.left - sorted[i - 1]!.right >= 4 }).toEqual({
            id,
            width: viewport.width,
            gap: true,
          });
        }
      }
    }
  });
});

/** The main pages and something to show on each: a need, a meeting, a body and an agreement of the demo region. */
async function mainPages(): Promise<string[]> {
  const api = await apiAs(suite.server.url, 'admin@demo.local');
  const data = await api<{
    serviceNeeds: { edges: { node: { id: string } }[] };
    meetings: { id: string; status: string }[];
    cooperationBodies: { id: string }[];
    agreements: { id: string }[];
  }>('{ serviceNeeds(first: 1) { edges { node { id } } } meetings { id status } cooperationBodies { id } agreements { id } }');
  return [
    '/needs',
    '/needs/new',
    '/needs/matrix',
    '/needs/actions',
    `/needs/${data.serviceNeeds.edges[0]!.node.id}`,
    '/dashboard',
    '/meetings',
    // A planned meeting: its page has the form for a new agenda item.
    `/meetings/${(data.meetings.find((m) => m.status === 'PLANNED') ?? data.meetings[0]!).id}`,
    `/cooperation/bodies/${data.cooperationBodies[0]!.id}`,
    `/agreements/${data.agreements[0]!.id}`,
  ];
}

describe('the meeting room at 1366 px', () => {
  it("fits the secretary's attendance choices in the side column's card", async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { meetings } = await api<{ meetings: { id: string; status: string }[] }>('{ meetings { id status } }');
    const open = meetings.find((m) => m.status === 'AGENDA_PUBLISHED' || m.status === 'IN_PROGRESS')!;
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: `/meetings/${open.id}/room` });
    const card = page.locator('.yp-room__panel', { has: page.locator('#attendance') });
    const choices = card.locator('.yp-select');
    await choices.first().waitFor();
    // A recorded attendance brings the member's deputy choice.
    await choose(page, card.locator('button[id^="attendance-"]').first(), { label: 'Läsnä' });
    const deputy = card.locator('button[id^="deputy-"]').first();
    await deputy.waitFor();
    const edge = await card.boundingBox().then((b) => b!.x + b!.width);
    // Before: three columns in a 350 px card; the deputy column was squeezed to the card's edge.
    for (const choice of [...(await card.locator('button[id^="attendance-"]').all()).slice(0, 3), deputy]) {
      const box = (await choice.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(edge - 8);
      expect(box.width).toBeGreaterThanOrEqual(140);
    }
    expect(await overflow(page, '.yp-room__panel .yp-table-wrap')).toBe(0);
    expect(await card.getByText('Varajäsenenä').first().isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('form controls', () => {
  it('are the design system’s on the main pages: no native select or date input', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/needs' });
    const paths = await mainPages();
    // The meeting pages are checked for accessibility here too (the others have tests of their own).
    const meetingPage = (path: string) => path.startsWith('/meetings/');
    expect(paths.filter(meetingPage)).not.toEqual([]);
    for (const path of paths) {
      await page.goto(`${suite.server.url}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const native = await page.locator('main select, main input[type=date], main input[type=datetime-local]').count();
      const axe = meetingPage(path) ? await seriousAxeViolations(page) : [];
      expect({ path, native, axe }).toEqual({ path, native: 0, axe: [] });
    }
  });
});

describe('the need page’s forms with the design system’s fields', () => {
  it('set a responsibility, add an action with a due date typed as d.M.yyyy and change its status, sending what they did before', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const id = (code: string) => parties.find((p) => p.code === code)!.id;
    const { createServiceNeed: need } = await admin<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      {
        input: {
          title: 'E2E suomi.fi-kentät',
          targetGroups: ['YOUTH'],
          themeCodes: ['YOUTH'],
          municipalityIds: [id('179')],
          priority: 'LOW',
        },
      },
    );
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: `/needs/${need.id}` });
    await page.locator('[data-testid=need-details]').waitFor();

    await choose(page, page.locator('#responsibility-party_button'), { value: id('410') });
    await choose(page, page.locator('#responsibility-role_button'), { label: 'Vastuutaho' });
    await page.getByRole('button', { name: 'Aseta vastuu' }).click();
    await page.locator('main').getByText('Laukaa', { exact: true }).first().waitFor();

    await page.getByLabel('Toimenpide', { exact: true }).fill('E2E päivämäärä suomalaisittain');
    await choose(page, page.locator('#action-owner_button'), { label: 'Jyväskylä' });
    await page.locator('#action-due').fill('31.1.2027');
    await page.getByRole('button', { name: 'Lisää toimenpide' }).click();
    const row = page.locator('[data-testid=actions] tr', { hasText: 'E2E päivämäärä suomalaisittain' });
    await row.waitFor();
    expect(await row.textContent()).toContain('31.1.2027');
    // The actions table fits its card on a laptop: the status choice is as wide as its cell, not 290 px.
    expect(await overflow(page, '[data-testid=actions] >> xpath=..')).toBe(0);

    await choose(page, row.getByRole('button'), { label: 'Valmis' });
    await page.getByText('Toimenpide tallennettu.').waitFor({ state: 'attached' });
    await expect
      .poll(async () => {
        const { serviceNeed } = await admin<{
          serviceNeed: {
            actions: { title: string; dueDate: string; status: string }[];
            responsibilities: { role: string; party: { code: string } }[];
          };
        }>(
          'query ($id: ID!) { serviceNeed(id: $id) { actions { title dueDate status } responsibilities { role party { code } } } }',
          { id: need.id },
        );
        return { action: serviceNeed.actions[0], lead: serviceNeed.responsibilities.find((r) => r.role === 'LEAD')?.party.code };
      })
      .toEqual({ action: { title: 'E2E päivämäärä suomalaisittain', dueDate: '2027-01-31', status: 'DONE' }, lead: '410' });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('in English mark a due date that is no date in the field itself, and take one typed as 31/12/2026', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const { createServiceNeed: need } = await admin<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      {
        input: {
          title: 'E2E päivämäärä englanniksi',
          targetGroups: ['YOUTH'],
          themeCodes: ['YOUTH'],
          municipalityIds: [parties.find((p) => p.code === '179')!.id],
          priority: 'LOW',
        },
      },
    );
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: `/needs/${need.id}` });
    await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await page.getByRole('menuitem', { name: 'English (EN)' }).click();
    const form = page.locator('form', { has: page.locator('#action-due') });
    const due = page.locator('#action-due');
    await form.getByLabel('Action', { exact: true }).fill('E2E date typed the English way');
    await choose(page, page.locator('#action-owner_button'), { label: 'Jyväskylä' });

    const sent = mutationsSent(page, 'createAction');

    // Text that is no date, sent with Enter in the field: the field is marked with the format to use, keeps the
    // focus, and the form sends nothing (before, the server refused it and the form said to correct the fields).
    await due.fill('32/12/2026');
    await due.press('Enter');
    await page.locator('#action-due[aria-invalid=true]').waitFor();
    expect(await page.locator('#action-due-statusText').textContent()).toBe('Enter the date in the format 31/12/2026');
    await expect.poll(() => focusedId(page)).toBe('action-due');
    // Then with the button, after leaving the field for another one.
    await form.getByLabel('Action', { exact: true }).focus();
    await form.getByRole('button', { name: 'Add action' }).click();
    await expect.poll(() => focusedId(page)).toBe('action-due');
    expect(await due.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('Correct the marked fields.', { exact: false }).count()).toBe(0);
    expect(sent).toEqual([]);

    // The hint writes the example as English writes dates, and a date typed that way is taken.
    expect(await page.locator('#action-due-hintText').textContent()).toBe('For example 31/12/2026');
    await due.fill('31/12/2026');
    expect(await due.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Add action' }).click();
    const row = page.locator('[data-testid=actions] tr', { hasText: 'E2E date typed the English way' });
    await row.waitFor();
    expect(await row.textContent()).toContain('31/12/2026');
    const { serviceNeed } = await admin<{ serviceNeed: { actions: { dueDate: string }[] } }>(
      'query ($id: ID!) { serviceNeed(id: $id) { actions { dueDate } } }',
      { id: need.id },
    );
    expect(serviceNeed.actions.map((a) => a.dueDate)).toEqual(['2026-12-31']);
    expect(sent).toHaveLength(1);
  });
});

describe('forms with a date field', () => {
  it('send nothing while the date field holds text that is no date: the field says so and takes the focus', async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const negotiationTitles = async () =>
      (await admin<{ negotiations: { title: string }[] }>('{ negotiations { title } }')).negotiations.map((n) => n.title);
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/agreements' });
    const sent = mutationsSent(page, 'createNegotiation', 'recordRatification');

    // A new negotiation with a word for its date, sent with the button straight from the date field.
    await page.getByRole('button', { name: 'Uusi neuvottelu' }).click();
    const form = page.getByTestId('negotiation-new');
    await form.locator('input[name=partyIds]').first().waitFor();
    // Without a title the form's own check marks it, and focus moves there (the shared useFocusFirstInvalid).
    await form.getByRole('button', { name: 'Lisää neuvottelu' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');
    await form.locator('input[name=title]').fill('E2E-neuvottelu ilman päivää');
    await form.locator('input[name=year]').fill('2027');
    const heldOn = form.locator('input[name=heldOn]');
    await heldOn.fill('huomenna');
    await form.getByRole('button', { name: 'Lisää neuvottelu' }).click();
    await page.locator('#negotiation-new-heldOn[aria-invalid=true]').waitFor();
    expect(await page.locator('#negotiation-new-heldOn-statusText').textContent()).toBe('Anna päivämäärä muodossa 31.12.2026');
    await expect.poll(() => focusedId(page)).toBe('negotiation-new-heldOn');
    expect(await page.getByTestId('negotiation-new-status').textContent()).toBe('');

    // A ratification with a day and month that do not exist, sent with Enter in the date field.
    const record = page.getByTestId('record-form');
    await page.getByRole('link', { name: 'Strateginen yhteistyösopimus' }).click();
    await record.waitFor();
    const decisionDate = record.locator('input[name=decisionDate]');
    await record.locator('input[name=decidingBody]').fill('E2E-valtuusto');
    await decisionDate.fill('32.13.2026');
    await decisionDate.press('Enter');
    await page.locator('#record-decisionDate[aria-invalid=true]').waitFor();
    expect(await page.locator('#record-decisionDate-statusText').textContent()).toBe('Anna päivämäärä muodossa 31.12.2026');
    await expect.poll(() => focusedId(page)).toBe('record-decisionDate');

    // Neither form sent anything, and after a reload neither record is there.
    expect(sent).toEqual([]);
    await page.reload();
    await page.getByTestId('ratification-table').waitFor();
    expect(await page.getByTestId('ratification-table').textContent()).not.toContain('E2E-valtuusto');
    expect(await negotiationTitles()).not.toContain('E2E-neuvottelu ilman päivää');
  });
});

/** The id of the element that has focus. */
function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

/** The GraphQL requests the page sends from now on that run one of `fields` (e.g. 'createAction'), as they are sent. */
function mutationsSent(page: Page, ...fields: string[]): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    const field = fields.find((f) => body.includes(`${f}(`));
    if (field) sent.push(field);
  });
  return sent;
}
