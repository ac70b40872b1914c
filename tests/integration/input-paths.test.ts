import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { listen, startDemo, waitFor, type GqlResponse } from './helpers.js';

/**
 * `extensions.fields` names input paths (`input.title`), never the client's variable names (`i.title`),
 * over HTTP and the WebSocket alike; a cost hint never suggests a `first` the field refuses.
 */
const demo = startDemo({ region: true });

const refusal = (r: GqlResponse) => ({ status: r.status, extensions: r.errors?.[0]?.extensions });

/** The errors an operation on a new socket ends with. */
async function overSocket(query: string, variables: Record<string, unknown>) {
  const sub = listen(demo.server.ws(demo.admin), query, variables);
  await waitFor(() => sub.errors.length > 0, 10_000, 'the refusal');
  return sub.errors.flat() as { extensions?: Record<string, unknown> }[];
}

const CREATE_NEED = 'mutation ($i: CreateServiceNeedInput!) { createServiceNeed(input: $i) { id } }';
const need = (over: Record<string, unknown>) => ({
  title: 'Tarve',
  targetGroups: ['YOUTH'],
  themeCodes: ['YOUTH'],
  municipalityIds: [demo.region.party('179')],
  ...over,
});

describe('the input path of a variable', () => {
  it('names the argument a variable with a NUL fills (400), over HTTP and the WebSocket', async () => {
    const apiToken = await demo.server.gql(
      'mutation ($n: String!) { createApiToken(name: $n, scopes: [READ]) { token } }',
      { n: 'a\u0000' },
      { token: demo.admin },
    );
    expect(refusal(apiToken)).toEqual({
      status: 400,
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { name: expect.any(String) } }),
    });
    const login = await demo.server.gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: 'admin@demo.local',
      p: 'x\u0000',
    });
    expect(refusal(login)).toMatchObject({ status: 400, extensions: { fields: { password: expect.any(String) } } });
    const created = await demo.server.gql(CREATE_NEED, { i: need({ title: 'a\u0000' }) }, { token: demo.admin });
    expect(refusal(created)).toMatchObject({ status: 400, extensions: { fields: { 'input.title': expect.any(String) } } });
    expect(await overSocket(CREATE_NEED, { i: need({ title: 'a\u0000' }) })).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { 'input.title': expect.any(String) } }),
      }),
    ]);
  });

  it('names the argument, inside lists and objects, of a variable of the wrong type (400), over both transports', async () => {
    const http = await demo.server.gql(CREATE_NEED, { i: need({ targetGroups: ['YOUTH', 'NOPE'] }) }, { token: demo.admin });
    expect(refusal(http)).toMatchObject({
      status: 400,
      extensions: { code: 'BAD_USER_INPUT', fields: { 'input.targetGroups[1]': expect.stringContaining('NOPE') } },
    });
    const inList = await demo.server.gql(
      'query ($s: NeedStatus!) { serviceNeeds(filter: { status: [IDENTIFIED, $s] }) { totalCount } }',
      { s: 'LOST' },
      { token: demo.admin },
    );
    expect(refusal(inList)).toMatchObject({ status: 400, extensions: { fields: { 'filter.status[1]': expect.any(String) } } });
    expect(await overSocket(CREATE_NEED, { i: need({ targetGroups: ['NOPE'] }) })).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { 'input.targetGroups[0]': expect.any(String) } }),
      }),
    ]);
  });
});

describe('two variables that fill arguments of the same name', () => {
  it('keep an error each: the second is named under its field, over both transports', async () => {
    const BOTH = 'query ($a: ID!, $b: ID!) { serviceNeed(id: $a) { id } meeting(id: $b) { id } }';
    const fields = { id: expect.stringContaining('"$a"'), 'meeting.id': expect.stringContaining('"$b"') };
    const http = await demo.server.gql(BOTH, { a: true, b: { x: 1 } }, { token: demo.admin });
    expect(refusal(http)).toMatchObject({ status: 400, extensions: { code: 'BAD_USER_INPUT' } });
    expect(http.errors![0]!.extensions!.fields).toEqual(fields);
    const [socket] = await overSocket(BOTH, { a: true, b: { x: 1 } });
    expect(socket!.extensions!.fields).toEqual(fields);
  });
});

describe('the input path of a literal', () => {
  it('names the argument a literal of the wrong value fills, as a variable does, over HTTP and the WebSocket', async () => {
    const needId = (await factory.makeNeed(demo.server, demo.admin, { municipalityIds: [demo.region.party('179')] })).id;
    const asOf = `{ serviceNeed(id: "${needId}", asOf: "0001-01-01T00:00:00Z") { id } }`;
    expect(refusal(await demo.server.gql(asOf, {}, { token: demo.admin }))).toMatchObject({
      status: 400,
      extensions: { code: 'BAD_USER_INPUT', fields: { asOf: expect.any(String) } },
    });
    expect(await overSocket(asOf, {})).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { asOf: expect.any(String) } }),
      }),
    ]);
    const nested = `mutation { createServiceNeed(input: { title: "T", targetGroups: [YOUTH, NOBODY], themeCodes: [], municipalityIds: [] }) { id } }`;
    expect(refusal(await demo.server.gql(nested, {}, { token: demo.admin }))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', fields: { 'input.targetGroups[1]': expect.any(String) } },
    });
  });
});

describe('first and the cost limit', () => {
  const PAGE = 'query ($f: Int) { serviceNeeds(first: $f) { edges { node { id title status priority } } } }';
  // Costly even at the largest page: each need's actions and municipalities.
  const HEAVY =
    'query ($f: Int) { serviceNeeds(first: $f) { edges { node { id title status actions { id title dueDate status ownerParty { code name } } municipalities { code name names { fi sv } } } } } }';

  it('refuses a first over the field’s maximum as BAD_USER_INPUT on first when the largest page is within the cost limit', async () => {
    const r = await demo.server.gql(PAGE, { f: 2147483647 }, { token: demo.admin });
    expect(refusal(r)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: { first: 'Must be between 1 and 100' } } });
  });

  it('suggests no first over the field’s maximum when even the largest page costs too much, and the suggestion runs', async () => {
    const r = await demo.server.gql(HEAVY, { f: 2147483647 }, { token: demo.admin });
    expect(r.status).toBe(400);
    const suggested = r.errors![0]!.extensions!.suggestedFirst as number;
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', listPath: 'serviceNeeds' });
    expect(suggested).toBeGreaterThanOrEqual(1);
    expect(suggested).toBeLessThanOrEqual(100);
    expect(r.errors![0]!.message).toContain(`ask for first: ${suggested} or fewer`);
    const next = await demo.server.gql(HEAVY, { f: suggested }, { token: demo.admin });
    expect(next.errors).toBeUndefined();
  });

  it('refuses a first beyond GraphQL Int as invalid input on first, not as a cost, over both transports', async () => {
    const r = await demo.server.gql(PAGE, { f: 2147483648 }, { token: demo.admin });
    expect(refusal(r)).toMatchObject({
      status: 400,
      extensions: { code: 'BAD_USER_INPUT', fields: { first: expect.stringContaining('2147483648') } },
    });
    expect(await overSocket(PAGE, { f: 2147483648 })).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } }),
      }),
    ]);
  });
});
