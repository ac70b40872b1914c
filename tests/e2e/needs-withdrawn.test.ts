import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

// A need the user may no longer see (their municipality taken off it) leaves their open register live, and its
// open page says so instead of showing what it showed: no reload, no NOT_FOUND on a click.

const suite = e2eSuite();

describe('a need withdrawn from a municipality’s sight', () => {
  it('disappears from the open register, and its open page says the user may no longer see it', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { parties } = await api<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const party = (code: string) => parties.find((p) => p.code === code)!.id;
    const title = `Poistuva tarve ${Date.now().toString(36)}`;
    const { createServiceNeed: need } = await api<{ createServiceNeed: { id: string; version: number } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id version } }',
      {
        input: {
          title,
          targetGroups: ['YOUTH'],
          themeCodes: ['YOUTH'],
          municipalityIds: [party('179'), party('410')],
        },
      },
    );

    // Jyväskylä's representative has the register open, and the need's page in another window.
    const register = await suite.signedIn('jyvaskyla@demo.local', { landing: '/needs' });
    const row = register.getByTestId('needs-table').getByRole('link', { name: title });
    await row.waitFor();
    await register.evaluate(() => Object.assign(window, { __ypNoReload: true }));
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/needs/${need.id}` });
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // The admin takes Jyväskylä off the need over the API.
    await api(
      'mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { id } }',
      { id: need.id, v: need.version, input: { municipalityIds: [party('410')] } },
    );

    // The register drops the row where it is and says why; the window was not reloaded.
    await row.waitFor({ state: 'detached' });
    await register.getByTestId('live-status').getByText('Tarve poistui näkyvistäsi').waitFor();
    expect(await register.evaluate(() => (window as unknown as { __ypNoReload?: boolean }).__ypNoReload)).toBe(true);

    // The page shows the notice as an alert, with its own heading, and nothing of the need any more.
    const notice = page.getByRole('alert').filter({ hasText: 'Et voi enää nähdä tätä tarvetta' });
    await notice.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Tarve ei ole enää näkyvissäsi' }).waitFor();
    expect(await page.getByText(title).count()).toBe(0);
    expect(await page.getByTestId('need-details').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
