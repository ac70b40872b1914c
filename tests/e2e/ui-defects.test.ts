import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, makeNeed, screenshotTo, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.UI_SHOTS;
const MEASURE_ADDED = 'Mittari lisätty.';

/** The agreement whose ratification round the demo keeps open (the record form offers its parties). */
async function strategicAgreement(): Promise<string> {
  const api = await apiAs(suite.server.url, 'admin@demo.local');
  const { agreements } = await api<{ agreements: { id: string; type: string }[] }>('{ agreements { id type } }');
  return agreements.find((a) => a.type === 'STRATEGIC_COOPERATION')!.id;
}

/** The boxes of a form (text inputs, date inputs, dropdown buttons) that are shown: name and top edge, by rows of equal left order. */
function boxTops(form: Locator): Promise<{ name: string; top: number; bottom: number }[]> {
  return form
    .locator('input:not([type=checkbox], [type=radio], [type=hidden]), textarea, .fi-dropdown_button')
    .evaluateAll((els) =>
      els
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const box = el.getBoundingClientRect();
          return {
            name: el.getAttribute('name') ?? el.id,
            top: Math.round(box.top * 10) / 10,
            bottom: Math.round(box.bottom * 10) / 10,
          };
        }),
    );
}

/** The boxes grouped into rows: a box whose top is above the previous row's boxes' bottoms stands in that row. */
function rowsOf(boxes: { name: string; top: number; bottom: number }[]): { name: string; top: number }[][] {
  const rows: { name: string; top: number; bottom: number }[][] = [];
  for (const box of [...boxes].sort((a, b) => a.top - b.top)) {
    const row = rows.at(-1);
    if (row && box.top < Math.min(...row.map((b) => b.bottom))) row.push(box);
    else rows.push([box]);
  }
  return rows.map((row) => row.map(({ name, top }) => ({ name, top })));
}

/** The rows whose boxes do not stand level (their tops more than half a pixel apart). */
function uneven(rows: { name: string; top: number }[][]) {
  return rows.filter((row) => Math.max(...row.map((b) => b.top)) - Math.min(...row.map((b) => b.top)) > 0.5);
}

function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}[${el.getAttribute('data-testid') ?? ''}]` : '';
  });
}

describe('boxes stand level in a row, hints under them', () => {
  it('the ratification form: the deciding body and the date (with hints) stand level with the party, the section with the outcome', async () => {
    const page = await suite.signedIn('admin@demo.local', {
      viewport: LAPTOP,
      landing: `/agreements/${await strategicAgreement()}`,
    });
    const form = page.getByTestId('record-form-fields');
    await form.locator('input[name=decidingBody]').waitFor();
    const rows = rowsOf(await boxTops(form));
    await screenshotTo(SHOTS, page.getByTestId('record-form'), 'record-form-1366.png');
    // Before: the party's dropdown at 343 px, the deciding body and the date 34 px lower (their hints above the box).
    expect(rows.length).toBe(2);
    expect(rows.map((r) => r.length)).toEqual([3, 3]);
    expect(uneven(rows)).toEqual([]);
    // The hint is under its box, and still describes it.
    const input = form.locator('input[name=decidingBody]');
    const hint = page.getByText('Esimerkiksi Kunnanvaltuusto');
    const [inputBox, hintBox] = [await input.boundingBox(), await hint.boundingBox()];
    expect(hintBox!.y).toBeGreaterThanOrEqual(inputBox!.y + inputBox!.height);
    const described = (await input.getAttribute('aria-describedby')) ?? '';
    expect(described.split(' ')).toContain(await hint.getAttribute('id'));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the new-negotiation form: the held-on date (with its hint) stands level with the year beside it', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/agreements' });
    await page.getByRole('button', { name: 'Uusi neuvottelu' }).click();
    const form = page.getByTestId('negotiation-new');
    await form.locator('input[name=heldOn]').waitFor();
    const rows = rowsOf(await boxTops(form));
    await screenshotTo(SHOTS, form, 'negotiation-new-1366.png');
    const withDate = rows.find((row) => row.some((b) => b.name === 'heldOn'))!;
    // Before: year, group and legal basis at 395 px, the date at 429 (its hint above it).
    expect(withDate.map((b) => b.name)).toEqual(expect.arrayContaining(['year', 'heldOn']));
    expect(uneven(rows)).toEqual([]);
  });

  it("the need page's add-action row: the title, the owner and the due date stand level, the button with them", async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const id = await makeNeed(api, 'E2E rivin tasaus');
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: `/needs/${id}` });
    const form = page.locator('form:has(#action-title)');
    await form.locator('#action-due').waitFor();
    const rows = rowsOf(await boxTops(form));
    // The fields' labels: a native label (around its box) and the design system's label blocks.
    const labelTops = await form.locator(':scope > label, .fi-label').evaluateAll((els) =>
      els.map((el) => ({
        name: (el.textContent ?? '').trim().slice(0, 12),
        top: Math.round(el.getBoundingClientRect().top * 10) / 10,
      })),
    );
    const button = await form.getByRole('button', { name: 'Lisää toimenpide' }).boundingBox();
    const due = await form.locator('#action-due').boundingBox();
    await screenshotTo(SHOTS, form, 'add-action-1366.png');
    // Before: the title's label 6 px below the owner's (4 px from its box, the design system's 10 px); the date's hint above its box.
    expect(rows.flat().map((b) => b.name)).toEqual(expect.arrayContaining(['title', 'action-owner_button', 'action-due']));
    expect(uneven(rows)).toEqual([]);
    expect(Math.abs(button!.y - due!.y)).toBeLessThanOrEqual(0.5);
    // The labels of the first row stand level too (before: 'Toimenpide' at 364 px, 'Vastuutaho' at 358).
    const firstRow = labelTops.filter((l) => Math.abs(l.top - labelTops[0]!.top) < 20);
    expect(firstRow.map((l) => l.name)).toEqual(expect.arrayContaining(['Toimenpide', 'Vastuutaho']));
    expect(Math.max(...firstRow.map((l) => l.top)) - Math.min(...firstRow.map((l) => l.top))).toBeLessThanOrEqual(0.5);
  });
});

describe('a read-only minutes editor says why, and shows no save status', () => {
  const cases = [
    { who: 'laukaa@demo.local', status: 'AGENDA_PUBLISHED', reason: 'Vain luku: olet toimielimessä tarkkailija' },
    { who: 'analyst@demo.local', status: 'AGENDA_PUBLISHED', reason: 'Vain luku: et ole toimielimen jäsen' },
    { who: 'admin@demo.local', status: 'PUBLISHED', reason: 'Vain luku: pöytäkirja on julkaistu' },
  ];
  for (const { who, status, reason } of cases) {
    it(`${who} in a ${status} meeting: "${reason}…"`, async () => {
      const api = await apiAs(suite.server.url, 'admin@demo.local');
      const { meetings } = await api<{ meetings: { id: string; status: string }[] }>('{ meetings { id status } }');
      const meeting = meetings.find((m) => m.status === status)!;
      const page = await suite.signedIn(who, { landing: `/meetings/${meeting.id}/room` });
      const editor = page.locator('.yp-room__minutes .yp-editor');
      const content = editor.locator('.yp-editor__content');
      await content.waitFor();
      await page.waitForLoadState('networkidle');
      await screenshotTo(SHOTS, editor, `minutes-readonly-${who.split('@')[0]}.png`);
      // Before: "Vain luku" alone, and "Kaikki muutokset tallennettu" beside it.
      const bar = await editor.locator('.yp-editor__bar').innerText();
      expect(bar).toMatch(new RegExp(`^${reason}`));
      expect(bar).not.toContain('tallennettu');
      expect(await editor.locator('[data-sync]').count()).toBe(0);
      // The editable area says it is read-only and why.
      expect(await content.getAttribute('contenteditable')).toBe('false');
      expect(await content.getAttribute('aria-readonly')).toBe('true');
      const describedBy = await content.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).innerText()).toMatch(new RegExp(`^${reason}`));
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  it('a member who may write sees the save status and no read-only words', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { meetings } = await api<{ meetings: { id: string; status: string }[] }>('{ meetings { id status } }');
    const meeting = meetings.find((m) => m.status === 'AGENDA_PUBLISHED')!;
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${meeting.id}/room` });
    const editor = page.locator('.yp-room__minutes .yp-editor');
    await editor.locator('[data-sync]').waitFor();
    expect(await editor.getByTestId('editor-read-only').count()).toBe(0);
    expect(await editor.locator('.yp-editor__content').getAttribute('aria-readonly')).toBeNull();
  });
});

describe('at 390 px', () => {
  it("the dashboard's ratification chart writes every agreement's name whole, inside the chart", async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { ratificationStatistics } = await api<{ ratificationStatistics: { agreement: { titles: { fi: string } } }[] }>(
      '{ ratificationStatistics { agreement { titles { fi } } } }',
    );
    const page = await suite.signedIn('admin@demo.local', { viewport: PHONE, landing: '/dashboard' });
    const svg = page.getByTestId('ratifications-svg');
    await svg.locator('.yp-svg__label').first().waitFor();
    const drawn = await svg.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      const labels = [...el.querySelectorAll('.yp-svg__label')].map((label) => ({
        text: [...label.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') || (label.textContent ?? ''),
        past: label.getBoundingClientRect().right > right + 0.5,
      }));
      return labels;
    });
    await screenshotTo(SHOTS, page.getByTestId('chart-ratifications'), 'ratifications-390.png');
    // Before: "Puitesopimus y…", "Strateginen yh…", "Keski-Suomen y…".
    expect(drawn.map((l) => l.text)).toEqual(ratificationStatistics.map((r) => r.agreement.titles.fi));
    expect(drawn.filter((l) => l.past)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("the meeting room's item keeps everything inside its box (a long diary number breaks after its slashes)", async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { meetings } = await api<{ meetings: { id: string; status: string; agenda: { caseNumber: string | null }[] }[] }>(
      '{ meetings { id status agenda { caseNumber } } }',
    );
    const meeting = meetings.find((m) => m.agenda.some((i) => (i.caseNumber ?? '').length > 20))!;
    const page = await suite.signedIn('admin@demo.local', { viewport: PHONE, landing: `/meetings/${meeting.id}/room` });
    await page.locator('.yp-room__grid').waitFor();
    const entries = page.locator('.yp-room-agenda__open');
    const count = await entries.count();
    const past: string[] = [];
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) {
      await entries.nth(i).click();
      const item = page.locator('.yp-room__main .yp-item');
      await item.locator('.yp-item__title').waitFor();
      const seen = await item.evaluate((article) => {
        const style = getComputedStyle(article);
        const box = article.getBoundingClientRect();
        const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
        return {
          past: [...article.querySelectorAll('h2, dt, dd, p')]
            .filter((el) => el.getBoundingClientRect().right > right + 0.5)
            .map((el) => `${el.tagName} ${(el.textContent ?? '').slice(0, 40)}: ${el.getBoundingClientRect().right} > ${right}`),
          numbers: [...article.querySelectorAll('.yp-item__facts dd')].map((dd) => (dd as HTMLElement).innerText),
        };
      });
      past.push(...seen.past);
      numbers.push(...seen.numbers.filter((text) => text.includes('/')));
      if (i === 0) await screenshotTo(SHOTS, item, 'room-item-390.png');
    }
    // Before: the diary number KSLIITTO/412/00.01.01/2026 ran past the item's content edge.
    expect(past).toEqual([]);
    // It breaks after a slash, never inside a part: its text is still the number, whole.
    expect(numbers.length).toBeGreaterThan(0);
    for (const text of numbers) expect(text).toMatch(/^[A-ZÅÄÖ]+\/[\d./]+$/);
  });
});

/** The dashboard's bar charts (card ids): the needs by theme, the time to resolve, the actions by party, the ratification. */
const BAR_CHARTS = ['themes', 'resolution', 'actions', 'ratifications'];

describe("the dashboard's bar charts write every category's name whole", () => {
  for (const viewport of [PHONE, { width: 1280, height: 800 }])
    it(`at ${viewport.width} px: each bar's name is a full name from the chart's table, inside the chart`, async () => {
      const page = await suite.signedIn('admin@demo.local', { viewport, landing: '/dashboard' });
      const seen: Record<string, { bars: number; names: string[]; labels: string[]; outside: string[] }> = {};
      for (const id of BAR_CHARTS) {
        const svg = page.getByTestId(`${id}-svg`);
        await svg.locator('.yp-svg__label').first().waitFor();
        seen[id] = await svg.evaluate((el, tableId) => {
          const box = el.getBoundingClientRect();
          const labels = [...el.querySelectorAll('.yp-svg__label')];
          return {
            bars: el.querySelectorAll('g[data-row]').length,
            // The full names: the table's row heads that link to their category (not the totals or "others").
            names: [...document.querySelectorAll(`[data-testid="${tableId}"] tbody th a`)].map((a) => a.textContent ?? ''),
            labels: labels.map((label) =>
              label.querySelector('tspan')
                ? [...label.querySelectorAll('tspan')].map((t) => t.textContent).join(' ')
                : (label.textContent ?? ''),
            ),
            outside: labels
              .filter((label) => {
                const r = label.getBoundingClientRect();
                return r.left < box.left - 0.5 || r.right > box.right + 0.5;
              })
              .map((label) => label.textContent ?? ''),
          };
        }, `${id}-table`);
      }
      await screenshotTo(SHOTS, page.locator('main'), `dashboard-bars-${viewport.width}.png`);
      for (const id of BAR_CHARTS) {
        const { bars, names, labels, outside } = seen[id]!;
        // Before: "Varhaiskasvatus, perheet ja…" beside the time to resolve's bar, "Puitesopimus y…" at 390 px.
        expect({ id, count: labels.length }).toEqual({ id, count: bars });
        expect(bars).toBeGreaterThan(0);
        expect({ id, labels }).toEqual({ id, labels: names });
        expect({ id, outside }).toEqual({ id, outside: [] });
      }
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
});

describe('the keyboard follows a form that a button opens (WCAG 2.4.3)', () => {
  it("'Uusi neuvottelu' takes it into the form's first field; closing and saving give it back to the button", async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/agreements' });
    const open = page.getByRole('button', { name: 'Uusi neuvottelu' });
    await open.click();
    // Before: the focus stayed on the button; the form's first field is the kind's dropdown.
    await expect.poll(() => focused(page)).toBe('button#negotiation-new-kind_button[]');
    await page.getByRole('button', { name: 'Sulje lomake' }).click();
    await page.getByTestId('negotiation-new').waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    await open.click();
    const form = page.getByTestId('negotiation-new');
    await form.locator('input[name=title]').fill('E2E-fokusneuvottelu');
    await form.getByRole('button', { name: 'Lisää neuvottelu' }).click();
    await page.getByTestId('negotiation-added').filter({ hasText: 'Neuvottelu lisätty: E2E-fokusneuvottelu.' }).waitFor();
    // Before: the form stayed open; closed by its save, the focus fell to the page's start.
    await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByTestId('negotiations-table').getByRole('rowheader', { name: 'E2E-fokusneuvottelu' }).waitFor();
  });

  it("'Lisää mittari' takes it into the measure form's first field; cancelling and saving give it back to the button", async () => {
    const page = await suite.signedIn('admin@demo.local', {
      viewport: LAPTOP,
      landing: `/agreements/${await strategicAgreement()}`,
    });
    const card = page.getByTestId('goal').first();
    const add = card.getByTestId('measure-add');
    await add.click();
    const form = card.getByTestId('measure-new');
    await form.waitFor();
    // Before: the focus stayed on the button below the goal, the form opened under it.
    await expect.poll(() => focused(page)).toMatch(/^button#measure-new-.*-indicatorId_button\[measure-indicator\]$/);
    await form.getByRole('button', { name: 'Peruuta' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);

    await add.click();
    await choose(page, form.getByTestId('measure-indicator'), { label: /Kuolleisuus/ });
    await choose(page, form.getByTestId('measure-party'), { label: 'Keski-Suomen hyvinvointialue' });
    await form.locator('input[name="baselineYear"]').fill('2021');
    await form.locator('input[name="targetYear"]').fill('2027');
    await form.locator('input[name="targetValue"]').fill('1100,0');
    await form.getByRole('button', { name: 'Lisää mittari' }).click();
    await form.waitFor({ state: 'detached' });
    // The card says what happened (the form that said it is gone), and the keyboard is back on the button.
    await card.getByText(MEASURE_ADDED).waitFor();
    await expect.poll(() => add.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("'Muokkaa mittaria' takes it into that measure's form (also in place of another open form); cancelling and saving give it back to the row's button", async () => {
    const page = await suite.signedIn('admin@demo.local', {
      viewport: LAPTOP,
      landing: `/agreements/${await strategicAgreement()}`,
    });
    const card = page.getByTestId('goal').first();
    const edit = card
      .getByTestId('measure-table')
      .getByRole('button', { name: /^Muokkaa mittaria: / })
      .first();
    await edit.click();
    const form = card.getByTestId('measure-edit');
    await form.waitFor();
    // Before: the focus stayed on the row's button, the form opened under the table.
    await expect.poll(() => focused(page)).toMatch(/^button#measure-edit-.*-indicatorId_button\[measure-indicator\]$/);
    // Before: the edit form had no cancel; it closes, and the keyboard is back on the row's button.
    await form.getByRole('button', { name: 'Peruuta' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await edit.evaluate((el) => el === document.activeElement)).toBe(true);

    // Open in place of the new measure's form, it takes the keyboard as well.
    await card.getByTestId('measure-add').click();
    await expect.poll(() => focused(page)).toMatch(/^button#measure-new-.*-indicatorId_button\[measure-indicator\]$/);
    await edit.click();
    await form.waitFor();
    await expect.poll(() => focused(page)).toMatch(/^button#measure-edit-.*-indicatorId_button\[measure-indicator\]$/);

    // Before: a save left the form open, the focus on its save button.
    await form.getByRole('button', { name: 'Tallenna mittari' }).click();
    await form.waitFor({ state: 'detached' });
    await card.getByText(/^Mittari tallennettu \(versio \d+\)\.$/).waitFor();
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("'Muokkaa tavoitetta' and 'Lisää tavoite' take it into the goal's title; cancelling and saving give it back to the button", async () => {
    const page = await suite.signedIn('admin@demo.local', {
      viewport: LAPTOP,
      landing: `/agreements/${await strategicAgreement()}`,
    });
    const inTitle = (testId: string) =>
      page.evaluate((id) => {
        const el = document.activeElement;
        return Boolean(el?.closest(`[data-testid="${id}"]`)) && el?.getAttribute('name') === 'title';
      }, testId);
    const card = page.getByTestId('goal').first();
    const edit = card.getByTestId('goal-edit-toggle');
    await edit.click();
    const form = card.getByTestId('goal-edit');
    await form.waitFor();
    await expect.poll(() => inTitle('goal-edit')).toBe(true);
    // Before: the goal's form had no cancel, and a save left it open.
    await form.getByRole('button', { name: 'Peruuta' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await edit.evaluate((el) => el === document.activeElement)).toBe(true);

    await edit.click();
    await expect.poll(() => inTitle('goal-edit')).toBe(true);
    await form.getByRole('button', { name: 'Tallenna tavoite' }).click();
    await form.waitFor({ state: 'detached' });
    await card.getByText(/^Tavoite tallennettu \(versio \d+\)\.$/).waitFor();
    await expect.poll(() => edit.evaluate((el) => el === document.activeElement)).toBe(true);

    const add = page.getByTestId('goal-add');
    await add.click();
    const newForm = page.getByTestId('goal-new');
    await newForm.waitFor();
    await expect.poll(() => inTitle('goal-new')).toBe(true);
    await newForm.getByRole('button', { name: 'Peruuta' }).click();
    await newForm.waitFor({ state: 'detached' });
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe("the need edit form's owner body", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    it(`shows a long body name whole, with no sideways scroll (${viewport.width} px)`, async () => {
      const api = await apiAs(suite.server.url, 'admin@demo.local');
      const needId = await makeNeed(api, `Elimen nimi näkyy ${viewport.width}`);
      const page = await suite.signedIn('admin@demo.local', { viewport, landing: `/needs/${needId}` });
      await page.getByRole('button', { name: 'Muokkaa tietoja' }).click();
      const field = page.getByTestId('field-ownerBody');
      await choose(page, field, { label: 'Valtuustokauden strateginen foorumi' });
      await field.getByText('Valtuustokauden strateginen foorumi').waitFor();
      // Before the fix the Dropdown's own width cut the name with no ellipsis (its second line hidden, 1280 px).
      const cut = await field.evaluate((button) =>
        [button, ...button.querySelectorAll<HTMLElement>('*')].some(
          (el) =>
            getComputedStyle(el).overflow !== 'visible' &&
            (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1),
        ),
      );
      expect(cut).toBe(false);
      const [buttonRight, textRight] = await field.evaluate((button) => {
        const range = document.createRange();
        range.selectNodeContents(button);
        return [button.getBoundingClientRect().right, range.getBoundingClientRect().right];
      });
      expect(textRight).toBeLessThanOrEqual(buttonRight);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
});
