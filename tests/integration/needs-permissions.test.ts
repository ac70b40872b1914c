import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { startServer, unique, type TestServer } from './helpers.js';

// NeedPermissions names the parties and roles setResponsibility and createAction allow (from the same policy the
// mutations apply), so the need page offers only those; a refusal of another party names the field it was chosen in.

let server: TestServer;
let token: Record<'admin' | 'laukaa' | 'analyst', string>;
let demo: factory.Region;

beforeAll(async () => {
  server = await startServer();
  token = await factory.loginDemo(server, 'admin', 'laukaa', 'analyst');
  demo = await factory.region(server);
});
afterAll(() => server?.stop());

const LAUKAA = '410';
const JYVASKYLA = '179';
const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const CAN = 'viewerCan { edit setResponsibility responsibilityPartyIds responsibilityRoles createAction actionOwnerPartyIds }';
const SET = `mutation ($n: ID!, $p: ID!, $r: ResponsibilityRole!) { setResponsibility(needId: $n, partyId: $p, role: $r) { id } }`;
const ACTION = 'mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }';

/** A need Laukaa's representative recorded (no lead yet: they edit its fields, but are not its editor). */
const recorded = () =>
  factory.makeNeed(server, token.laukaa, {
    title: unique('Laukaan kirjaama tarve'),
    targetGroups: [],
    themeCodes: [],
    municipalityIds: [demo.party(LAUKAA), demo.party(JYVASKYLA)],
  });

const viewerCan = async (id: string, who: string) =>
  (await server.gql(`query ($id: ID!) { serviceNeed(id: $id) { ${CAN} } }`, { id }, { token: who })).data!.serviceNeed.viewerCan;

describe("what NeedPermissions offers, and the server's refusals beyond it", () => {
  it('offers the recording representative only their own party and no LEAD, and every offer is accepted', async () => {
    const need = await recorded();
    const can = await viewerCan(need.id, token.laukaa);
    expect(can).toEqual({
      edit: true,
      setResponsibility: true,
      responsibilityPartyIds: [demo.party(LAUKAA)],
      responsibilityRoles: ['CONTRIBUTOR', 'INFORMED'],
      createAction: true,
      actionOwnerPartyIds: [demo.party(LAUKAA)],
    });
    for (const role of can.responsibilityRoles) {
      const r = await server.gql(SET, { n: need.id, p: demo.party(LAUKAA), r: role }, { token: token.laukaa });
      expect(r.errors).toBeUndefined();
    }
    const action = await server.gql(
      ACTION,
      { input: { needId: need.id, title: 'Oma toimenpide', ownerPartyId: demo.party(LAUKAA) } },
      { token: token.laukaa },
    );
    expect(action.errors).toBeUndefined();
  });

  it('names the field when the representative chooses beyond the offer: another party, or LEAD', async () => {
    const need = await recorded();
    const other = await server.gql(SET, { n: need.id, p: demo.party(JYVASKYLA), r: 'CONTRIBUTOR' }, { token: token.laukaa });
    expect(failure(other)).toMatchObject({ code: 'FORBIDDEN', fields: { partyId: 'Choose your own party' } });
    const lead = await server.gql(SET, { n: need.id, p: demo.party(LAUKAA), r: 'LEAD' }, { token: token.laukaa });
    expect(failure(lead)).toMatchObject({ code: 'FORBIDDEN', fields: { role: expect.any(String) } });
    const action = await server.gql(
      ACTION,
      { input: { needId: need.id, title: 'Toisen toimenpide', ownerPartyId: demo.party(JYVASKYLA) } },
      { token: token.laukaa },
    );
    expect(failure(action)).toMatchObject({ code: 'FORBIDDEN', fields: { 'input.ownerPartyId': 'Choose your own party' } });
  });

  it('offers the secretariat any party and every role, and an analyst nothing', async () => {
    const need = await recorded();
    expect(await viewerCan(need.id, token.admin)).toMatchObject({
      setResponsibility: true,
      responsibilityPartyIds: null,
      responsibilityRoles: ['LEAD', 'CONTRIBUTOR', 'INFORMED'],
      createAction: true,
      actionOwnerPartyIds: null,
    });
    expect(await viewerCan(need.id, token.analyst)).toEqual({
      edit: false,
      setResponsibility: false,
      responsibilityPartyIds: [],
      responsibilityRoles: [],
      createAction: false,
      actionOwnerPartyIds: [],
    });
  });
});
