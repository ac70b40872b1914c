import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations, type Api } from './helpers.js';

// A need the user may no longer see (their municipality taken off it, or their own seat in the body that owns it
// ended) leaves their open register live, and its open page says so instead of showing what it showed: no reload,
// no NOT_FOUND on a click.

const suite = e2eSuite();

/** The demo parties' ids by code, read by `api`. */
async function partiesOf(api: Api) {
  const { parties } = await api<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  return (code: string) => parties.find((p) => p.code === code)!.id;
}

/** A new need about `municipalityIds` (owned by `ownerBodyId`, if any), made by `api`. */
async function makeNeed(api: Api, title: string, municipalityIds: string[], ownerBodyId?: string) {
  const { createServiceNeed } = await api<{ createServiceNeed: { id: string; version: number } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id version } }',
    {
      input: { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds, ...(ownerBodyId ? { ownerBodyId } : {}) },
    },
  );
  return createServiceNeed;
}

/** Jyväskylä's representative with the register open (the need's row shown), and the need's page in another window. */
async function openRegisterAndPage(title: string, needId: string) {
  const register = await suite.signedIn('jyvaskyla@demo.local', { landing: '/needs' });
  const row = register.getByTestId('needs-table').getByRole('link', { name: title });
  await row.waitFor();
  await register.evaluate(() => Object.assign(window, { __ypNoReload: true }));
  const page = await suite.signedIn('jyvaskyla@demo.local', { landing: `/needs/${needId}` });
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return { register, row, page };
}

/** The register dropped the need's row where it is and said why, without a reload; the page shows the notice alone. */
async function expectWithdrawn({ register, row, page }: Awaited<ReturnType<typeof openRegisterAndPage>>, title: string) {
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
}

describe('a need withdrawn from a municipality’s sight', () => {
  it('disappears from the open register, and its open page says the user may no longer see it', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const party = await partiesOf(api);
    const title = `Poistuva tarve ${Date.now().toString(36)}`;
    const need = await makeNeed(api, title, [party('179'), party('410')]);
    const opened = await openRegisterAndPage(title, need.id);

    // The admin takes Jyväskylä off the need over the API.
    await api(
      'mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { id } }',
      { id: need.id, v: need.version, input: { municipalityIds: [party('410')] } },
    );

    await expectWithdrawn(opened, title);
  });

  it('disappears likewise for a member whose own seat in the body that owns it ended', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const party = await partiesOf(api);
    const { persons } = await api<{ persons: { id: string; user: { email: string } | null }[] }>(
      '{ persons { id user { email } } }',
    );
    const stamp = Date.now().toString(36);
    const { createCooperationBody: body } = await api<{ createCooperationBody: { id: string } }>(
      'mutation ($input: CreateCooperationBodyInput!) { createCooperationBody(input: $input) { id } }',
      { input: { names: { fi: `Verkosto ${stamp}` }, tier: 'OPERATIONAL' } },
    );
    const { addMembership: seat } = await api<{ addMembership: { id: string; version: number } }>(
      'mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id version } }',
      {
        input: {
          bodyId: body.id,
          personId: persons.find((p) => p.user?.email === 'jyvaskyla@demo.local')!.id,
          role: 'MEMBER',
        },
      },
    );
    // Laukaa's need, which Jyväskylä's representative reads only as a member of the body that owns it.
    const title = `Verkoston tarve ${stamp}`;
    const need = await makeNeed(api, title, [party('410')], body.id);
    const opened = await openRegisterAndPage(title, need.id);

    // The admin ends the seat as of yesterday over the API.
    await api('mutation ($id: ID!, $v: Int!, $on: Date!) { endMembership(id: $id, expectedVersion: $v, endsOn: $on) { id } }', {
      id: seat.id,
      v: seat.version,
      on: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    });

    await expectWithdrawn(opened, title);
  });
});
