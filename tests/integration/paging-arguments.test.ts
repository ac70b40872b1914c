import { describe, expect, it } from 'vitest';
import { startDemo } from './helpers.js';

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

const demo = startDemo();

describe('the paging arguments of every paged field', () => {
  it.each(PAGED)(
    'refuse after: "" on $field $args as BAD_USER_INPUT naming after, and take after: null as the start',
    async (p) => {
      const empty = await demo.server.gql(page(p, 'first: 1, after: ""'), {}, { token: demo.admin });
      expect(empty.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } }),
      ]);
      const viaVariable = await demo.server.gql(page(p, 'first: 1, after: $a', '($a: String)'), { a: '' }, { token: demo.admin });
      expect(viaVariable.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { after: expect.any(String) },
      });
      const start = await demo.server.gql(page(p, 'first: 1, after: null'), {}, { token: demo.admin });
      expect(start.errors).toBeUndefined();
    },
  );
});

describe('a first over the field’s maximum', () => {
  it.each(PAGED)('is BAD_USER_INPUT naming first on $field $args, as a literal and as a variable', async (p) => {
    const expected = [expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { first: `Must be between 1 and ${p.max}` } })];
    const literal = await demo.server.gql(page(p, 'first: 100000'), {}, { token: demo.admin });
    expect(literal.errors?.map((e) => e.extensions)).toEqual(expected);
    const variable = await demo.server.gql(page(p, 'first: $f', '($f: Int)'), { f: 100000 }, { token: demo.admin });
    expect(variable.errors?.map((e) => e.extensions)).toEqual(expected);
    const largest = await demo.server.gql(page(p, `first: ${p.max}`), {}, { token: demo.admin });
    expect(largest.errors).toBeUndefined();
  });
});
