import { buildSchema, getIntrospectionQuery, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkLimits, DEFAULT_LIST_SIZE, INTROSPECTION_MAX_DEPTH, measure } from './limits.js';

const schema = buildSchema(`
  type Query { items(first: Int): ItemConnection!, changes(first: Int): ItemConnection!, list: [Item!]!, item: Item }
  type ItemConnection { edges: [Edge!]!, totalCount: Int! }
  type Edge { node: Item! }
  type Item { id: ID!, name: String, children: [Item!]!, kids(first: Int): ItemConnection! }
`);

const run = (source: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(source);
  return measure(schema, doc, doc.definitions[0] as OperationDefinitionNode, variables);
};

describe('measure', () => {
  it('counts depth and aliases, following fragments', () => {
    const m = run('{ a: item { b: children { id ...F } } } fragment F on Item { children { id } }');
    expect(m.aliases).toBe(2);
    expect(m.depth).toBe(4);
  });

  it('multiplies by first on connections and by the default size on plain lists', () => {
    expect(run('{ items(first: 50) { edges { node { id } } } }').cost).toBe(1 + 1 + 50 * (1 + 1));
    expect(run('query ($n: Int) { items(first: $n) { edges { node { id } } } }', { n: 7 }).cost).toBe(1 + 1 + 7 * (1 + 1));
    expect(run('{ list { id name } }').cost).toBe(1 + DEFAULT_LIST_SIZE * 2);
  });

  it('counts a connection without first as a default page, and takes first from a variable default', () => {
    expect(run('{ items { edges { node { id } } } }').cost).toBe(1 + 1 + 50 * 2);
    expect(run('query ($n: Int = 100) { items(first: $n) { edges { node { id } } } }').cost).toBe(1 + 1 + 100 * 2);
  });

  it("counts a connection's totalCount and pageInfo once per page, its edges per item, in fragments too", () => {
    expect(run('{ changes(first: 1000) { totalCount edges { node { id } } } }').cost).toBe(1 + 1 + 1 + 1000 * 2);
    expect(run('{ changes(first: 1000) { ...P } } fragment P on ItemConnection { totalCount edges { node { id } } }').cost).toBe(
      1 + 1 + 1 + 1000 * 2,
    );
    // The same fragment under a connection of another page size is measured for that size.
    expect(
      run('{ a: items(first: 10) { ...P } b: items(first: 20) { ...P } } fragment P on ItemConnection { edges { node { id } } }')
        .cost,
    ).toBe(2 * 2 + 30 * 2);
    // Lists inside a node still multiply.
    expect(run('{ items(first: 10) { edges { node { children { id } } } } }').cost).toBe(1 + 1 + 10 * (1 + 1 + 20));
  });

  it("counts a first over the field's maximum as the largest page, which is all the field would ever answer", () => {
    const page = (field: string, first: number) => run(`{ ${field}(first: ${first}) { totalCount edges { node { id } } } }`);
    expect(page('items', 100_000).cost).toBe(page('items', 100).cost);
    expect(page('items', 100_000).heaviestList).toMatchObject({ first: 100, max: 100 });
    expect(page('changes', 5000).cost).toBe(page('changes', 1000).cost);
    expect(run('query ($n: Int) { items(first: $n) { edges { node { id } } } }', { n: 2147483647 }).cost).toBe(1 + 1 + 100 * 2);
  });

  it('measures nested fragment spreads once each, so a doubling chain stays cheap to measure and is refused', () => {
    const levels = 40;
    const frags = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Item { id }` : `fragment F${i} on Item { children { ...F${i + 1} ...F${i + 1} } }`,
    );
    const started = Date.now();
    const m = run(`{ item { ...F0 } } ${frags.join(' ')}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(m.depth).toBeGreaterThan(levels);
    expect(m.cost).toBeGreaterThan(1_000_000);
  });

  it('counts depth and aliases inside introspection apart from the data', () => {
    const m = run('{ __schema { a: types { b: fields { c: type { ofType { ofType { name } } } } } } }');
    expect(m).toMatchObject({ depth: 0, aliases: 0, cost: 0, introspectionDepth: 7, introspectionAliases: 3 });
    const mixed = run('{ x: item { y: children { id } } ...Q } fragment Q on Query { __type(name: "Item") { z: name } }');
    expect(mixed).toMatchObject({ depth: 3, aliases: 2, introspectionDepth: 2, introspectionAliases: 1 });
  });

  it('lets the standard full introspection query through and refuses a deeper or wider one', () => {
    const limits = { maxDepth: 3, maxAliases: 2, maxCost: 100, maxTokens: 5000 };
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(checkLimits(run(full), limits)).toBeUndefined();
    const deep = `{ __type(name: "Item") { ${'ofType { '.repeat(INTROSPECTION_MAX_DEPTH)}name${' }'.repeat(INTROSPECTION_MAX_DEPTH)} } }`;
    expect(checkLimits(run(deep), limits)?.extensions).toMatchObject({
      measure: 'introspectionDepth',
      limit: INTROSPECTION_MAX_DEPTH,
    });
    const wide = '{ a: __type(name: "Item") { name } b: __type(name: "Edge") { name } c: __type(name: "Query") { name } }';
    expect(checkLimits(run(wide), limits)?.extensions).toMatchObject({ measure: 'introspectionAliases', limit: 2, actual: 3 });
    expect(
      checkLimits(run('{ __schema { queryType { name } } item { children { children { id } } } }'), limits)?.extensions,
    ).toMatchObject({
      measure: 'depth',
      actual: 4,
    });
  });

  it('notices introspection', () => {
    expect(run('{ __schema { types { name } } }').introspection).toBe(true);
    expect(run('{ item { __typename } }').introspection).toBe(false);
  });
});

describe('checkLimits', () => {
  const limits = { maxDepth: 3, maxAliases: 1, maxCost: 100, maxTokens: 1000 };
  it('names the limit and the actual value of the first one exceeded', () => {
    const err = checkLimits({ depth: 5, aliases: 0, cost: 1, introspection: false }, limits);
    expect(err?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 3, actual: 5 });
    expect(checkLimits({ depth: 1, aliases: 2, cost: 1, introspection: false }, limits)?.extensions.limit).toBe(1);
    expect(checkLimits({ depth: 1, aliases: 0, cost: 101, introspection: false }, limits)?.extensions.actual).toBe(101);
    expect(checkLimits({ depth: 3, aliases: 1, cost: 100, introspection: false }, limits)).toBeUndefined();
  });
});

describe('the cost message', () => {
  const limits = { maxDepth: 20, maxAliases: 30, maxCost: 1000, maxTokens: 5000 };

  it('names the field path of the most expensive pageable list and a first that would fit', () => {
    const m = run('{ item { id } list { kids(first: 50) { edges { node { id name } } } } }');
    expect(m.heaviestList).toMatchObject({ path: 'list.kids', first: 50 });
    const err = checkLimits(m, limits)!;
    expect(err.message).toMatch(
      /most of it is the list list\.kids \(cost \d+ with first: 50\): ask for first: \d+ or fewer and follow pageInfo\.endCursor/,
    );
    expect(err.extensions).toMatchObject({ listPath: 'list.kids', suggestedFirst: expect.any(Number) });
    // The suggested page size does bring the query under the limit.
    const fits = run(
      `{ item { id } list { kids(first: ${err.extensions.suggestedFirst as number}) { edges { node { id name } } } } }`,
    );
    expect(fits.cost).toBeLessThanOrEqual(limits.maxCost);
  });

  it("suggests a first that fits when the connection's own fields count once", () => {
    const q = (n: number) => `{ list { kids(first: ${n}) { totalCount pageInfo: totalCount edges { node { id name } } } } }`;
    const err = checkLimits(run(q(100)), limits)!;
    const first = err.extensions.suggestedFirst as number;
    expect(run(q(first)).cost).toBeLessThanOrEqual(limits.maxCost);
    expect(run(q(first + 1)).cost).toBeGreaterThan(limits.maxCost);
  });

  it('lets a first over what the field takes through to the field (BAD_USER_INPUT there) unless even its largest page costs too much, and then suggests less', () => {
    const items = (n: number) => `{ items(first: ${n}) { edges { node { id name } } } }`;
    expect(checkLimits(run(items(2147483647)), limits)).toBeUndefined();
    const tight = { ...limits, maxCost: 200 };
    const err = checkLimits(run(items(2147483647)), tight)!;
    const suggested = err.extensions.suggestedFirst as number;
    expect(err.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', listPath: 'items' });
    expect(suggested).toBeLessThan(100);
    expect(run(items(suggested)).cost).toBeLessThanOrEqual(tight.maxCost);
    const changes = (n: number) => `{ changes(first: ${n}) { edges { node { id name } } } }`;
    expect(checkLimits(run(changes(2147483647)), { ...limits, maxCost: 10_000 })).toBeUndefined();
    const audit = checkLimits(run(changes(2147483647)), { ...limits, maxCost: 2000 })!;
    expect(audit.extensions).toMatchObject({ listPath: 'changes', suggestedFirst: expect.any(Number) });
    expect(audit.extensions.suggestedFirst as number).toBeLessThan(1000);
  });

  it('follows the path through fragments', () => {
    const m = run('{ items(first: 100) { ...E } } fragment E on ItemConnection { edges { node { id children { id name } } } }');
    expect(m.heaviestList?.path).toBe('items');
    expect(checkLimits(m, limits)?.message).toContain('the list items');
  });
});
