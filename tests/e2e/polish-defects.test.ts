import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, choose, e2eSuite, makeNeed, screenshotTo } from './helpers.js';

/** Defects found in a browser walk-through: the room's agenda box, the agenda item's edit form, the add-action form, headings. */
const suite = e2eSuite();
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.UI_SHOTS;

function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id}[${el.getAttribute('data-testid') ?? ''}]` : '';
  });
}

describe("the meeting room's agenda entries stay inside their list", () => {
  const cases = [
    { who: 'admin@demo.local', viewport: { width: 1280, height: 800 } },
    { who: 'laukaa@demo.local', viewport: { width: 1280, height: 800 } },
    { who: 'admin@demo.local', viewport: PHONE },
  ];
  for (const { who, viewport } of cases)
    it(`${who} at ${viewport.width} px: every entry (the selected one's border too) ends at the list's edge, inside the panel`, async () => {
      const api = await apiAs(suite.server.url, 'admin@demo.local');
      const { meetings } = await api<{ meetings: { id: string; status: string }[] }>('{ meetings { id status } }');
      const meeting = meetings.find((m) => m.status === 'AGENDA_PUBLISHED')!;
      const page = await suite.signedIn(who, { viewport, landing: `/meetings/${meeting.id}/room` });
      await page.locator('.yp-room-agenda__item.is-selected').waitFor();
      const seen = await page.locator('.yp-room__agenda').evaluate((panel) => {
        const style = getComputedStyle(panel);
        const box = panel.getBoundingClientRect();
        const inner = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
        const list = panel.querySelector('.yp-room-agenda')!.getBoundingClientRect();
        return {
          listPast: list.right - inner,
          past: [...panel.querySelectorAll('.yp-room-agenda__item, .yp-room-agenda__item *')]
            .filter((el) => el.getBoundingClientRect().right > list.right + 0.5)
            .map((el) => `${el.className}: ${el.getBoundingClientRect().right} > ${list.right}`),
        };
      });
      await screenshotTo(SHOTS, page.locator('.yp-room__agenda'), `room-agenda-${viewport.width}-${who.split('@')[0]}.png`);
      // Before: at 1280 px the list 61–299, its entries 61–316 (on the panel's border).
      expect(seen.listPast).toBeLessThanOrEqual(0.5);
      expect(seen.past).toEqual([]);
    });
});

describe("'Muokkaa' on an agenda item (WCAG 2.4.3)", () => {
  it("takes the keyboard into the item's form, says it is open and what it opens; cancelling gives it back to the button", async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const created = await assemblyMeeting(admin, 'E2E muokkauksen kohdistus', '2026-12-15T08:00:00Z');
    for (const title of ['Ensimmäinen asia', 'Toinen asia'])
      await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
        i: { meetingId: created.id, title },
      });
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${created.id}` });
    const opener = page.getByRole('button', { name: /Toinen asia/ }).and(page.getByTestId('edit-item-open'));
    await opener.waitFor();
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    await opener.click();
    const form = page.getByTestId('edit-item-form');
    await form.waitFor();
    // Before: the focus stayed on the button.
    await expect.poll(() => focused(page)).toMatch(/^input#edit-item-[^[]+-title\[/);
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    const controls = await opener.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    expect(await page.locator(`[id="${controls}"]`).getByTestId('edit-item-form').count()).toBe(1);
    await form.getByRole('button', { name: 'Sulje', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/Toinen asia/);
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    expect(await opener.getAttribute('aria-controls')).toBeNull();
  });
});

describe("the need page's add-action form after an add", () => {
  it('clears the date picker (its calendar button names no day) and says the action was added', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const id = await makeNeed(api, 'E2E toimenpiteen vahvistus');
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${id}` });
    const form = page.locator('form:has(#action-title)');
    await form.locator('#action-due').waitFor();
    const calendar = form.locator('button.fi-date-input_picker-button');
    const before = await calendar.textContent();
    await form.locator('#action-title').fill('E2E uusi toimenpide');
    await choose(page, page.locator('#action-owner_button'), { label: 'Jyväskylä' });
    await form.locator('#action-due').fill('31.12.2026');
    await form.locator('#action-due').blur();
    await expect.poll(() => calendar.textContent()).toContain('Valittu päivä 31');
    await form.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await page.locator('[data-testid=actions] tr', { hasText: 'E2E uusi toimenpide' }).waitFor();
    // Before: no word of it, and the calendar's button still said "Valittu päivä 31 torstai joulukuu 2026".
    const status = page.getByRole('status').filter({ hasText: 'Toimenpide lisätty' });
    expect(await status.innerText()).toBe('Toimenpide lisätty: E2E uusi toimenpide (vastuutaho Jyväskylä)');
    expect(await form.locator('#action-due').inputValue()).toBe('');
    expect(await form.locator('#action-title').inputValue()).toBe('');
    expect(await calendar.textContent()).toBe(before);
  });
});

describe("the add-action form's owner party after an add (WCAG 3.3.2, 4.1.3)", () => {
  it('starts over with no owner for the secretariat, so the next action needs one chosen; the keyboard goes to the title', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const id = await makeNeed(api, 'E2E toimenpiteen vastuutaho');
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${id}` });
    const form = page.locator('form:has(#action-title)');
    const owner = page.locator('#action-owner_button');
    await owner.waitFor();
    const empty = await owner.innerText();
    await form.locator('#action-title').fill('E2E ensimmäinen toimenpide');
    await choose(page, owner, { label: 'Laukaa' });
    await form.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await page.locator('[data-testid=actions] tr', { hasText: 'E2E ensimmäinen toimenpide' }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'Toimenpide lisätty' });
    expect(await status.innerText()).toBe('Toimenpide lisätty: E2E ensimmäinen toimenpide (vastuutaho Laukaa)');
    // Before: the owner stayed Laukaa, and the keyboard on the button.
    expect(await owner.innerText()).toBe(empty);
    expect(empty).not.toContain('Laukaa');
    await expect.poll(() => focused(page)).toMatch(/^input#action-title\[/);
    await page.keyboard.type('E2E toinen toimenpide');
    await form.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await page.locator('#action-owner-statusText', { hasText: 'Valitse vastuutaho.' }).waitFor();
    expect(await page.locator('[data-testid=actions] tr', { hasText: 'E2E toinen toimenpide' }).count()).toBe(0);
  });

  it("keeps a representative's own party, the only owner they may choose", async () => {
    const api = await apiAs(suite.server.url, 'jyvaskyla@demo.local');
    const id = await makeNeed(api, 'E2E edustajan toimenpiteet');
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/needs/${id}` });
    const form = page.locator('form:has(#action-title)');
    const owner = page.locator('#action-owner_button');
    // The party is chosen once the form knows the signed-in person's party: wait for it, not only for the button.
    await expect.poll(() => owner.innerText()).toContain('Jyväskylä');
    await form.locator('#action-title').fill('E2E edustajan toimenpide');
    await form.getByRole('button', { name: 'Lisää toimenpide' }).click();
    await page.getByRole('status').filter({ hasText: 'Toimenpide lisätty: E2E edustajan toimenpide' }).waitFor();
    await expect.poll(() => owner.innerText()).toContain('Jyväskylä');
    await expect.poll(() => focused(page)).toMatch(/^input#action-title\[/);
  });
});

describe('headings at 390 px', () => {
  it("the agreements' page headings keep each word of their title on one line", async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { agreements } = await api<{ agreements: { id: string; titles: { fi: string } }[] }>(
      '{ agreements { id titles { fi } } }',
    );
    const page = await suite.signedIn('admin@demo.local', { viewport: PHONE, landing: '/agreements' });
    const broken: string[] = [];
    const hyphens: string[] = [];
    // An empty list would let both checks below pass without opening a page.
    expect(agreements.length).toBeGreaterThan(0);
    for (const a of agreements) {
      await page.goto(`${suite.server.url}/agreements/${a.id}`);
      const h1 = page.locator('h1', { hasText: a.titles.fi });
      await h1.waitFor();
      broken.push(
        ...(await h1.evaluate((el) => {
          // Each word's characters on one line: a word that breaks inside has rects on two lines.
          const text = el.firstChild as Text;
          const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
          return words
            .filter((w) => {
              const range = document.createRange();
              range.setStart(text, w.index!);
              range.setEnd(text, w.index! + w[0].length);
              return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
            })
            .map((w) => w[0]);
        })),
      );
      hyphens.push(await h1.evaluate((el) => getComputedStyle(el).hyphens));
    }
    // Before: "yhdyspintasuunnitel|ma" (40 px, broken without a hyphen).
    expect(broken).toEqual([]);
    // Where the browser knows Finnish hyphenation, a longer word still breaks with a hyphen.
    expect(hyphens).toEqual(agreements.map(() => 'auto'));
  });
});
