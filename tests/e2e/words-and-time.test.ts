import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, plainSpaces, seriousAxeViolations } from './helpers.js';

// Issue 13, "Words and time": population sources and indicator-import reasons in the UI language,
// the dashboard's "updated" time on Finland's clock whatever the computer's zone, and ending a
// membership asks first.

const suite = e2eSuite();

/** "14.32" as the clock in Helsinki shows `at`. */
const helsinkiClock = (at: Date) =>
  new Intl.DateTimeFormat('fi-FI', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' }).format(at);

describe('words', () => {
  it('names the population sources in Finnish on the parties page', async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local');
    const footnote = page.getByText(/^Väkiluvun alla on tilastointipäivä/);
    await footnote.waitFor();
    expect(await footnote.textContent()).toContain('Lähde: THL/Sotkanet (demoarvot).');
    await page.getByRole('link', { name: 'Jyväskylä', exact: true }).click();
    const table = page.getByTestId('population-table');
    await table.waitFor();
    expect(plainSpaces(await table.innerText())).toContain('Tilastokeskus');
    expect(await table.innerText()).not.toContain('Statistics Finland');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('gives the reasons for skipped indicator rows in Finnish', async () => {
    const admin = await suite.signedIn('admin@demo.local', { landing: '/indicators/import' });
    await admin.getByTestId('import-form').waitFor();
    const csv = [
      'Indikaattori ID;Indikaattori;Alue ID;Alue;Aluetyyppi;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo',
      '990013;E2E-sanat;179;Jyväskylä;kunta;2023;yhteensä;12,5;',
      '990013;E2E-sanat;179;Jyväskylä;kunta;vuosi;yhteensä;12,5;',
      '990013;E2E-sanat;999;Tuntematon;kunta;2023;yhteensä;1,0;',
    ].join('\n');
    await admin.getByTestId('import-csv').fill(csv);
    await admin.getByTestId('import-submit').click();
    const skipped = admin.getByTestId('import-skipped');
    await skipped.waitFor();
    const text = await skipped.innerText();
    expect(text).toContain('Vuosi ”vuosi” ei ole vuosiluku.');
    expect(text).toContain('Aluekoodi 999 ei ole minkään osapuolen koodi.');
    expect(text).not.toMatch(/is not|not a party/);
    expect(await seriousAxeViolations(admin)).toEqual([]);
  });
});

describe('time', () => {
  it("shows the dashboard's 'updated' time on Finland's clock on a computer in New York", async () => {
    const before = new Date();
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: '/dashboard', timezoneId: 'America/New_York' });
    const updated = page.locator('.yp-dash__updated', { hasText: 'Päivitetty klo ' });
    await updated.waitFor();
    const shown = /Päivitetty klo (\d{1,2}\.\d{2})/.exec((await updated.textContent())!)?.[1];
    // Read between two moments: the minute may turn while the page loads.
    expect([helsinkiClock(before), helsinkiClock(new Date())]).toContain(shown);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
  });
});

describe('ending a membership', () => {
  it('asks in a dialog first: cancel keeps the member, confirm ends the membership', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { persons } = await api<{ persons: { id: string; name: string }[] }>('{ persons { id name } }');
    const person = persons.find((p) => p.name.startsWith('Pasi Pohja'))!;
    const { createCooperationBody: body } = await api<{ createCooperationBody: { id: string } }>(
      'mutation ($input: CreateCooperationBodyInput!) { createCooperationBody(input: $input) { id } }',
      { input: { names: { fi: 'E2E-verkosto jäsenyyden päättämiseen' }, tier: 'OPERATIONAL' } },
    );
    const { addMembership: seat } = await api<{ addMembership: { id: string } }>(
      'mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }',
      { input: { bodyId: body.id, personId: person.id, role: 'MEMBER', startsOn: '2026-01-01' } },
    );
    const page = await suite.signedIn('admin@demo.local', { landing: `/cooperation/bodies/${body.id}` });
    const row = page.locator(`[data-membership-id="${seat.id}"]`);
    const endButton = row.getByRole('button', { name: /Pasi Pohja/ });
    await endButton.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Päätetäänkö jäsenyys?');
    expect(await dialog.textContent()).toContain('Pasi Pohja (demo) (jäsen)');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Peruuta' }).click();
    await dialog.waitFor({ state: 'detached' });
    const { cooperationBody: unchanged } = await api<{
      cooperationBody: { memberships: { id: string; endsOn: string | null }[] };
    }>('query ($id: ID!) { cooperationBody(id: $id) { memberships { id endsOn } } }', { id: body.id });
    expect(unchanged.memberships.find((m) => m.id === seat.id)!.endsOn).toBeNull();

    await endButton.click();
    await page.getByTestId('confirm-end-membership').click();
    await page.getByText('Jäsenyys päätetty: Pasi Pohja (demo).').waitFor();
    const { cooperationBody: after } = await api<{ cooperationBody: { memberships: { id: string; endsOn: string | null }[] } }>(
      'query ($id: ID!) { cooperationBody(id: $id) { memberships { id endsOn } } }',
      { id: body.id },
    );
    expect(after.memberships.find((m) => m.id === seat.id)!.endsOn).not.toBeNull();
  });
});
