import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type TestServer } from './helpers.js';

// Issue 13, "Creating a need": the form offers only the owner bodies the rules allow, a refusal names
// its field, and the representative who recorded a need edits it until someone takes it on.

let server: TestServer;
const token: Record<'admin' | 'laukaa' | 'jyvaskyla' | 'analyst', string> = {} as never;
const partyByCode = new Map<string, string>();
let laukaaPerson = '';

beforeAll(async () => {
  server = await startServer();
  for (const [key, email] of [['admin', 'admin@demo.local'], ['laukaa', 'laukaa@demo.local'], ['jyvaskyla', 'jyvaskyla@demo.local'], ['analyst', 'analyst@demo.local']] as const) {
    token[key] = await server.login(email);
  }
  const r = await server.gql('{ parties { id code } persons { id user { email } } }', {}, { token: token.admin });
  for (const p of r.data!.parties) partyByCode.set(p.code, p.id);
  laukaaPerson = r.data!.persons.find((p: any) => p.user?.email === 'laukaa@demo.local').id;
});
afterAll(() => server?.stop());

const LAUKAA = '410';
const party = (code: string) => partyByCode.get(code)!;
const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const FIELDS = 'id title version status viewerCan { edit } allowedTransitions';
const CREATE = `mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const CHOICES = '{ needOwnerBodyChoices { id name } cooperationBodies { id } }';

/** A body of its own, optionally with Laukaa's representative seated in it. */
async function bodyWithLaukaa(seated: boolean): Promise<string> {
  const b = await server.gql('mutation ($input: CreateCooperationBodyInput!) { createCooperationBody(input: $input) { id } }', {
    input: { names: { fi: unique('Tarveverkosto') }, tier: 'OPERATIONAL' },
  }, { token: token.admin });
  const bodyId = b.data!.createCooperationBody.id as string;
  if (seated) {
    const m = await server.gql('mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      input: { bodyId, personId: laukaaPerson, role: 'MEMBER' },
    }, { token: token.admin });
    expect(m.errors).toBeUndefined();
  }
  return bodyId;
}

const laukaaNeed = (extra: Record<string, unknown> = {}) => ({ title: unique('Laukaan tarve'), targetGroups: [], themeCodes: [], municipalityIds: [party(LAUKAA)], ...extra });

describe('the owner bodies a person may choose', () => {
  it('offers a representative only the bodies they sit in, and the secretariat every body', async () => {
    const mine = await bodyWithLaukaa(true);
    const notMine = await bodyWithLaukaa(false);
    const rep = (await server.gql(CHOICES, {}, { token: token.laukaa })).data!;
    const ids = rep.needOwnerBodyChoices.map((b: any) => b.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(notMine);
    const admin = (await server.gql(CHOICES, {}, { token: token.admin })).data!;
    expect(admin.needOwnerBodyChoices.map((b: any) => b.id).sort()).toEqual(admin.cooperationBodies.map((b: any) => b.id).sort());
    expect((await server.gql(CHOICES, {}, { token: token.analyst })).data!.needOwnerBodyChoices).toEqual([]);
  });

  it('records a need in every body it offers, and refuses another naming the owner body field', async () => {
    const offered = (await server.gql(CHOICES, {}, { token: token.laukaa })).data!.needOwnerBodyChoices;
    for (const body of offered) {
      const r = await server.gql(CREATE, { input: laukaaNeed({ ownerBodyId: body.id }) }, { token: token.laukaa });
      expect(r.errors).toBeUndefined();
    }
    const refused = await server.gql(CREATE, { input: laukaaNeed({ ownerBodyId: await bodyWithLaukaa(false) }) }, { token: token.laukaa });
    expect(failure(refused)).toMatchObject({ code: 'FORBIDDEN', fields: { 'input.ownerBodyId': 'Choose a body you sit in' } });
  });

  it('names the municipalities field when the need does not concern the representative’s own party', async () => {
    const r = await server.gql(CREATE, { input: laukaaNeed({ municipalityIds: [party('182')] }) }, { token: token.laukaa });
    expect(failure(r)).toMatchObject({ code: 'FORBIDDEN', fields: { 'input.municipalityIds': expect.any(String) } });
  });
});

describe('the recorder of a need', () => {
  it('edits it while it is IDENTIFIED without a lead party, but does not move it on', async () => {
    const need = (await server.gql(CREATE, { input: laukaaNeed() }, { token: token.laukaa })).data!.createServiceNeed;
    expect(need).toMatchObject({ viewerCan: { edit: true }, allowedTransitions: [] });
    const r = await server.gql(UPDATE, { id: need.id, v: 1, input: { title: `${need.title} (korjattu)` } }, { token: token.laukaa });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateServiceNeed).toMatchObject({ version: 2, title: `${need.title} (korjattu)` });
    const move = await server.gql('mutation ($id: ID!) { transitionServiceNeed(id: $id, expectedVersion: 2, to: UNDER_ANALYSIS) { id } }', { id: need.id }, { token: token.laukaa });
    expect(failure(move).code).toBe('FORBIDDEN');
  });

  it('may not take their own party off the need', async () => {
    const need = (await server.gql(CREATE, { input: laukaaNeed({ partyIds: [] }) }, { token: token.laukaa })).data!.createServiceNeed;
    const r = await server.gql(UPDATE, { id: need.id, v: 1, input: { municipalityIds: [party('182')] } }, { token: token.laukaa });
    expect(failure(r)).toMatchObject({ code: 'FORBIDDEN', fields: { 'input.municipalityIds': expect.any(String) } });
  });

  it('no longer edits it once a lead party is set or it has moved on; another representative never did', async () => {
    const need = (await server.gql(CREATE, { input: laukaaNeed({ municipalityIds: [party(LAUKAA), party('179')] }) }, { token: token.laukaa })).data!.createServiceNeed;
    const other = await server.gql(UPDATE, { id: need.id, v: 1, input: { title: 'Jyväskylän muutos' } }, { token: token.jyvaskyla });
    expect(failure(other).code).toBe('FORBIDDEN');
    const lead = await server.gql('mutation ($n: ID!, $p: ID!) { setResponsibility(needId: $n, partyId: $p, role: LEAD) { id } }', { n: need.id, p: party('179') }, { token: token.admin });
    expect(lead.errors).toBeUndefined();
    const refused = await server.gql(UPDATE, { id: need.id, v: 2, input: { title: 'Myöhäinen korjaus' } }, { token: token.laukaa });
    expect(failure(refused).code).toBe('FORBIDDEN');

    const moved = (await server.gql(CREATE, { input: laukaaNeed() }, { token: token.laukaa })).data!.createServiceNeed;
    await server.gql('mutation ($id: ID!) { transitionServiceNeed(id: $id, expectedVersion: 1, to: UNDER_ANALYSIS) { id } }', { id: moved.id }, { token: token.admin });
    const after = await server.gql(`query ($id: ID!) { serviceNeed(id: $id) { ${FIELDS} } }`, { id: moved.id }, { token: token.laukaa });
    expect(after.data!.serviceNeed.viewerCan.edit).toBe(false);
  });
});
