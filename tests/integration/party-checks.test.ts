import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { startServer, unique, type TestServer } from './helpers.js';

/** A well-formed id that no party has. */
const NO_PARTY = '00000000-0000-4000-8000-000000000000';

let server: TestServer;
let admin = '';
let demo: factory.Region;
let indicatorId = '';

const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => ({
  code: r.errors?.[0]?.extensions?.code,
  fields: r.errors?.[0]?.extensions?.fields,
});

beforeAll(async () => {
  server = await startServer();
});
beforeAll(async () => {
  admin = (await factory.loginDemo(server, 'admin')).admin;
  demo = await factory.region(server);
  // This file's own indicator, its code unique per run (parallel files on one PostgreSQL do not meet).
  const code = `P${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const imported = await server.gql(
    'mutation ($csv: String!) { importIndicatorValues(csv: $csv) { indicators { id } } }',
    {
      csv: [
        'Indikaattori ID;Indikaattori;Alue ID;Alue;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo',
        `${code};Osapuolitesti;179;Jyväskylä;2024;yhteensä;10;`,
      ].join('\n'),
    },
    { token: admin },
  );
  factory.ok(imported, 'importIndicatorValues');
  indicatorId = imported.data.importIndicatorValues.indicators[0].id;
});
afterAll(() => server?.stop());

const gql = (query: string, variables: Record<string, unknown>) => server.gql(query, variables, { token: admin });

async function makeGoal(): Promise<string> {
  const agreement = await factory.makeAgreement(server, admin);
  const r = await gql(
    'mutation ($a: ID!, $input: AgreementGoalInput!) { createAgreementGoal(agreementId: $a, input: $input) { id } }',
    {
      a: agreement.id,
      input: { title: unique('Tavoite') },
    },
  );
  factory.ok(r, 'createAgreementGoal');
  return r.data.createAgreementGoal.id;
}

describe('a write naming a party that does not exist', () => {
  it('is refused on input.partyIds when an agreement is created', async () => {
    const r = await gql('mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }', {
      input: { titles: { fi: unique('Sopimus') }, type: 'COOPERATION_PROTOCOL', partyIds: [demo.party('179'), NO_PARTY] },
    });
    expect(failure(r)).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.partyIds': 'No such party' } });
  });

  it('is refused on input.partyId when a person is seated in a body', async () => {
    const body = await factory.makeBody(server, admin);
    const person = await factory.makePerson(server, admin);
    const r = await gql('mutation ($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
      input: { bodyId: body.id, personId: person.id, partyId: NO_PARTY, role: 'MEMBER' },
    });
    expect(failure(r)).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.partyId': 'No such party' } });
  });

  it('is refused on input.ownerPartyId when a goal is created or updated', async () => {
    const agreement = await factory.makeAgreement(server, admin);
    const created = await gql(
      'mutation ($a: ID!, $input: AgreementGoalInput!) { createAgreementGoal(agreementId: $a, input: $input) { id } }',
      { a: agreement.id, input: { title: unique('Tavoite'), ownerPartyId: NO_PARTY } },
    );
    expect(failure(created)).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.ownerPartyId': 'No such party' } });
    const updated = await gql(
      'mutation ($id: ID!, $input: UpdateAgreementGoalInput!) { updateAgreementGoal(id: $id, expectedVersion: 1, input: $input) { id } }',
      { id: await makeGoal(), input: { ownerPartyId: NO_PARTY } },
    );
    expect(failure(updated)).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.ownerPartyId': 'No such party' } });
  });

  it('is refused on input.partyId when a goal gets a measure', async () => {
    const r = await gql('mutation ($g: ID!, $input: GoalMeasureInput!) { addGoalMeasure(goalId: $g, input: $input) { id } }', {
      g: await makeGoal(),
      input: { indicatorId, partyId: NO_PARTY, baselineYear: 2024, targetYear: 2027, targetValue: 5 },
    });
    expect(failure(r)).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.partyId': 'No such party' } });
  });

  it('is refused on input.partyId when a person is created or updated', async () => {
    const created = await gql('mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
      input: { name: unique('Henkilö'), partyId: NO_PARTY },
    });
    expect(failure(created)).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.partyId': 'No such party' } });
    const person = await factory.makePerson(server, admin, {}, 'id version');
    const updated = await gql(
      'mutation ($id: ID!, $v: Int!, $input: UpdatePersonInput!) { updatePerson(id: $id, expectedVersion: $v, input: $input) { id } }',
      { id: person.id, v: person.version, input: { partyId: NO_PARTY } },
    );
    expect(failure(updated)).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.partyId': 'No such party' } });
  });

  it("is refused on partyId when a party's part in a need is set", async () => {
    const need = await factory.makeNeed(server, admin);
    const r = await gql('mutation ($n: ID!, $p: ID!) { setResponsibility(needId: $n, partyId: $p, role: CONTRIBUTOR) { id } }', {
      n: need.id,
      p: NO_PARTY,
    });
    expect(failure(r)).toEqual({ code: 'BAD_USER_INPUT', fields: { partyId: 'No such party' } });
  });

  it("is refused on input.ownerPartyId when a need's action is created", async () => {
    const need = await factory.makeNeed(server, admin);
    const r = await gql('mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }', {
      input: { needId: need.id, title: unique('Toimenpide'), ownerPartyId: NO_PARTY },
    });
    expect(failure(r)).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.ownerPartyId': 'No such party' } });
  });
});
