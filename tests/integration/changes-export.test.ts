import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, startDemo } from './helpers.js';

const NODE = 'id at actor { id displayName } party { id code name } name entityType entityId kind entityVersion before after';

let token: string;
let tokenId: string;
// Records of this file's own, so that other files writing to a shared database change nothing here.
const readable = randomUUID();
const hidden = randomUUID();
const marker = randomUUID();
let start: string;

const insert = (name: string, type: string, id: string, n: number) =>
  demo.server.app.internals.database.db.execute(
    sql`insert into change_events (name, entity_type, entity_id, kind, entity_version, after)
        select ${name}, ${type}, ${id}, 'UPDATED', g, jsonb_build_object('subRegion', 'Export ' || g) from generate_series(1, ${n}) g`,
  );

/** GET /export/changes.ndjson with a bearer token (or none), the lines parsed. */
async function exportFeed(after: string | undefined, auth?: string, headers: Record<string, string> = {}) {
  const res = await fetch(
    `${demo.server.url}/export/changes.ndjson${after === undefined ? '' : `?after=${encodeURIComponent(after)}`}`,
    {
      headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
    },
  );
  const text = await res.text();
  const lines =
    res.status === 200
      ? text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, any>)
      : [];
  return { res, text, lines };
}

/** Every `changes` edge after a cursor, as `token` sees them. */
async function changesAfter(after: string, as: string) {
  const edges: { cursor: string; node: Record<string, any> }[] = [];
  let cursor = after;
  for (;;) {
    const r = await demo.server.gql(
      `query ($after: String) { changes(first: 1000, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { ${NODE} } } } }`,
      { after: cursor },
      { token: as },
    );
    expect(r.errors).toBeUndefined();
    edges.push(...r.data!.changes.edges);
    if (!r.data!.changes.pageInfo.hasNextPage) return edges;
    cursor = r.data!.changes.pageInfo.endCursor;
  }
}

const demo = startDemo({ users: ['analyst'] });
beforeAll(async () => {
  const created = await demo.server.gql(
    'mutation { createApiToken(name: "Export", scopes: [READ]) { token apiToken { id } } }',
    {},
    { token: demo.token.analyst },
  );
  token = created.data!.createApiToken.token;
  tokenId = created.data!.createApiToken.apiToken.id;
  // The marker's cursor is where this file's events start.
  await insert('party.updated', 'party', marker, 1);
  const found = await eventually(
    () =>
      demo.server.gql(
        'query ($id: ID) { changes(entityType: "party", entityId: $id) { edges { cursor } } }',
        { id: marker },
        { token: demo.token.analyst },
      ),
    (r) => r.data?.changes.edges.length === 1,
    10_000,
    'the marker event',
  );
  start = found.data!.changes.edges[0].cursor;
  await insert('party.updated', 'party', readable, 3);
  // An entity type no module owns is the secretariat's alone.
  await insert('secret.updated', 'export_test_secret', hidden, 2);
  await insert('party.updated', 'party', readable, 2);
  // The feed serves a transaction once every older one has ended (other files write to a shared PostgreSQL):
  // wait until it serves the last of these inserts, and with it every earlier one, so that each test (in
  // whatever order they run) reads all of this file's events.
  await eventually(
    () =>
      demo.server.gql(
        'query ($id: ID) { changes(entityType: "party", entityId: $id) { totalCount } }',
        { id: readable },
        { token: demo.token.analyst },
      ),
    (r) => r.data?.changes.totalCount === 5,
    10_000,
    'the five readable events',
  );
});

describe('GET /export/changes.ndjson', () => {
  it('streams to an analyst exactly what `changes` shows them, in the same order and shape, each line with its cursor', async () => {
    const mine = (id: unknown) => id === readable || id === hidden;
    const { res, lines } = await eventually(
      () => exportFeed(start, token),
      (x) => x.lines.filter((l) => l.entityId === readable).length === 5,
      10_000,
      'the five readable events',
    );
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(lines.some((l) => l.entityId === hidden)).toBe(false);
    const end = lines.at(-1)!.cursor as string;
    // What changes shows from the same cursor up to the export's last line.
    const edges = await changesAfter(start, token);
    const upToEnd = edges.slice(0, edges.findIndex((e) => e.cursor === end) + 1);
    expect(lines.map((l) => l.cursor)).toEqual(upToEnd.map((e) => e.cursor));
    const ours = lines.filter((l) => mine(l.entityId));
    expect(ours.map(({ cursor: _c, ...node }) => node)).toEqual(upToEnd.filter((e) => mine(e.node.entityId)).map((e) => e.node));
    expect(ours.map((l) => l.entityVersion)).toEqual([1, 2, 3, 1, 2]);
    expect(ours[0]).toMatchObject({
      name: 'party.updated',
      entityType: 'party',
      kind: 'UPDATED',
      actor: null,
      party: null,
      after: { subRegion: 'Export 1' },
    });
  });

  it('shows the secretariat the events an analyst does not see', async () => {
    const { lines } = await exportFeed(start, demo.admin);
    expect(lines.filter((l) => l.entityId === hidden)).toHaveLength(2);
  });

  it('ends at a cursor that continues with changes(after:), and from which the export continues too', async () => {
    const first = await exportFeed(start, token);
    const end = first.lines.at(-1)!.cursor as string;
    const later = randomUUID();
    await insert('party.updated', 'party', later, 1);
    const next = await eventually(
      () => changesAfter(end, token),
      (edges) => edges.some((e) => e.node.entityId === later),
      10_000,
      'the later event',
    );
    expect(next.some((e) => e.node.entityId === readable)).toBe(false);
    const again = await exportFeed(end, token);
    expect(again.lines.some((l) => l.entityId === later)).toBe(true);
    expect(again.lines.some((l) => l.entityId === readable)).toBe(false);
  });

  it('records one disclosure per export made with a token', async () => {
    // The token's whole log by its count, and its newest entry: the other tests' reads (as many as the feed's
    // wait for other files' transactions took) may fill more than a page of it.
    const disclosures = async () => {
      const r = await demo.server.gql(
        'query ($t: ID) { disclosures(apiTokenId: $t, first: 1) { totalCount edges { node { transport operationType rootFields outcome } } } }',
        { t: tokenId },
        { token: demo.admin },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.disclosures as { totalCount: number; edges: { node: Record<string, unknown> }[] };
    };
    const before = (await disclosures()).totalCount;
    const { lines } = await exportFeed(start, token);
    expect(lines.length).toBeGreaterThan(1);
    const after = await disclosures();
    expect(after.totalCount).toBe(before + 1);
    expect(after.edges[0]!.node).toEqual({
      transport: 'http',
      operationType: 'export',
      rootFields: ['export.changes'],
      outcome: 'ok',
    });
  });

  it('takes the session cookie as well as a bearer token', async () => {
    const { res, lines } = await exportFeed(start, undefined, { cookie: `yp_session=${demo.token.analyst}` });
    expect(res.status).toBe(200);
    expect(lines.some((l) => l.entityId === readable)).toBe(true);
  });

  it('answers a cursor that is not one with 400 BAD_USER_INPUT naming `after`, and no credentials with 401', async () => {
    const bad = await exportFeed('not-a-cursor', token);
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { after: expect.any(String) },
    });
    const none = await exportFeed(start);
    expect(none.res.status).toBe(401);
    expect(JSON.parse(none.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await exportFeed(start, 'ypa_not-a-token');
    expect(wrong.res.status).toBe(401);
  });
});
