import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, screenshotTo, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();
const SHOTS = process.env.E2E_SCREENSHOTS;

/** The header and rows of a downloaded `;` CSV (no quoted line breaks in these files' first columns). */
async function download(page: Page, testId: string): Promise<{ name: string; header: string[]; lines: string[] }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const text = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
  const [header = '', ...lines] = text.split('\r\n').filter(Boolean);
  return { name: file.suggestedFilename(), header: header.split(';'), lines };
}

describe('exports where the data is shown', () => {
  it("downloads a party's actions from the actions tab with Finnish headers and labels", async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: '/needs/actions' });
    await page.getByTestId('party-actions').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page.getByTestId('actions-export-links'), 'actions-export.png');
    const rows = await page.locator('[data-testid=party-actions] tbody tr').count();
    expect(await page.getByTestId('actions-export-csv').getAttribute('href')).toMatch(
      /^\/export\/actions\.csv\?party=[0-9a-f-]{36}&lang=fi$/,
    );
    const { name, header, lines } = await download(page, 'actions-export-csv');
    expect(name).toMatch(/^actions-\d{4}-\d\d-\d\d\.csv$/);
    expect(header.slice(0, 4)).toEqual(['Tunniste', 'Toimenpide', 'Tila', 'Määräaika']);
    expect(lines.filter((l) => /^[0-9a-f-]{36};/.test(l))).toHaveLength(rows);
    for (const l of lines) expect(l.split(';')[2]).toMatch(/^(Suunniteltu|Käynnissä|Valmis|Peruttu)$/);
  });

  it("downloads a held meeting's decisions and attendance from its page, times on the Helsinki clock", async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { meetings } = await api<{ meetings: { id: string; title: string }[] }>('{ meetings { id title } }');
    const held = meetings.find((m) => m.title === 'Kuntakokous 1/2026')!;
    const page = await suite.signedIn('admin@demo.local', { landing: `/meetings/${held.id}` });
    await page.getByTestId('decisions-export-links').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page.locator('#meeting-exports').locator('..'), 'meeting-exports.png');
    const decisions = await download(page, 'decisions-export-csv');
    expect(decisions.header).toContain('Päätös');
    expect(decisions.lines.length).toBeGreaterThan(0);
    expect(decisions.lines[0]).toMatch(/;\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[23]:00;/);
    const attendance = await download(page, 'attendance-export-csv');
    expect(attendance.header).toEqual([
      'Kokouksen tunniste',
      'Toimielin',
      'Kokous',
      'Kokousaika',
      'Henkilö',
      'Osapuolen tunnus',
      'Osapuoli',
      'Läsnäolo',
      'Varajäsenenä henkilölle',
    ]);
    expect(attendance.lines.map((l) => l.split(';')[7])).toContain('Etänä');
    // The published minutes offer the same files to a signed-in reader.
    await page.goto(`${suite.server.url}/minutes/${held.id}`);
    await page.getByTestId('attendance-export-links').waitFor();
    expect(await page.getByTestId('decisions-export-xlsx').getAttribute('href')).toBe(
      `/export/decisions.xlsx?meeting=${held.id}&lang=fi`,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('for analysts', () => {
  it('shows the audit trail newest first, naming records by their titles', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const title = `Audit e2e ${Date.now()}`;
    const { parties } = await api<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    await api('mutation ($i: CreateServiceNeedInput!) { createServiceNeed(input: $i) { id } }', {
      i: { title, targetGroups: ['YOUTH'], themeCodes: ['HYTE'], municipalityIds: [parties.find((p) => p.code === '179')!.id] },
    });
    const page = await suite.signedIn('admin@demo.local', { landing: '/audit' });
    const timeline = page.getByTestId('audit-timeline');
    await timeline.getByRole('link', { name: title }).first().waitFor({ timeout: 20_000 });
    const times = await timeline.locator('li time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)));
    expect(times.length).toBeGreaterThan(5);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await timeline.locator('.yp-audit-log__target code').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'audit-1366.png');
  });

  it("opens the analysts' guide from the API tokens page in the user's language, as an accessible page", async () => {
    const page = await suite.signedIn('analyst@demo.local', { landing: '/api-tokens' });
    await page.getByTestId('analysts-guide-link').click();
    await page.waitForURL(/\/docs\/analytics\?lang=fi$/);
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    expect(await page.locator('h1').textContent()).toBe('Analytiikka GraphQL-rajapinnan kautta: opas analyytikoille');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'guide-fi-1366.png');
    await page.getByRole('navigation').getByRole('link', { name: 'svenska' }).click();
    await page.waitForURL(/lang=sv$/);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.locator('h2').first().textContent()).toBe('Vad gränssnittet erbjuder');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotTo(SHOTS, page, 'guide-sv-390.png');
  });
});
