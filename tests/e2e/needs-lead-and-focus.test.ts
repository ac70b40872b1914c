import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, optionsOf } from './helpers.js';

// The lead's own representative edits the need but neither names nor changes a lead (the page offers neither, and
// says who does); a status button pressed on the need page leaves the keyboard on the need's current status.

const suite = e2eSuite();

/** A need recorded by the secretariat for Jyväskylä and Laukaa, Jyväskylä named its lead. */
async function ledByJyvaskyla(title: string) {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  const id = (code: string) => parties.find((p) => p.code === code)!.id;
  const { createServiceNeed } = await admin<{ createServiceNeed: { id: string } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
    { input: { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [id('179'), id('410')] } },
  );
  await admin('mutation ($n: ID!, $p: ID!) { setResponsibility(needId: $n, partyId: $p, role: LEAD) { id } }', {
    n: createServiceNeed.id,
    p: id('179'),
  });
  return createServiceNeed.id;
}

describe("the lead party's own representative on the need page", () => {
  it('is offered neither LEAD nor the lead party, and the lead row says who names and changes the lead', async () => {
    const needId = await ledByJyvaskyla('E2E Jyväskylän vetämä tarve');
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/needs/${needId}` });
    const party = page.locator('[id="responsibility-party_button"]');
    await party.waitFor();
    const parties = await optionsOf(page, party);
    expect(parties).toContain('Laukaa');
    expect(parties).not.toContain('Jyväskylä');
    expect(await optionsOf(page, page.locator('[id="responsibility-role_button"]'))).toEqual(['Osallistuja', 'Tiedonsaaja']);
    const leadRow = page.locator('[data-testid=responsibilities] tr', { hasText: 'Jyväskylä' });
    expect(await leadRow.getByTestId('lead-locked').innerText()).toBe('Vastuutahon nimeää ja vaihtaa sihteeristö.');
    expect(await leadRow.locator('button, input, select').count()).toBe(0);
  });

  it('is offered the lead party when the secretariat opens the page', async () => {
    const needId = await ledByJyvaskyla('E2E sihteeristö vaihtaa vastuutahon');
    const page = await suite.signedIn('admin@demo.local', { landing: `/needs/${needId}` });
    const party = page.locator('[id="responsibility-party_button"]');
    await party.waitFor();
    expect(await optionsOf(page, party)).toContain('Jyväskylä');
    expect(await page.getByTestId('lead-locked').count()).toBe(0);
  });
});

describe('a status change made from the keyboard', () => {
  it("leaves focus on the need's current status, and the status line says what changed", async () => {
    const needId = await ledByJyvaskyla('E2E tilanmuutos näppäimistöllä');
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/needs/${needId}` });
    const button = page.getByTestId('to-UNDER_ANALYSIS');
    await button.focus();
    await page.keyboard.press('Enter');
    // The new status's transitions replace the pressed button.
    await page.getByTestId('to-AGREED').waitFor();
    await button.waitFor({ state: 'detached' });
    await page.getByTestId('transitions').getByRole('status').filter({ hasText: 'Selvityksessä' }).waitFor();
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName, testId: el?.getAttribute('data-testid'), text: el?.textContent };
    });
    expect(focused).toEqual({ tag: 'P', testId: 'transition-current', text: 'Tila: Selvityksessä' });
  });
});
