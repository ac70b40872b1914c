import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, startDemo } from './helpers.js';

// The sync shape of docs/analytics.md ("Incremental sync"), with totalCount, at the largest page.
const SYNC = `query SyncChanges($after: String, $first: Int, $id: ID) {
  changes(after: $after, first: $first, entityType: "party", entityId: $id) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id at name entityType entityId kind entityVersion
                   actor { id displayName } party { id } before after } }
  }
}`;
const EVENTS = 1100;

let token: string;
// A party that does not exist: subscribers never see its events (the rule per event), and it is a valid UUID.
const entityId = randomUUID();

const demo = startDemo({ users: ['analyst'] });
beforeAll(async () => {
  token = (await newToken('Full sync')).token;
  // Events of a record of its own, so that other files writing to a shared database do not change the count.
  await demo.server.app.internals.database.db.execute(
    sql`insert into change_events (name, entity_type, entity_id, kind) select 'party.updated', 'party', ${entityId}, 'UPDATED' from generate_series(1, ${EVENTS})`,
  );
  // The feed serves a transaction once every older one has ended (other files write to a shared PostgreSQL):
  // wait with the session (no disclosure) until it serves these, so that each test reads them all.
  await eventually(
    () => demo.server.gql('query ($id: ID) { changes(entityId: $id) { totalCount } }', { id: entityId }, { token: demo.admin }),
    (r) => r.data?.changes.totalCount === EVENTS,
    15_000,
    'the inserted events',
  );
});

/** A new API token of the analyst's. */
async function newToken(name: string): Promise<{ token: string; id: string }> {
  const created = await demo.server.gql(
    'mutation ($n: String!) { createApiToken(name: $n, scopes: [READ]) { token apiToken { id } } }',
    { n: name },
    { token: demo.token.analyst },
  );
  expect(created.errors).toBeUndefined();
  return { token: created.data!.createApiToken.token, id: created.data!.createApiToken.apiToken.id };
}

const disclosuresOf = async (tokenId: string) => {
  const r = await demo.server.gql(
    'query ($t: ID) { disclosures(apiTokenId: $t, first: 100) { totalCount edges { node { transport outcome rootFields } } } }',
    { t: tokenId },
    { token: demo.admin },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.disclosures;
};

describe('changes for a full sync', () => {
  it('serves pages of 1,000 to an API token within the cost limit, with one disclosure record per request', async () => {
    // A token of its own: its disclosure log holds this test's requests only, whatever ran before.
    const own = await newToken('Full sync, counted');
    let requests = 0;
    const asToken = (query: string, variables: Record<string, unknown>) => {
      requests++;
      return demo.server.gql(query, variables, { token: own.token });
    };
    const first = await eventually(
      () => asToken(SYNC, { first: 1000, id: entityId }),
      (r) => r.errors !== undefined || r.data!.changes.totalCount === EVENTS,
      15_000,
      'the inserted events',
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.changes.edges).toHaveLength(1000);
    expect(first.data!.changes.pageInfo.hasNextPage).toBe(true);
    const rest = await asToken(SYNC, { first: 1000, after: first.data!.changes.pageInfo.endCursor, id: entityId });
    expect(rest.errors).toBeUndefined();
    expect(rest.data!.changes.edges).toHaveLength(EVENTS - 1000);
    expect(rest.data!.changes.pageInfo.hasNextPage).toBe(false);
    const ids = new Set([...first.data!.changes.edges, ...rest.data!.changes.edges].map((e: any) => e.node.id));
    expect(ids.size).toBe(EVENTS);

    // Two pages in one request are one disclosure too.
    const two = await asToken('query ($id: ID) { a: changes(first: 10, entityId: $id) { totalCount } b: parties { code } }', {
      id: entityId,
    });
    expect(two.errors).toBeUndefined();

    // One row per request the token made (the wait above may have taken more than one), not per page, field or event.
    const log = await disclosuresOf(own.id);
    expect(log.totalCount).toBe(requests);
    expect(log.edges.filter((e: any) => e.node.rootFields.join() === 'changes,parties')).toHaveLength(1);
    expect(log.edges.every((e: any) => e.node.transport === 'http' && e.node.outcome === 'ok')).toBe(true);
  });

  it('keeps the default page and refuses more than 1,000', async () => {
    const r = await demo.server.gql(SYNC, { id: entityId }, { token });
    expect(r.data!.changes.edges).toHaveLength(50);
    const over = await demo.server.gql(SYNC, { first: 1001, id: entityId }, { token });
    expect(over.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { first: 'Must be between 1 and 1000' },
    });
    // Other lists keep their page of at most 100.
    const needs = await demo.server.gql('{ serviceNeeds(first: 101) { totalCount } }', {}, { token });
    expect(needs.errors?.[0]?.extensions?.fields).toHaveProperty('first');
  });
});
