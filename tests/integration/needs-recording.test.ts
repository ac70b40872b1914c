import { describe, expect, it } from 'vitest';
import type { CreateServiceNeedInput } from '../../server/graphql/generated/resolvers.js';
import * as factory from './factories.js';
import { eventually, startDemo, unique } from './helpers.js';
import { BODIES } from '../../server/modules/cooperation/cooperation.seed.data.js';

// Issue 13, "Creating a need": the form offers only the owner bodies the rules allow, a refusal names
// its field, and the representative who recorded a need edits it until someone takes it on.

const demo = startDemo({ users: ['laukaa', 'jyvaskyla', 'analyst'], region: true });

const LAUKAA = '410';
const party = (code: string) => demo.region.party(code);
const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const FIELDS = 'id title version status viewerCan { edit } allowedTransitions';
const CREATE = `mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const CHOICES = '{ needOwnerBodyChoices { id name } cooperationBodies { id } }';

/** A body of its own, optionally with Laukaa's representative seated in it. */
const bodyWithLaukaa = async (seated: boolean) =>
  (
    await factory.makeBody(
      demo.server,
      demo.token.admin,
      { names: { fi: unique('Tarveverkosto') } },
      seated ? [[factory.DEMO.laukaa, 'MEMBER']] : [],
    )
  ).id;

const laukaaNeed = (extra: Partial<CreateServiceNeedInput> = {}) => ({
  title: unique('Laukaan tarve'),
  targetGroups: [],
  themeCodes: [],
  municipalityIds: [party(LAUKAA)],
  ...extra,
});
/** A need recorded by Laukaa's representative. */
const recordNeed = (extra: Partial<CreateServiceNeedInput> = {}) =>
  factory.makeNeed(demo.server, demo.token.laukaa, laukaaNeed(extra), FIELDS);

describe('the owner bodies a person may choose', () => {
  it('offers a representative only the bodies they sit in, and the secretariat every body', async () => {
    const mine = await bodyWithLaukaa(true);
    const notMine = await bodyWithLaukaa(false);
    const rep = (await demo.server.gql(CHOICES, {}, { token: demo.token.laukaa })).data!;
    const ids = rep.needOwnerBodyChoices.map((b: any) => b.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(notMine);
    // The two lists are read one after the other: read until no other file (a shared PostgreSQL) made a body between them.
    const sameBodies = (d: any) => d.needOwnerBodyChoices.length === d.cooperationBodies.length;
    const admin = (
      await eventually(
        () => demo.server.gql(CHOICES, {}, { token: demo.token.admin }),
        (r) => r.data != null && sameBodies(r.data),
        10_000,
        'both lists of bodies read with no body made between them',
      )
    ).data!;
    expect(admin.needOwnerBodyChoices.map((b: any) => b.id).sort()).toEqual(admin.cooperationBodies.map((b: any) => b.id).sort());
    expect((await demo.server.gql(CHOICES, {}, { token: demo.token.analyst })).data!.needOwnerBodyChoices).toEqual([]);
  });

  it('records a need in every body it offers, and refuses another naming the owner body field', async () => {
    // The seeded bodies and one of this file's own: other files' bodies may lose Laukaa's seat while this runs (a
    // shared PostgreSQL), and then rightly refuse the need.
    const own = await bodyWithLaukaa(true);
    const seeded = new Set(BODIES.map((b) => b.names.fi));
    const offered = (await demo.server.gql(CHOICES, {}, { token: demo.token.laukaa })).data!.needOwnerBodyChoices.filter(
      (b: { id: string; name: string }) => b.id === own || seeded.has(b.name),
    );
    expect(offered.map((b: { id: string }) => b.id)).toContain(own);
    expect(offered.length).toBeGreaterThan(1);
    for (const body of offered) {
      const r = await demo.server.gql(CREATE, { input: laukaaNeed({ ownerBodyId: body.id }) }, { token: demo.token.laukaa });
      expect(r.errors).toBeUndefined();
    }
    const refused = await demo.server.gql(
      CREATE,
      { input: laukaaNeed({ ownerBodyId: await bodyWithLaukaa(false) }) },
      { token: demo.token.laukaa },
    );
    expect(failure(refused)).toMatchObject({ code: 'FORBIDDEN', fields: { 'input.ownerBodyId': 'Choose a body you sit in' } });
  });

  it('names the municipalities field when the need does not concern the representative’s own party', async () => {
    const r = await demo.server.gql(
      CREATE,
      { input: laukaaNeed({ municipalityIds: [party('182')] }) },
      { token: demo.token.laukaa },
    );
    expect(failure(r)).toMatchObject({ code: 'FORBIDDEN', fields: { 'input.municipalityIds': expect.any(String) } });
  });

  it('says BAD_USER_INPUT, not FORBIDDEN, for a municipality that does not exist, as it does to the secretariat', async () => {
    const unknown = { municipalityIds: ['00000000-0000-0000-0000-000000000000'] };
    for (const who of [demo.token.laukaa, demo.token.admin]) {
      const r = await demo.server.gql(CREATE, { input: laukaaNeed(unknown) }, { token: who });
      expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.municipalityIds': expect.any(String) } });
    }
  });
});

describe('the recorder of a need', () => {
  it('edits it while it is IDENTIFIED without a lead party, but does not move it on', async () => {
    const need = await recordNeed();
    expect(need).toMatchObject({ viewerCan: { edit: true }, allowedTransitions: [] });
    const r = await demo.server.gql(
      UPDATE,
      { id: need.id, v: 1, input: { title: `${need.title} (korjattu)` } },
      { token: demo.token.laukaa },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateServiceNeed).toMatchObject({ version: 2, title: `${need.title} (korjattu)` });
    const move = await demo.server.gql(
      'mutation ($id: ID!) { transitionServiceNeed(id: $id, expectedVersion: 2, to: UNDER_ANALYSIS) { id } }',
      { id: need.id },
      { token: demo.token.laukaa },
    );
    expect(failure(move).code).toBe('FORBIDDEN');
  });

  it('may not take their own party off the need', async () => {
    const need = await recordNeed({ partyIds: [] });
    const r = await demo.server.gql(
      UPDATE,
      { id: need.id, v: 1, input: { municipalityIds: [party('182')] } },
      { token: demo.token.laukaa },
    );
    expect(failure(r)).toMatchObject({ code: 'FORBIDDEN', fields: { 'input.municipalityIds': expect.any(String) } });
  });

  it('no longer edits it once a lead party is set or it has moved on; another representative never did', async () => {
    const need = await recordNeed({ municipalityIds: [party(LAUKAA), party('179')] });
    const other = await demo.server.gql(
      UPDATE,
      { id: need.id, v: 1, input: { title: 'Jyväskylän muutos' } },
      { token: demo.token.jyvaskyla },
    );
    expect(failure(other).code).toBe('FORBIDDEN');
    const lead = await demo.server.gql(
      'mutation ($n: ID!, $p: ID!) { setResponsibility(needId: $n, partyId: $p, role: LEAD) { id } }',
      { n: need.id, p: party('179') },
      { token: demo.token.admin },
    );
    expect(lead.errors).toBeUndefined();
    const refused = await demo.server.gql(
      UPDATE,
      { id: need.id, v: 2, input: { title: 'Myöhäinen korjaus' } },
      { token: demo.token.laukaa },
    );
    expect(failure(refused).code).toBe('FORBIDDEN');

    const moved = await recordNeed();
    await demo.server.gql(
      'mutation ($id: ID!) { transitionServiceNeed(id: $id, expectedVersion: 1, to: UNDER_ANALYSIS) { id } }',
      { id: moved.id },
      { token: demo.token.admin },
    );
    const after = await demo.server.gql(
      `query ($id: ID!) { serviceNeed(id: $id) { ${FIELDS} } }`,
      { id: moved.id },
      { token: demo.token.laukaa },
    );
    expect(after.data!.serviceNeed.viewerCan.edit).toBe(false);
  });
});
