import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { listen, startDemo, waitFor } from './helpers.js';

const demo = startDemo({ env: { QUERY_MAX_DEPTH: '3', QUERY_MAX_ALIASES: '3', QUERY_MAX_COST: '200' } });

/** Counts calls to the parties list so a test can show that no resolver ran. */
function countPartyListCalls() {
  const service = demo.server.app.internals.services.parties;
  const original = service.list;
  const counter = { calls: 0, restore: () => (service.list = original) };
  service.list = async (...args) => {
    counter.calls++;
    return original(...args);
  };
  return counter;
}

const DEEP = '{ me { party { populations { value } } } }';
const WIDE = '{ a: health b: health c: health d: health }';
const COSTLY = '{ parties { code populations { value referenceDate status source } } }';

describe('query limits', () => {
  it.each([
    ['depth', DEEP, 3],
    ['aliases', WIDE, 3],
    ['cost', COSTLY, 200],
  ])('refuses a query over the %s limit over HTTP before any resolver runs', async (_what, query, limit) => {
    const counter = countPartyListCalls();
    try {
      const r = await demo.server.gql(query, {}, { token: demo.admin });
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
      expect(r.errors?.[0]?.extensions?.actual).toBeGreaterThan(limit);
      expect(r.data ?? null).toBeNull();
      expect(counter.calls).toBe(0);
    } finally {
      counter.restore();
    }
  });

  it('refuses the same queries over the WebSocket before any resolver runs', async () => {
    const counter = countPartyListCalls();
    try {
      const client = demo.server.ws(demo.admin);
      for (const query of [DEEP, WIDE, COSTLY]) {
        const sub = listen(client, query);
        await waitFor(() => sub.errors.length > 0, 5_000, 'a refusal');
        expect(JSON.stringify(sub.errors)).toContain('QUERY_TOO_COMPLEX');
      }
      expect(counter.calls).toBe(0);
    } finally {
      counter.restore();
    }
  });

  it('refuses a field repeated so often that graphql-js stops checking it as QUERY_TOO_COMPLEX saying what to change', async () => {
    const repeated = `{ ${Array.from({ length: 700 }, () => 'parties { code }').join(' ')} }`;
    const r = await demo.server.gql(repeated, {}, { token: demo.admin });
    expect(r.status).toBe(400);
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/repeats fields too often.*ask for each field once/),
      extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'repeatedFields' },
    });
    const sub = listen(demo.server.ws(demo.admin), repeated);
    await waitFor(() => sub.errors.length > 0, 5_000, 'a refusal');
    expect(JSON.stringify(sub.errors)).toContain('"measure":"repeatedFields"');
  });

  it('lets a query within the limits run', async () => {
    const r = await demo.server.gql('{ parties { code } }', {}, { token: demo.admin });
    expect(r.status).toBe(200);
    expect(r.data?.parties).toHaveLength(24);
  });
});

describe('malformed requests', () => {
  it('answers a syntax error with 400 and BAD_USER_INPUT, never 500', async () => {
    const r = await demo.server.gql('{ parties { code ', {}, { token: demo.admin });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a syntax error on the socket for that operation alone and keeps the socket open', async () => {
    const client = demo.server.ws(demo.admin);
    const bad = listen(client, 'subscription { partyChanged { ');
    await waitFor(() => bad.errors.length > 0, 5_000, 'the syntax error');
    const good = listen(client, '{ health }');
    expect(await good.next()).toEqual({ health: true });
  });

  it('refuses a request without a JSON content type (CSRF prevention)', async () => {
    const res = await fetch(`${demo.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ health }"}',
    });
    expect(res.status).toBe(400);
    const get = await fetch(`${demo.server.url}/graphql?query=%7Bhealth%7D`);
    expect(get.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${demo.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ health }' }, { query: '{ health }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('names the argument a variable of the wrong type fills (the input path, not the variable)', async () => {
    const r = await demo.server.gql('query ($k: PartyKind) { parties(kind: $k) { id } }', { k: 'CASTLE' }, { token: demo.admin });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(r.errors?.[0]?.extensions?.fields ?? {})).toEqual(['kind']);
  });
});

describe('introspection and suggestions', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('serves introspection to signed-in users and API tokens', async () => {
    expect((await demo.server.gql(INTROSPECT, {}, { token: demo.admin })).data?.__schema.queryType.name).toBe('Query');
    const api = await demo.server.gql(
      'mutation { createApiToken(name: "schema", scopes: [READ]) { token } }',
      {},
      { token: demo.admin },
    );
    const r = await demo.server.gql(INTROSPECT, {}, { token: api.data!.createApiToken.token });
    expect(r.data?.__schema.queryType.name).toBe('Query');
  });

  it('refuses introspection to anonymous callers, on HTTP and WebSocket', async () => {
    const r = await demo.server.gql(INTROSPECT);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.data ?? null).toBeNull();
    const sub = listen(demo.server.ws(), INTROSPECT);
    await waitFor(() => sub.errors.length > 0, 5_000, 'the refusal');
    expect(JSON.stringify(sub.errors)).toContain('UNAUTHENTICATED');
  });

  it('gives anonymous callers no "did you mean" suggestions, but signed-in users get them', async () => {
    const anon = await demo.server.gql('{ partie { id } }');
    expect(anon.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const signed = await demo.server.gql('{ partie { id } }', {}, { token: demo.admin });
    expect(signed.errors?.[0]?.message).toMatch(/Did you mean "parties"/);
  });
});

describe('unexpected errors', () => {
  it('are masked with the request id and no internals', async () => {
    const service = demo.server.app.internals.services.parties;
    const original = service.list;
    service.list = async () => {
      throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
    };
    try {
      const r = await demo.server.gql('{ parties { id } }', {}, { token: demo.admin });
      const error = r.errors?.[0];
      expect(error?.message).toBe('Internal server error');
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.extensions?.requestId).toBe(r.headers.get('x-request-id'));
      expect(JSON.stringify(r.errors)).not.toMatch(/secret_table|stack|SELECT/);
    } finally {
      service.list = original;
    }
  });
});

describe('health', () => {
  it('answers GET /healthz with 200 {"status":"ok"}', async () => {
    const res = await fetch(`${demo.server.url}/healthz`);
    expect(res.status).toBe(200);
    // The contract's body, with what it checked beside it (docs/realtime.md, "Health").
    expect(await res.json()).toMatchObject({ status: 'ok', db: 'up', bus: 'up' });
  });
});

describe('malformed HTTP requests get the contract shape, never HTML or a stack', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${demo.server.url}/graphql`, { method: 'POST', headers, body });
  const get = (params: Record<string, string>) =>
    fetch(`${demo.server.url}/graphql?${new URLSearchParams(params)}`, {
      headers: { 'apollo-require-preflight': '1', authorization: `Bearer ${demo.admin}` },
    });

  it.each([
    ['malformed JSON', () => post('{"query":'), 400],
    ['a body over 2 MB', () => post(JSON.stringify({ query: `{ health } #${'x'.repeat(2_100_000)}` })), 413],
    ['no query', () => post('{}'), 400],
    ['a batch', () => post('[{"query":"{ health }"}]'), 400],
    ['text/plain (CSRF)', () => post('{"query":"{ health }"}', { 'content-type': 'text/plain' }), 400],
    ['a subscription over HTTP', () => post(JSON.stringify({ query: 'subscription { partyChanged { kind } }' })), 400],
    [
      'a charset the server cannot read',
      () => post('{"query":"{ health }"}', { 'content-type': 'application/json; charset=klingon' }),
      415,
    ],
    ['an empty query', () => post('{"query":""}'), 400],
    ['variables that are text', () => post('{"query":"{ health }","variables":"x"}'), 400],
    ['variables that are a list', () => post('{"query":"{ health }","variables":[]}'), 400],
    ['variables that are a number', () => post('{"query":"{ health }","variables":5}'), 400],
    ['extensions that are text', () => post('{"query":"{ health }","extensions":"x"}'), 400],
    ['an operation name that is a number', () => post('{"query":"{ health }","operationName":5}'), 400],
    ['a mutation over GET', () => get({ query: 'mutation { logout }' }), 405],
    ['variables over GET that are not JSON', () => get({ query: '{ health }', variables: '{x' }), 400],
  ])('answers %s with BAD_USER_INPUT in JSON', async (_what, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.extensions.fields).toBeTypeOf('object');
    expect(JSON.stringify(body)).not.toMatch(/node_modules|at .*\.ts:/);
  });

  it('runs a query over GET with a preflight header and its variables as JSON', async () => {
    const res = await get({
      query: 'query Q($k: PartyKind) { parties(kind: $k) { kind } }',
      variables: '{"k":"REGIONAL_COUNCIL"}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { parties: [{ kind: 'REGIONAL_COUNCIL' }] } });
  });
});

describe('invalid scalars', () => {
  it('name the input path of an impossible date in BAD_USER_INPUT', async () => {
    const r = await demo.server.gql(
      'mutation ($id: ID!, $input: PopulationFigureInput!) { addPopulationFigure(partyId: $id, input: $input) { id } }',
      {
        id: '00000000-0000-0000-0000-000000000000',
        input: { value: 1, referenceDate: '2020-02-30', status: 'FINAL', source: 'x' },
      },
      { token: demo.admin },
    );
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.referenceDate': expect.any(String) },
    });
  });
});

describe('NUL characters', () => {
  it('are refused as BAD_USER_INPUT naming the input path, also for API tokens (whose disclosure is still logged)', async () => {
    const m =
      'mutation ($id: ID!, $v: Int!, $s: String) { updateParty(id: $id, expectedVersion: $v, input: { subRegion: $s }) { id } }';
    const r = await demo.server.gql(
      m,
      { id: '00000000-0000-0000-0000-000000000000', v: 1, s: 'a\u0000b' },
      { token: demo.admin },
    );
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.subRegion': expect.any(String) },
    });
    const api = await demo.server.gql(
      'mutation { createApiToken(name: "nul", scopes: [READ]) { token } }',
      {},
      { token: demo.admin },
    );
    const byToken = await demo.server.gql(
      'query ($k: String) { parties { code } changes(entityType: $k) { totalCount } }',
      { k: 'x\u0000' },
      { token: api.data!.createApiToken.token },
    );
    expect(byToken.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ws = listen(
      demo.server.ws(api.data!.createApiToken.token),
      'query ($k: String) { changes(entityType: $k) { totalCount } }',
      { k: '\u0000' },
    );
    await waitFor(() => ws.errors.length > 0, 5_000, 'the refusal');
    expect(JSON.stringify(ws.errors)).toContain('BAD_USER_INPUT');
  });
});

describe('invisible direction controls', () => {
  it('are refused in people’s text as BAD_USER_INPUT naming the field, and nothing is created', async () => {
    const create = 'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }';
    const { data } = await demo.server.gql('{ parties(kind: MUNICIPALITY) { id } }', {}, { token: demo.admin });
    const title = `Tarve \u202Elive\u202C ${Date.now()}`;
    const input = { title, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [data!.parties[0].id] };
    const r = await demo.server.gql(create, { input }, { token: demo.admin });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.title': expect.any(String) } });
    const isolate = await demo.server.gql(
      create,
      { input: { ...input, title: 'Tarve', summary: 'a\u2067b\u2069' } },
      { token: demo.admin },
    );
    expect(isolate.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.summary': expect.any(String) },
    });
    const found = await demo.server.gql(
      'query ($t: String) { serviceNeeds(filter: { text: $t }) { totalCount } }',
      { t: 'live' },
      { token: demo.admin },
    );
    expect(found.data!.serviceNeeds.totalCount).toBe(0);
    // Right-to-left letters need none of them.
    const arabic = await demo.server.gql(
      create,
      { input: { ...input, title: `خدمة الشباب ${Date.now()}` } },
      { token: demo.admin },
    );
    expect(arabic.errors).toBeUndefined();
  });
});

describe('a request the HTTP parser refuses', () => {
  /** Sends raw bytes and reads the whole answer (status line, headers, body). */
  function raw(bytes: string): Promise<string> {
    const { hostname, port } = new URL(demo.server.url);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => socket.end(bytes));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  it('answers headers over 16 kB with 431 and the contract’s error shape, and a malformed request with 400', async () => {
    const big = await raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'a'.repeat(100_000)}\r\n\r\n`);
    expect(big.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    const body = JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4));
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(big).toMatch(/content-type: application\/json/i);
    const malformed = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(malformed.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(malformed.slice(malformed.indexOf('\r\n\r\n') + 4)).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // The server goes on answering.
    expect((await demo.server.gql('{ me { id } }', {}, { token: demo.admin })).errors).toBeUndefined();
  });
});
