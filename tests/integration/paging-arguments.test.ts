import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

/** Every paged field (one with `first` and `after`), with its largest `first`, asked for as a client pages it. */
const PAGED = [
  { field: 'serviceNeeds', args: '', max: 100 },
  { field: 'notifications', args: '', max: 100 },
  { field: 'changes', args: '', max: 1000 },
  { field: 'changes', args: 'order: NEWEST_FIRST', max: 1000 },
  { field: 'disclosures', args: '', max: 100 },
  { field: 'indicatorValues', args: '', max: 100 },
];
const page = (p: (typeof PAGED)[number], args: string, variables = '') =>
  `query ${variables} { ${p.field}(${[p.args, args].filter(Boolean).join(', ')}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`;

let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login('admin@demo.local');
});
afterAll(() => server?.stop());

describe('the paging arguments of every paged field', () => {
  it.each(PAGED)(
    'refuse after: "" on $field $args as BAD_USER_INPUT naming after, and take after: null as the start',
    async (p) => {
      const empty = await server.gql(page(p, 'first: 1, after: ""'), {}, { token: admin });
      expect(empty.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } }),
      ]);
      const viaVariable = await server.gql(page(p, 'first: 1, after: $a', '($a: String)'), { a: '' }, { token: admin });
      expect(viaVariable.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { after: expect.any(String) },
      });
      const start = await server.gql(page(p, 'first: 1, after: null'), {}, { token: admin });
      expect(start.errors).toBeUndefined();
    },
  );
});

describe('a first over the field’s maximum', () => {
  it.each(PAGED)('is BAD_USER_INPUT naming first on $field $args, as a literal and as a variable', async (p) => {
    const expected = [expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { first: `Must be between 1 and ${p.max}` } })];
    const literal = await server.gql(page(p, 'first: 100000'), {}, { token: admin });
    expect(literal.errors?.map((e) => e.extensions)).toEqual(expected);
    const variable = await server.gql(page(p, 'first: $f', '($f: Int)'), { f: 100000 }, { token: admin });
    expect(variable.errors?.map((e) => e.extensions)).toEqual(expected);
    const largest = await server.gql(page(p, `first: ${p.max}`), {}, { token: admin });
    expect(largest.errors).toBeUndefined();
  });
});
