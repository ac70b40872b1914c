import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, screenshotTo, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const LAPTOP = { width: 1366, height: 768 };
const SHOTS = process.env.POLISH_SHOTS;

/** The field labels of the forms in main (not a checkbox's or radio's own label): the text's computed font size and weight. */
function labelFonts(page: Page): Promise<{ text: string; font: string }[]> {
  return page.locator('main form label, main .yp-need-form label').evaluateAll((els) =>
    els
      .filter((el) => !el.querySelector('input[type=checkbox], input[type=radio]') && el.getClientRects().length > 0)
      .map((el) => {
        const text = el.querySelector('.fi-label_label-span') ?? el;
        const style = getComputedStyle(text);
        return { text: (text.textContent ?? '').trim().slice(0, 30), font: `${style.fontSize} ${style.fontWeight}` };
      }),
  );
}

/** Single-line inputs, the design system's dropdown buttons and date inputs that are visible in main, with their heights. */
function fieldHeights(page: Page): Promise<{ field: string; height: number }[]> {
  return page
    .locator('main input[type=text], main input[type=search], main input:not([type]), main .fi-dropdown_button')
    .evaluateAll((els) =>
      els
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({
          field: el.getAttribute('data-testid') || el.id || el.className,
          height: Math.round(el.getBoundingClientRect().height * 10) / 10,
        })),
    );
}

async function buttonHeight(page: Page): Promise<number> {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--yp-button-height')));
}

async function open(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${suite.server.url}${path}`);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('form polish', () => {
  it('gives every field label one font, and single-line fields the height of a button, on /needs/new, /needs and a need', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { parties } = await api<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    // A need of its own, still open (its action and responsibility forms shown) whatever other files do to the demo needs.
    const { createServiceNeed: need } = await api<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      {
        input: {
          title: 'E2E lomakkeiden tasaus',
          targetGroups: ['YOUTH'],
          themeCodes: ['YOUTH'],
          municipalityIds: [parties.find((p) => p.code === '179')!.id],
        },
      },
    );
    const page = await suite.signedIn('admin@demo.local', { viewport: LAPTOP, landing: '/needs' });
    const button = await buttonHeight(page);
    expect(button).toBe(44);

    await open(page, '/needs/new', '[data-testid=field-title]');
    const formLabels = await labelFonts(page);
    const formFields = await fieldHeights(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'needs-new-1366.png', { fullPage: true });

    await open(page, '/needs', '[data-testid=filter-text]');
    const filterLabels = await labelFonts(page);
    const filterFields = await fieldHeights(page);

    await open(page, `/needs/${need.id}`, '.yp-inline-form');
    const needFields = await fieldHeights(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'need-1366.png', { fullPage: true });

    const labels = [...formLabels, ...filterLabels];
    expect(formLabels.map((l) => l.text)).toEqual(expect.arrayContaining(['Otsikko', 'Kiireellisyys', 'Omistava elin']));
    expect(filterLabels.length).toBeGreaterThan(3);
    const fonts = [...new Set(labels.map((l) => l.font))];

    const fields = [...formFields, ...filterFields, ...needFields];
    expect(needFields.length).toBeGreaterThan(0);
    const odd = fields.filter((f) => Math.abs(f.height - button) > 1);
    // Before: labels 18px 600 (the need form's own), 16px 600 (the design system's) and 14.4px 600 (the text filter); the
    // native text inputs 41.8 px, the text filter 34.8, the dropdowns and date inputs 40, the need page's inline inputs 36.4.
    expect({ fonts, odd, labels, fields }).toEqual({ fonts: [labels[0]!.font], odd: [], labels, fields });
  });

  it("lines up the owner body's dropdown with the priority dropdown when the owner body has a hint", async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local', { viewport: LAPTOP, landing: '/needs' });
    await open(page, '/needs/new', '[data-testid=field-ownerBody]');
    await page.locator('#need-ownerBody-hintText').first().waitFor();
    const top = (id: string) => page.locator(`[data-testid=${id}]`).evaluate((el) => el.getBoundingClientRect().top);
    const [priority, owner, residents] = [
      await top('field-priority'),
      await top('field-ownerBody'),
      await top('field-estimatedResidents'),
    ];
    await screenshotTo(SHOTS, page, 'needs-new-rep-1366.png', { fullPage: true });
    // Before: priority 684.5, owner body 766.5 (the hint above the control pushed it 82 px down), the residents' input 6 px higher.
    expect(Math.abs(owner - priority), `priority ${priority}, owner body ${owner}`).toBeLessThanOrEqual(1);
    expect(Math.abs(residents - priority), `priority ${priority}, residents ${residents}`).toBeLessThanOrEqual(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'needs-new-rep-390.png', { fullPage: true, viewport: { width: 390, height: 844 } });
  });

  it("keeps the meeting room's columns and their panels inside main's content box at 1366 and 390 px", async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { meetings } = await api<{ meetings: { id: string; status: string }[] }>('{ meetings { id status } }');
    const meeting = meetings.find((m) => m.status === 'IN_PROGRESS') ?? meetings[0]!;
    for (const viewport of [LAPTOP, { width: 390, height: 844 }]) {
      const page = await suite.signedIn('admin@demo.local', { viewport, landing: '/needs' });
      await open(page, `/meetings/${meeting.id}/room`, '.yp-room__grid');
      const box = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        const container = main.querySelector('.yp-room')!.parentElement!;
        const style = getComputedStyle(container);
        const rect = container.getBoundingClientRect();
        const contentRight = rect.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
        const columns = [...document.querySelectorAll('.yp-room__grid > *, .yp-room__grid > * > *')].map(
          (c) => Math.round(c.getBoundingClientRect().right * 10) / 10,
        );
        return { contentRight: Math.round(contentRight * 10) / 10, columns };
      });
      await screenshotTo(SHOTS, page, `room-${viewport.width}.png`, { fullPage: true });
      // Before: the right column's panels ended at 1306 px, main's content at 1279 (at 390 px: 403 and 366): the attendance table widened them.
      expect(box.columns.length).toBeGreaterThan(3);
      const past = box.columns.filter((right) => right > box.contentRight + 0.5);
      expect({ width: viewport.width, past, ...box }).toEqual({ width: viewport.width, past: [], ...box });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });
});
