import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './helpers.js';

// Data limits far below the standard introspection query's depth (15): introspection has its own bound.
let apiToken: string;
const demo = startDemo({ env: { QUERY_MAX_DEPTH: '3', QUERY_MAX_ALIASES: '3', QUERY_MAX_COST: '200' } });
beforeAll(async () => {
  const api = await demo.server.gql(
    'mutation { createApiToken(name: "schema tools", scopes: [READ]) { token } }',
    {},
    { token: demo.admin },
  );
  apiToken = api.data!.createApiToken.token;
});

const FULL = getIntrospectionQuery();
const FULL_ALL_OPTIONS = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});
const ofTypes = (n: number) => `${'ofType { '.repeat(n)}name${' }'.repeat(n)}`;
const DEEP_INTROSPECTION = `{ __type(name: "Query") { fields { type { ${ofTypes(40)} } } } }`;
const WIDE_INTROSPECTION = `{ ${['a', 'b', 'c', 'd'].map((a) => `${a}: __type(name: "Query") { name }`).join(' ')} }`;
const MIXED_DEEP_DATA = '{ __schema { queryType { name } } me { party { populations { value } } } }';

/** Runs one operation on a fresh graphql-ws socket and returns its result, or the errors it was refused with. */
function overSocket(token: string | undefined, query: string): Promise<{ data?: any; errors?: any[] }> {
  return new Promise((resolve) => {
    demo.server.ws(token).subscribe<any>(
      { query },
      {
        next: (result) => resolve({ data: result.data, errors: result.errors as any[] | undefined }),
        error: (err) => resolve({ errors: Array.isArray(err) ? err : [err] }),
        complete: () => {},
      },
    );
  });
}

describe('the standard full introspection query', () => {
  it.each([
    ['a session', 'default', () => demo.admin, FULL],
    ['a session', 'all options', () => demo.admin, FULL_ALL_OPTIONS],
    ['an API token', 'default', () => apiToken, FULL],
    ['an API token', 'all options', () => apiToken, FULL_ALL_OPTIONS],
  ])('is served over HTTP with %s (%s)', async (_who, _options, token, query) => {
    const r = await demo.server.gql(query, {}, { token: token() });
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.data?.__schema.queryType.name).toBe('Query');
    expect(r.data?.__schema.types.map((t: { name: string }) => t.name)).toContain('Meeting');
  });

  it('is served over graphql-ws with a session and an API token', async () => {
    for (const token of [demo.admin, apiToken]) {
      const r = await overSocket(token, FULL_ALL_OPTIONS);
      expect(r.errors).toBeUndefined();
      expect(r.data?.__schema.queryType.name).toBe('Query');
    }
  });

  it('is still refused to anonymous callers (401 UNAUTHENTICATED), on HTTP and WebSocket', async () => {
    const r = await demo.server.gql(FULL);
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.data ?? null).toBeNull();
    const ws = await overSocket(undefined, FULL);
    expect(ws.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('introspection is no way around the limits', () => {
  it('limits the data part of a query that also introspects', async () => {
    const r = await demo.server.gql(MIXED_DEEP_DATA, {}, { token: demo.admin });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 3, actual: 4 });
    expect(r.data ?? null).toBeNull();
    const ws = await overSocket(demo.admin, MIXED_DEEP_DATA);
    expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'depth' });
  });

  it('refuses an absurdly deep introspection query', async () => {
    const r = await demo.server.gql(DEEP_INTROSPECTION, {}, { token: apiToken });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'introspectionDepth' });
    expect(r.errors?.[0]?.extensions?.actual).toBeGreaterThan(r.errors?.[0]?.extensions?.limit);
    const ws = await overSocket(apiToken, DEEP_INTROSPECTION);
    expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'introspectionDepth' });
  });

  it('refuses introspection with more aliases than the alias limit', async () => {
    const r = await demo.server.gql(WIDE_INTROSPECTION, {}, { token: demo.admin });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      measure: 'introspectionAliases',
      limit: 3,
      actual: 4,
    });
    const ws = await overSocket(demo.admin, WIDE_INTROSPECTION);
    expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'introspectionAliases' });
  });
});
