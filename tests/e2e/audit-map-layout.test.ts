import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, screenshotTo } from './helpers.js';

/** The audit trail's before/after table and the dashboard's tile map on a phone (390 px) and a desktop (1280 px). */
const suite = e2eSuite();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const SHOTS = process.env.UI_SHOTS;

/** How far the page is wider than the window (0: no sideways scrolling). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("the audit trail's before/after table", () => {
  /** The first diff of several fields (the demo's history has many) as the secretariat sees it, measured. */
  async function diffAt(viewport: { width: number; height: number }) {
    const page = await suite.signedIn('admin@demo.local', { viewport, landing: '/audit' });
    const diff = page
      .getByTestId('change-diff')
      .filter({ has: page.locator('tbody tr:nth-child(3)') })
      .first();
    await diff.waitFor();
    await screenshotTo(SHOTS, diff, `audit-diff-${viewport.width}.png`);
    const seen = await diff.evaluate((table) => {
      const width = table.getBoundingClientRect().width;
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => {
        const [before, after] = [...tr.children].slice(1).map((c) => c.getBoundingClientRect());
        return { before: before!, after: after! };
      });
      return {
        // The narrowest box a value gets, as a share of the table's width.
        narrowest: Math.min(...rows.flatMap((r) => [r.before.width, r.after.width])) / width,
        // True where "after" stands beside "before" (columns), false where it is under it (stacked).
        sideBySide: rows.every((r) => r.after.left >= r.before.right - 0.5 && Math.abs(r.after.top - r.before.top) < 1),
      };
    });
    // Each value is still a cell under its column's header (the table's semantics, also when stacked).
    expect(await diff.getByRole('columnheader').allTextContents()).toEqual(['Tieto', 'Ennen', 'Jälkeen']);
    expect(await diff.getByRole('row').count()).toBeGreaterThan(3);
    expect(await diff.getByRole('cell').count()).toBeGreaterThan(5);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    return { page, diff, seen };
  }

  it('at 390 px: stacks each field, its name first, then before and after at the full width with their names', async () => {
    const { diff, seen } = await diffAt(PHONE);
    // Before: three columns of 105, 69 and 111 px in a 285 px table (a value in a quarter of the width).
    expect(seen.sideBySide).toBe(false);
    expect(seen.narrowest).toBeGreaterThan(0.9);
    const label = await diff
      .locator('td[data-label]')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toMatch(/Ennen/);
  });

  it('at 1280 px: stays a table of three columns under visible headers', async () => {
    const { diff, seen } = await diffAt(DESKTOP);
    expect(seen.sideBySide).toBe(true);
    expect(await diff.locator('thead').isVisible()).toBe(true);
  });
});

describe("the dashboard's tile map", () => {
  // A long name takes two lines on a phone (divided at a syllable), one on a desktop.
  for (const [viewport, maxLines] of [
    [PHONE, 2],
    [DESKTOP, 1],
  ] as const)
    it(`at ${viewport.width} px: every municipality's name shows whole inside its tile, on ${maxLines} line(s) at most`, async () => {
      const page = await suite.signedIn('admin@demo.local', { viewport, landing: '/dashboard' });
      const map = page.getByTestId('tile-map');
      await map.waitFor();
      await screenshotTo(SHOTS, map, `tile-map-${viewport.width}.png`);
      const tiles = await map.locator('.yp-tile').evaluateAll((links) =>
        links.map((a) => {
          const name = a.querySelector('.yp-tile__name') as HTMLElement;
          const box = a.getBoundingClientRect();
          const text = name.getBoundingClientRect();
          return {
            label: a.getAttribute('aria-label') ?? '',
            shown: (name.textContent ?? '').replaceAll('\u00AD', ''),
            cut: name.scrollWidth > name.clientWidth + 0.5,
            outside: text.right > box.right + 0.5 || text.bottom > box.bottom + 0.5 || text.left < box.left - 0.5,
            lines: Math.round(text.height / parseFloat(getComputedStyle(name).lineHeight)),
          };
        }),
      );
      expect(tiles).toHaveLength(22);
      for (const tile of tiles) {
        // The whole name, as the link's accessible name says it ("Pihtipudas: 1 tarve").
        expect(tile.label.startsWith(`${tile.shown}:`), `${tile.label} / ${tile.shown}`).toBe(true);
        // Before: at 390 px "Pihtip…", "Kanno…", "Saarij…" and six more cut with an ellipsis.
        expect(tile.cut, tile.shown).toBe(false);
        expect(tile.outside, tile.shown).toBe(false);
        expect(tile.lines, tile.shown).toBeLessThanOrEqual(maxLines);
      }
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    });
});
