import { describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, e2eSuite, makeNeed, screenshotTo, seriousAxeViolations, shownLines } from './helpers.js';

/** Defects an outside tester found: the ratification form's start, the as-of panel's numbers, the meeting subtitle. */
const suite = e2eSuite();
const ADMIN = 'admin@demo.local';
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.UI_SHOTS;

describe('the ratification form on an agreement page', () => {
  it('starts on the first party still awaiting its decision, with an empty decision date', async () => {
    const api = await apiAs(suite.server.url, ADMIN);
    const { agreements } = await api<{
      agreements: { id: string; type: string; ratifications: { outcome: string; party: { names: { fi: string } } }[] }[];
    }>('{ agreements { id type ratifications { outcome party { names { fi } } } } }');
    const agreement = agreements.find((a) => a.type === 'STRATEGIC_COOPERATION')!;
    const awaiting = agreement.ratifications.find((r) => r.outcome === 'PENDING')!.party.names.fi;
    // The demo's round has decisions recorded before the first party awaiting one (Hankasalmi's on 18.10.2025).
    expect(agreement.ratifications[0]!.outcome).not.toBe('PENDING');
    const page = await suite.signedIn(ADMIN, { viewport: LAPTOP, landing: `/agreements/${agreement.id}` });
    const form = page.getByTestId('record-form');
    await form.locator('input[name=decisionDate]').waitFor();
    expect(await form.locator('#record-partyId_button').innerText()).toContain(awaiting);
    expect(await form.locator('input[name=decisionDate]').inputValue()).toBe('');
    expect(await form.locator('input[name=decidingBody]').inputValue()).toBe('');
    expect(await form.locator('input[name=section]').inputValue()).toBe('');
  });
});

describe("the need page's as-of panel", () => {
  it('writes the estimate of residents as the facts card does (2 600, not 2600)', async () => {
    const api = await apiAs(suite.server.url, ADMIN);
    const needId = await makeNeed(api, 'Asukasarvion muoto', { estimatedResidents: 2600 });
    const page = await suite.signedIn(ADMIN, { viewport: LAPTOP, landing: `/needs/${needId}` });
    const today = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki' }).format(new Date());
    await page.locator('#as-of-date').fill(today);
    await page.getByRole('button', { name: 'Näytä', exact: true }).click();
    const past = page.getByTestId('as-of-residents');
    await past.waitFor();
    const facts = await page.getByTestId('need-residents').innerText();
    expect(facts.replace(/\s/g, ' ')).toBe('2 600');
    expect(await past.innerText()).toBe(facts);
  });
});

describe('the meeting page subtitle', () => {
  for (const viewport of [LAPTOP, PHONE])
    it(`at ${viewport.width} px neither starts nor ends a line with the separator`, async () => {
      const api = await apiAs(suite.server.url, ADMIN);
      const { id } = await assemblyMeeting(api, 'Alaotsikon rivitys');
      const { meeting } = await api<{ meeting: { version: number } }>('query ($id: ID!) { meeting(id: $id) { version } }', {
        id,
      });
      await api(
        'mutation ($id: ID!, $v: Int!, $i: UpdateMeetingInput!) { updateMeeting(id: $id, expectedVersion: $v, input: $i) { id } }',
        { id, v: meeting.version, i: { location: 'Jyväskylä, Keski-Suomen liitto, kokoushuone' } },
      );
      const page = await suite.signedIn(ADMIN, { viewport, landing: `/meetings/${id}` });
      const subtitle = page.getByTestId('meeting-subtitle');
      await subtitle.locator('.yp-badge').waitFor();
      await screenshotTo(SHOTS, page, `meeting-subtitle-${viewport.width}.png`);
      const lines = await shownLines(subtitle);
      // Before: at 1366 px the second line read "· Suunniteltu".
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(line).not.toMatch(/^·/);
        expect(line).not.toMatch(/·$/);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
});
