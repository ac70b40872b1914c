import { buildSchema, getOperationAST, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { anonymous, type Actor, type UserActor } from '../auth/actor.js';
import { createGate, type Transport } from './gate.js';

const schema = buildSchema(`
  type Query { item(id: ID!): Item, items(first: Int): [Item!]!, name(text: String): String }
  type Item { id: ID!, children: [Item!]! }
  type Mutation { rename(id: ID!, text: String!): Item, create(input: ItemInput!): Item }
  input ItemInput { title: String!, tags: [String!] }
  type Subscription { itemChanged: Item }
`);
const limits = { maxDepth: 4, maxAliases: 2, maxCost: 500, maxTokens: 1000 };
const user: UserActor = { kind: 'user', userId: 'u1', displayName: 'U', partyId: null, roles: [], via: 'session' };
const token: UserActor = { ...user, via: 'api_token', apiTokenId: 't1' };
const ID = '00000000-0000-4000-8000-000000000001';

const gate = createGate(schema, limits);
/** The gate's answer for one request: the code of its first refusal, or 'ok'. */
function verdict(
  query: string,
  opts: { variables?: Record<string, unknown>; actor?: Actor; transport?: Transport; operationName?: string } = {},
) {
  const document = gate.document(query) as DocumentNode;
  expect(document).toHaveProperty('kind');
  const refusal = gate.check({
    transport: opts.transport ?? 'ws',
    document,
    operation: getOperationAST(document, opts.operationName),
    variables: opts.variables ?? {},
    actor: opts.actor ?? user,
  });
  return refusal?.[0]
    ? {
        code: refusal[0].extensions.code,
        status: (refusal[0].extensions.http as { status?: number } | undefined)?.status,
        error: refusal[0],
      }
    : 'ok';
}

describe('the gate', () => {
  it('lets a plain query within the limits through', () => {
    expect(verdict(`{ item(id: "${ID}") { id children { id } } }`)).toBe('ok');
  });

  it('refuses depth, aliases and cost over the limits with QUERY_TOO_COMPLEX naming the limit', () => {
    expect(verdict('{ items { children { children { children { id } } } } }')).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      status: 400,
      error: { extensions: { measure: 'depth', limit: 4 } },
    });
    expect(verdict('{ a: name b: name c: name }')).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      error: { extensions: { measure: 'aliases', limit: 2 } },
    });
    expect(verdict('{ items(first: 100) { id children { id } } }')).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      error: { extensions: { measure: 'cost', limit: 500 } },
    });
  });

  it('measures the operation that runs, not the others of the document', () => {
    const doc = 'query Light { name } query Heavy { a: name b: name c: name }';
    expect(verdict(doc, { operationName: 'Light' })).toBe('ok');
    expect(verdict(doc, { operationName: 'Heavy' })).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('refuses introspection to anonymous callers (401) and serves it to users and API tokens', () => {
    const q = '{ __schema { queryType { name } } }';
    expect(verdict(q, { actor: anonymous })).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(verdict(q, { actor: user })).toBe('ok');
    expect(verdict(q, { actor: token })).toBe('ok');
  });

  it('refuses every mutation to an API token (403) and lets a session run it', () => {
    const m = `mutation { rename(id: "${ID}", text: "x") { id } }`;
    expect(verdict(m, { actor: token })).toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
      error: { message: 'API tokens are read-only' },
    });
    expect(verdict(m, { actor: user })).toBe('ok');
  });

  it('refuses a NUL in the variables before anything else, naming the input path the variable fills', () => {
    const r = verdict('query ($t: String) { a: name(text: $t) b: name c: name }', { variables: { t: 'a\u0000b' } });
    expect(r).toMatchObject({
      code: 'BAD_USER_INPUT',
      status: 400,
      error: { extensions: { fields: { text: expect.any(String) } } },
    });
    const create = 'mutation ($i: ItemInput!) { create(input: $i) { id } }';
    const nested = verdict(create, { variables: { i: { title: 'a\u0000' } } });
    expect(nested).toMatchObject({ status: 400, error: { extensions: { fields: { 'input.title': expect.any(String) } } } });
    const inList = verdict('mutation ($t: String!) { create(input: { title: "x", tags: ["a", $t] }) { id } }', {
      variables: { t: '\u0000' },
    });
    expect(inList).toMatchObject({ error: { extensions: { fields: { 'input.tags[1]': expect.any(String) } } } });
    // Not declared, so not used by the operation: there is no argument to name, so the variable is.
    const unused = verdict('{ name }', { variables: { u: '\u0000' } });
    expect(unused).toMatchObject({ error: { extensions: { fields: { u: expect.any(String) } } } });
  });

  it('refuses a literal argument that is no UUID or holds a NUL, naming it', () => {
    expect(verdict('{ item(id: "42") { id } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      status: 400,
      error: { extensions: { fields: { id: 'Not a valid id' } } },
    });
    expect(verdict('{ name(text: "a\\u0000") }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      error: { extensions: { fields: { text: expect.stringContaining('NUL') } } },
    });
  });

  it('checks the arguments of a selection @skip leaves out only when it is left out, and one whose `if` it cannot read', () => {
    const q = 'query ($b: Boolean = true) { item(id: "42") @skip(if: $b) { id } }';
    expect(verdict(q)).toBe('ok');
    expect(verdict(q, { variables: { b: false } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    // Valid, yet `if` reads null (a nullable variable with a default, sent as null): the check counts the selection as
    // running rather than throwing graphql-js's error itself; execution refuses the directive.
    expect(verdict(q, { variables: { b: null } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      error: { extensions: { fields: { id: 'Not a valid id' } } },
    });
  });

  it('refuses a variable of the wrong type on both transports (400), naming the argument it fills', () => {
    const q = 'query ($n: Int) { items(first: $n) { id } }';
    for (const transport of ['ws', 'http'] as const)
      expect(verdict(q, { variables: { n: 'many' }, transport })).toMatchObject({
        code: 'BAD_USER_INPUT',
        status: 400,
        error: { extensions: { fields: { first: expect.any(String) } } },
      });
    const create = 'mutation ($i: ItemInput!) { create(input: $i) { id } }';
    expect(verdict(create, { variables: { i: { title: 5, tags: 'x' } }, transport: 'http' })).toMatchObject({
      error: { extensions: { fields: { 'input.title': expect.any(String) } } },
    });
  });

  it('refuses a first beyond GraphQL Int as invalid input on that argument, not as a cost', () => {
    const q = 'query ($n: Int) { items(first: $n) { id children { id } } }';
    for (const transport of ['ws', 'http'] as const)
      expect(verdict(q, { variables: { n: 2147483648 }, transport })).toMatchObject({
        code: 'BAD_USER_INPUT',
        status: 400,
        error: { extensions: { fields: { first: expect.stringContaining('2147483648') } } },
      });
  });

  it('answers a document without the named operation with BAD_USER_INPUT', () => {
    const document = gate.document('query A { name }') as DocumentNode;
    const refusal = gate.check({
      transport: 'ws',
      document,
      operation: getOperationAST(document, 'B'),
      variables: {},
      actor: user,
    });
    expect(refusal?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { operationName: 'Unknown operation' } });
  });

  it('answers syntax and validation errors as BAD_USER_INPUT, and caches the document by its text', () => {
    const broken = gate.document('{ name ');
    expect(Array.isArray(broken) && broken[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const unknown = gate.document('{ nope }');
    expect(Array.isArray(unknown) && unknown[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(gate.document('{ name }')).toBe(gate.document('{ name }'));
  });

  it('records one disclosure for a token and none for a session', async () => {
    const recorded: unknown[] = [];
    const services = { analytics: { recordDisclosure: async (_actor: Actor, input: unknown) => void recorded.push(input) } };
    const document = gate.document('query Names { name }') as DocumentNode;
    const d = {
      transport: 'ws' as const,
      operation: getOperationAST(document),
      operationName: undefined,
      query: 'query Names { name }',
      variables: {},
      errors: undefined,
    };
    await gate.disclose({ actor: user, requestId: 'r0', services }, d);
    await gate.disclose({ actor: token, requestId: 'r1', services }, d);
    expect(recorded).toEqual([
      {
        requestId: 'r1',
        transport: 'ws',
        operationType: 'query',
        operationName: 'Names',
        rootFields: ['name'],
        query: 'query Names { name }',
        variables: {},
        outcome: 'ok',
      },
    ]);
  });
});
