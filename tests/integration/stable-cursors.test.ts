import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CreateServiceNeedInput, Priority, ServiceNeedSort } from '../../server/graphql/generated/resolvers.js';
import * as factory from './factories.js';
import { startDemo, unique } from './helpers.js';

/**
 * Cursors are keyset cursors: `after` continues strictly after the cursor's row in the list's order,
 * so a need inserted, updated (without moving) or deleted between pages makes a walk neither skip
 * nor repeat one. Before, cursors were positions ("need:5") and every such change shifted the rest.
 */
const demo = startDemo({ users: ['county', 'analyst'] });

const LIST = `query ($filter: ServiceNeedFilter, $first: Int, $after: String, $sort: ServiceNeedSort) {
  serviceNeeds(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } } }`;

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; title: string } }[];
};

const makeNeed = (input: Partial<CreateServiceNeedInput> = {}) =>
  factory.makeNeed<{ id: string; title: string; version: number }>(demo.server, demo.token.admin, input, 'id title version');

const page = async (vars: Record<string, unknown>, as = demo.token.admin): Promise<Page> => {
  const r = await demo.server.gql<{ serviceNeeds: Page }>(LIST, vars, { token: as });
  factory.ok(r, 'serviceNeeds');
  return r.data.serviceNeeds;
};

/** Deletes a need outright (the API has no delete; a tool's walk must survive one all the same). */
const deleteNeed = (id: string) => demo.server.app.internals.database.db.execute(sql`delete from service_needs where id = ${id}`);

/** Walks every page, calling `between(n)` after page n; the ids in the order seen. */
async function walk(vars: Record<string, unknown>, between: (pageNo: number, seen: string[]) => Promise<void>) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let n = 1; ; n++) {
    const p = await page({ ...vars, after });
    seen.push(...p.edges.map((e) => e.node.id));
    expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
    if (!p.pageInfo.hasNextPage) return seen;
    after = p.pageInfo.endCursor;
    await between(n, seen);
  }
}

const PRIORITIES: (Priority | null)[] = [null, 'LOW', 'CRITICAL', null, 'MEDIUM', 'HIGH', null, 'LOW', 'HIGH'];
const SORTS: ServiceNeedSort[] = ['UPDATED_DESC', 'CREATED_DESC', 'TITLE_ASC', 'PRIORITY_DESC', 'STATUS'];

describe('serviceNeeds cursors', () => {
  it.each(SORTS)(
    'under sort %s, a walk with an insert after page 1 and a delete of a seen need after page 2 sees every need once',
    async (sort) => {
      const tag = unique('vakaa');
      const made: { id: string }[] = [];
      // Priorities with nulls (a key of PRIORITY_DESC), titles not in creation order (TITLE_ASC).
      for (const [i, priority] of PRIORITIES.entries())
        made.push(await makeNeed({ title: `${tag} ${'hcfaigebd'[i]}`, priority }));
      const ids = new Set(made.map((n) => n.id));
      let deleted = '';
      const seen = await walk({ filter: { text: tag }, first: 2, sort }, async (n, sofar) => {
        // Lands before the cursor in every order: newest, CRITICAL, first by title.
        if (n === 1) await makeNeed({ title: `${tag} 0 uusi`, priority: 'CRITICAL' });
        if (n === 2) {
          deleted = sofar[0]!;
          await deleteNeed(deleted);
        }
      });
      const original = seen.filter((id) => ids.has(id));
      expect(new Set(seen).size).toBe(seen.length);
      expect([...original].sort()).toEqual([...ids].sort());
      expect(deleted).not.toBe('');
    },
  );

  it('pages the unfiltered register (the prepared first page and the pages after it) without skipping or repeating', async () => {
    const tag = unique('kaikki');
    const mine: string[] = [];
    for (let i = 0; i < 12; i++) mine.push((await makeNeed({ title: `${tag} ${i}` })).id);
    const seen = await walk({ first: 5 }, async (n, sofar) => {
      if (n === 1) await makeNeed({ title: `${tag} uusi` });
      if (n === 2) await deleteNeed(sofar.find((id) => mine.includes(id))!);
    });
    // On a shared database other files add and change needs meanwhile: those here are this test's own.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => mine.includes(id)).sort()).toEqual([...mine].sort());
  });

  it('keeps a walk whole when needs are updated without moving in the order', async () => {
    const tag = unique('muokattu');
    const made: Awaited<ReturnType<typeof makeNeed>>[] = [];
    for (let i = 0; i < 6; i++) made.push(await makeNeed({ title: `${tag} ${i}` }));
    const seen = await walk({ filter: { text: tag }, first: 2, sort: 'TITLE_ASC' }, async (n) => {
      if (n !== 1) return;
      // One seen, one not yet: a new summary moves neither by title.
      for (const need of [made[0]!, made[4]!]) {
        const r = await demo.server.gql(
          'mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { id } }',
          { id: need.id, v: need.version, input: { summary: 'Päivitetty kesken selauksen' } },
          { token: demo.token.admin },
        );
        expect(r.errors).toBeUndefined();
      }
    });
    expect(seen).toEqual(made.map((n) => n.id));
  });

  it('tells apart needs of the same microsecond by id', async () => {
    const tag = unique('samaan');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await makeNeed({ title: `${tag} ${i}` })).id);
    const moment = '2026-03-04 05:06:07.123456+00';
    await demo.server.app.internals.database.db.execute(
      sql`update service_needs set created_at = ${moment}::timestamptz, updated_at = ${moment}::timestamptz where title like ${`${tag} %`}`,
    );
    for (const sort of ['CREATED_DESC', 'UPDATED_DESC'] as const) {
      const seen = await walk({ filter: { text: tag }, first: 2, sort }, async () => {});
      expect(seen).toEqual([...made].sort());
    }
  });

  it('refuses an old positional cursor, a cursor of another order and a forged one with BAD_USER_INPUT naming after', async () => {
    const tag = unique('vanha');
    for (let i = 0; i < 3; i++) await makeNeed({ title: `${tag} ${i}` });
    const byTitle = await page({ filter: { text: tag }, first: 1, sort: 'TITLE_ASC' });
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const [after, sort] of [
      ['bmVlZDo1', undefined], // need:5, what the tester's walk got
      [b64('need:5'), 'TITLE_ASC'],
      [byTitle.pageInfo.endCursor, 'CREATED_DESC'],
      [b64('need.updated_desc:["1", "not-a-uuid"]'), undefined],
      [b64('need.updated_desc:["1e99", "00000000-0000-0000-0000-000000000000"]'), undefined],
      [b64('need.updated_desc:["1"]'), undefined],
      ['not a cursor at all', undefined],
    ] as const) {
      const r = await demo.server.gql(LIST, { first: 1, after, sort }, { token: demo.token.admin });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
    }
    // The same cursor continues its own order.
    const next = await page({ filter: { text: tag }, first: 1, sort: 'TITLE_ASC', after: byTitle.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.title)).toEqual([`${tag} 1`]);
  });
});

describe('other lists', () => {
  it('refuse old positional cursors of indicatorValues and notifications with BAD_USER_INPUT naming after', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const values = await demo.server.gql(
      'query ($after: String) { indicatorValues(first: 1, after: $after) { edges { cursor } } }',
      { after: b64('indicator_value:1') },
      { token: demo.token.analyst },
    );
    expect(values.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
    const inbox = await demo.server.gql(
      'query ($after: String) { notifications(first: 1, after: $after) { edges { cursor } } }',
      { after: b64(`notification:${new Date().toISOString()}|00000000-0000-0000-0000-000000000000`) },
      { token: demo.token.county },
    );
    expect(inbox.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
  });
});
