import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

/** Everything that looks like a button in the page's main part: the design system's, the toggle and the link-styled ones. */
const BUTTONS = 'main .fi-button, main [role=button], main .yp-segmented button, main .yp-export__link, main .yp-button-link';

interface Measured {
  text: string;
  /** The height less the extra lines of a label that wraps (a long label on a phone): what one line makes. */
  height: number;
  lines: number;
  fontSize: string;
}

/** The visible buttons outside tables, with their height and font size. */
function measureButtons(page: Page): Promise<Measured[]> {
  return page.locator(BUTTONS).evaluateAll((els) =>
    els
      .filter((el) => !el.closest('table') && el.getClientRects().length > 0 && el.getBoundingClientRect().width > 0)
      .map((el) => {
        const style = getComputedStyle(el);
        const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
        const content = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        const lines = Math.max(1, Math.round(content / lineHeight));
        return {
          text: (el.textContent ?? '').trim().slice(0, 40),
          height: Math.round((el.getBoundingClientRect().height - (lines - 1) * lineHeight) * 10) / 10,
          lines,
          fontSize: style.fontSize,
        };
      }),
  );
}

async function pages(): Promise<string[]> {
  const api = await apiAs(suite.server.url, 'admin@demo.local');
  const data = await api<{ serviceNeeds: { edges: { node: { id: string } }[] }; meetings: { id: string; status: string }[] }>(
    '{ serviceNeeds(first: 1) { edges { node { id } } } meetings { id status } }',
  );
  return [
    '/needs',
    '/needs?view=board',
    `/needs/${data.serviceNeeds.edges[0]!.node.id}`,
    '/meetings',
    `/meetings/${(data.meetings.find((m) => m.status === 'PLANNED') ?? data.meetings[0]!).id}`,
    '/dashboard',
  ];
}

describe('button sizes', () => {
  it('are one height and one font size for every button outside tables, at 1366 and 390 px, and at least 44 px tall', async () => {
    const paths = await pages();
    for (const viewport of [LAPTOP, PHONE]) {
      const page = await suite.signedIn('admin@demo.local', { viewport, landing: '/needs' });
      const seen: (Measured & { path: string })[] = [];
      for (const path of paths) {
        await page.goto(`${suite.server.url}${path}`);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        await page.locator(BUTTONS).first().waitFor();
        seen.push(...(await measureButtons(page)).map((b) => ({ ...b, path })));
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
      expect(seen.length).toBeGreaterThan(10);
      const heights = seen.map((b) => b.height);
      const [low, high] = [Math.min(...heights), Math.max(...heights)];
      // Before (1366 and 390 px): "Kirjaa uusi tarve" 44.6 px with 18 px text, the view toggle 41.4/18, the export links 38/16, the design system's buttons ("Muokkaa tietoja", "Siirrä tilaan: …", "Luo kokous") 40/14.
      const odd = seen.filter((b) => b.height - low > 1 || b.fontSize !== seen[0]!.fontSize);
      expect({ width: viewport.width, low, high, odd }).toEqual({ width: viewport.width, low, high, odd: [] });
      expect(low).toBeGreaterThanOrEqual(44);
      // Only a phone may wrap a long label ("Siirrä tilaan: Siirretty ylemmälle tasolle").
      expect(seen.filter((b) => b.lines > 1 && viewport === LAPTOP)).toEqual([]);
    }
  });
});
