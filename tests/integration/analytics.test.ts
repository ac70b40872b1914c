import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, listen, startDemo, startServer, unique } from './helpers.js';

let analystToken: string;
const demo = startDemo({ users: ['jyvaskyla', 'analyst'] });
beforeAll(async () => {
  const created = await demo.server.gql(
    'mutation { createApiToken(name: "R script", scopes: [READ]) { token } }',
    {},
    { token: demo.token.analyst },
  );
  analystToken = created.data!.createApiToken.token;
});

const CHANGES = `query ($after: String, $first: Int, $type: String, $id: ID) {
  changes(after: $after, first: $first, entityType: $type, entityId: $id) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at name entityType entityId kind entityVersion before after actor { displayName } party { code } } }
  }
}`;

async function editParty(code: string, subRegion: string) {
  const list = await demo.server.gql('{ parties { id code version } }', {}, { token: demo.admin });
  const p = list.data!.parties.find((x: any) => x.code === code);
  const r = await demo.server.gql(
    'mutation ($id: ID!, $v: Int!, $s: String) { updateParty(id: $id, expectedVersion: $v, input: { subRegion: $s }) { id version } }',
    { id: p.id, v: p.version, s: subRegion },
    { token: demo.admin },
  );
  return r.data!.updateParty as { id: string; version: number };
}

describe('the changes feed', () => {
  it('serves the audit stream oldest first with who, which party, before and after', async () => {
    const s = unique('sub');
    const party = await editParty('500', s);
    const r = await eventually(
      () => demo.server.gql(CHANGES, { type: 'party', id: party.id }, { token: analystToken }),
      (r) => r.data?.changes.edges.at(-1)?.node.after?.subRegion === s,
      10_000,
      'the edit in the changes feed',
    );
    expect(r.errors).toBeUndefined();
    const last = r.data!.changes.edges.at(-1).node;
    expect(last).toMatchObject({
      name: 'party.updated',
      entityType: 'party',
      entityId: party.id,
      kind: 'UPDATED',
      entityVersion: party.version,
      actor: { displayName: 'Sihteeristö (demo)' },
      party: { code: '13' },
      after: { subRegion: s },
    });
    const ids = r.data!.changes.edges.map((e: any) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('resumes from a cursor so that a tool syncs incrementally and sees each event once', async () => {
    // One party no other test edits, filtered by entity: parallel test files write to the same feed.
    const before = await editParty('592', unique('start'));
    const sync = async (after: string | null) => {
      const nodes: any[] = [];
      let cursor = after;
      for (;;) {
        const page = await demo.server.gql(
          CHANGES,
          { type: 'party', id: before.id, after: cursor, first: 1 },
          { token: analystToken },
        );
        expect(page.errors).toBeUndefined();
        nodes.push(...page.data!.changes.edges.map((e: any) => e.node));
        if (page.data!.changes.edges.length) cursor = page.data!.changes.pageInfo.endCursor;
        if (!page.data!.changes.pageInfo.hasNextPage) return { nodes, cursor };
      }
    };
    // The feed serves a commit once every older transaction has finished (other files write meanwhile).
    const first = await eventually(
      () => sync(null),
      (r) => r.nodes.at(-1)?.entityVersion === before.version,
      10_000,
      'the first edit',
    );
    expect(first.nodes.at(-1)).toMatchObject({ entityId: before.id, entityVersion: before.version });
    const a = unique('a');
    const b = unique('b');
    await editParty('592', a);
    await editParty('592', b);
    const next = await eventually(
      () => sync(first.cursor),
      (r) => r.nodes.length >= 2,
      10_000,
      'both edits',
    );
    expect(next.nodes.map((n) => n.after.subRegion)).toEqual([a, b]);
    expect(next.nodes.map((n) => n.entityVersion)).toEqual([before.version + 1, before.version + 2]);
    const seen = new Set(first.nodes.map((n) => n.id));
    for (const n of next.nodes) {
      expect(seen.has(n.id)).toBe(false);
      seen.add(n.id);
    }
    // Nothing new: the resumed sync answers an empty page that keeps the cursor.
    const again = await sync(next.cursor);
    expect(again.nodes).toEqual([]);
    expect(again.cursor).toBe(next.cursor);
  });

  it('refuses a page over 1,000 and a cursor of another list with BAD_USER_INPUT', async () => {
    const big = await demo.server.gql(CHANGES, { first: 1001 }, { token: analystToken });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } });
    const bad = await demo.server.gql(CHANGES, { after: 'bm90LWEtY3Vyc29y' }, { token: analystToken });
    expect(bad.errors?.[0]?.extensions?.fields).toHaveProperty('after');
  });

  it('shows token events to the secretariat but not to a representative', async () => {
    // The token made before the tests is served once every older transaction has ended (a shared PostgreSQL).
    const mine = await eventually(
      () => demo.server.gql(CHANGES, { type: 'api_token' }, { token: demo.admin }),
      (r) => (r.data?.changes.totalCount ?? 0) > 0,
      10_000,
      'a token event',
    );
    expect(mine.data!.changes.totalCount).toBeGreaterThan(0);
    const theirs = await demo.server.gql(CHANGES, { type: 'api_token' }, { token: demo.token.jyvaskyla });
    expect(theirs.data!.changes.totalCount).toBe(0);
    expect(theirs.data!.changes.edges).toEqual([]);
  });

  it('refuses anonymous callers', async () => {
    const r = await demo.server.gql(CHANGES, {});
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe("the changes feed's record type", () => {
  const OF_TYPE = 'query ($t: String) { changes(first: 5, entityType: $t) { edges { node { entityType } } } }';

  it("takes the GraphQL type name for the stream's own, and the same events come", async () => {
    const own = await demo.server.gql(OF_TYPE, { t: 'service_need' }, { token: analystToken });
    const named = await demo.server.gql(OF_TYPE, { t: 'ServiceNeed' }, { token: analystToken });
    expect(own.errors).toBeUndefined();
    expect(own.data!.changes.edges.length).toBeGreaterThan(0);
    expect(named.data).toEqual(own.data);
    expect(new Set(own.data!.changes.edges.map((e: any) => e.node.entityType))).toEqual(new Set(['service_need']));
  });

  it('refuses a record type there is none of with BAD_USER_INPUT naming the ones there are, not an empty page', async () => {
    const r = await demo.server.gql(OF_TYPE, { t: 'Unicorn' }, { token: analystToken });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.fields?.entityType).toMatch(/service_need/);
  });
});

describe('the disclosure log', () => {
  const LOG = `query ($token: ID) { disclosures(apiTokenId: $token, first: 100) { totalCount edges { node {
    at transport operationName rootFields query variables outcome user { displayName } apiToken { name } } } } }`;

  it('logs every query made with a token, over HTTP and WebSocket, refused ones too, for the secretariat to read', async () => {
    const analyst = await demo.server.login('analyst@demo.local');
    const created = await demo.server.gql(
      'mutation { createApiToken(name: "Power BI", scopes: [READ]) { token apiToken { id } } }',
      {},
      { token: analyst },
    );
    const { token, apiToken } = created.data!.createApiToken;
    await demo.server.gql('query NeedsReport { parties(kind: MUNICIPALITY) { code } }', {}, { token });
    await demo.server.gql('mutation { logout }', {}, { token });
    const sub = listen(demo.server.ws(token), 'query OverSocket { themes { code } }');
    await sub.next();

    const log = await demo.server.gql(LOG, { token: apiToken.id }, { token: demo.admin });
    expect(log.errors).toBeUndefined();
    const entries = log.data!.disclosures.edges.map((e: any) => e.node);
    expect(entries).toHaveLength(3);
    expect(entries.find((e: any) => e.operationName === 'NeedsReport')).toMatchObject({
      transport: 'http',
      rootFields: ['parties'],
      outcome: 'ok',
      user: { displayName: 'Analyytikko (demo)' },
      apiToken: { name: 'Power BI' },
    });
    expect(entries.find((e: any) => e.rootFields[0] === 'logout')).toMatchObject({ outcome: 'FORBIDDEN' });
    expect(entries.find((e: any) => e.operationName === 'OverSocket')).toMatchObject({ transport: 'ws', outcome: 'ok' });
  });

  it('does not log queries made with a session, and refuses the log to anyone but the secretariat', async () => {
    // The representative's own entries only: other test files on a shared database make API-token queries meanwhile.
    const me = await demo.server.gql('{ me { id } }', {}, { token: demo.token.jyvaskyla });
    const count = async () => {
      const r = await demo.server.gql(
        'query ($u: ID) { disclosures(userId: $u) { totalCount } }',
        { u: me.data!.me.id },
        { token: demo.admin },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.disclosures.totalCount as number;
    };
    const before = await count();
    await demo.server.gql('{ parties { code } }', {}, { token: demo.token.jyvaskyla });
    expect(await count()).toBe(before);
    const analyst = await demo.server.gql('{ disclosures { totalCount } }', {}, { token: analystToken });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('commit order', () => {
  // PGlite has one connection: two transactions cannot overlap there, so this runs on PostgreSQL (CI's second pass).
  it.skipIf(!process.env.DATABASE_URL)(
    'holds back a committed event while an older transaction is still open, then serves both in a safe order',
    async () => {
      const pg = (await import('pg')).default;
      const slow = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await slow.connect();
      try {
        const entityId = unique('slow');
        let start: string | null = null;
        for (;;) {
          const page: any = await demo.server.gql(CHANGES, { type: 'party', after: start, first: 100 }, { token: demo.admin });
          if (page.data!.changes.edges.length) start = page.data!.changes.pageInfo.endCursor;
          if (!page.data!.changes.pageInfo.hasNextPage) break;
        }
        // An older transaction takes its id and inserts an event first, but commits last.
        await slow.query('begin');
        await slow.query(
          `insert into change_events (name, entity_type, entity_id, kind) values ('party.updated', 'party', $1, 'UPDATED')`,
          [entityId],
        );
        const marker = unique('fast');
        const fast = await editParty('216', marker);
        // Read on from the end of the feed as it was (the database may hold earlier runs' events).
        const ids = (r: any) => r.data!.changes.edges.map((e: any) => e.node.entityId);
        const during = await demo.server.gql(CHANGES, { type: 'party', after: start, first: 100 }, { token: demo.admin });
        expect(during.data!.changes.edges.map((e: any) => e.node.after?.subRegion)).not.toContain(marker);
        expect(ids(during)).not.toContain(entityId);
        await slow.query('commit');
        const after = await eventually(
          () => demo.server.gql(CHANGES, { type: 'party', after: start, first: 100 }, { token: demo.admin }),
          (r) => ids(r).includes(entityId) && ids(r).includes(fast.id),
          10_000,
          'both events once the older transaction committed',
        );
        const order = ids(after);
        expect(order).toContain(entityId);
        expect(order).toContain(fast.id);
        expect(order.indexOf(entityId)).toBeLessThan(order.lastIndexOf(fast.id));
      } finally {
        await slow.query('rollback').catch(() => {});
        await slow.end();
      }
    },
  );
});

describe('statement timeout for API tokens', () => {
  // PGlite runs one statement at a time: there is no separate pool to protect, so this runs on PostgreSQL.
  it.skipIf(!process.env.DATABASE_URL)(
    'cancels a slow statement on the analytics pool while the interactive pool answers',
    async () => {
      const timed = await startServer({ ANALYTICS_STATEMENT_TIMEOUT_MS: '200' });
      try {
        const { analyticsDb, db } = timed.app.internals.database;
        const { sql } = await import('drizzle-orm');
        const slow = analyticsDb.execute(sql`select pg_sleep(2)`);
        await expect(slow).rejects.toMatchObject({ cause: { code: '57014' } });
        await expect(db.execute(sql`select 1 as one`)).resolves.toBeDefined();
      } finally {
        await timed.stop();
      }
    },
  );
});
