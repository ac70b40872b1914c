import { beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { eventually, startDemo, unique } from './helpers.js';

const party = new Map<string, string>();
const tag = unique('ana');

const demo = startDemo({ users: ['analyst'] });
beforeAll(async () => {
  for (const p of (await demo.server.gql('{ parties { id code } }', {}, { token: demo.admin })).data!.parties)
    party.set(p.code, p.id);
});

const makeNeed = (title: string) =>
  factory.makeNeed(demo.server, demo.admin, {
    title,
    themeCodes: ['HYTE'],
    municipalityIds: [party.get('179')!, party.get('992')!],
  });

describe('needStatistics by municipality', () => {
  it('keys each municipality by its official code as well as its id', async () => {
    await makeNeed(`${tag} tilasto`);
    const r = await demo.server.gql(
      'query ($f: ServiceNeedFilter) { needStatistics(groupBy: [MUNICIPALITY, STATUS], filter: $f) { keys { dimension value label municipalityCode } count } }',
      { f: { text: tag } },
      { token: demo.token.analyst },
    );
    expect(r.errors).toBeUndefined();
    const keys = r.data!.needStatistics.map((row: { keys: unknown[] }) => row.keys);
    expect(keys).toContainEqual([
      { dimension: 'MUNICIPALITY', value: party.get('179'), label: 'Jyväskylä', municipalityCode: '179' },
      { dimension: 'STATUS', value: 'IDENTIFIED', label: 'Tunnistettu', municipalityCode: null },
    ]);
    expect(keys.map((k: { municipalityCode: string }[]) => k[0]!.municipalityCode).sort()).toEqual(['179', '992']);
  });
});

describe('the cost limit', () => {
  it('names the list to page and a first that fits, over HTTP and WebSocket alike', async () => {
    const query =
      'query Needs { serviceNeeds(first: 100) { totalCount edges { node { id title status actions { id title dueDate status ownerParty { code name } } municipalities { code name names { fi sv } } } } } }';
    const r = await demo.server.gql(query, {}, { token: demo.token.analyst });
    expect(r.status).toBe(400);
    const error = r.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', listPath: 'serviceNeeds', suggestedFirst: 81 });
    expect(error.message).toBe(
      'Query cost 24603 exceeds the limit of 20000; most of it is the list serviceNeeds (cost 24602 with first: 100): ask for first: 81 or fewer and follow pageInfo.endCursor for the rest',
    );
    const fits = await demo.server.gql(query.replace('first: 100', 'first: 81'), {}, { token: demo.token.analyst });
    expect(fits.errors).toBeUndefined();

    const ws = demo.server.ws(demo.token.analyst);
    const message = await new Promise<string>((resolve) =>
      ws.subscribe(
        { query },
        { next: () => resolve('no error'), error: (e) => resolve((e as { message: string }[])[0]!.message), complete: () => {} },
      ),
    );
    expect(message).toContain('most of it is the list serviceNeeds');
  });
});

describe('the audit trail', () => {
  const CHANGES = `query ($type: String, $after: String, $order: ChangeOrder) {
    changes(entityType: $type, first: 100, after: $after, order: $order) { pageInfo { endCursor hasNextPage } edges { node { id at name entityId entityTitle } } }
  }`;

  it('reads newest first and pages backwards; a cursor of one order is refused by the other', async () => {
    const first = await makeNeed(`${tag} ensin`);
    const second = await makeNeed(`${tag} sitten`);
    const page = await eventually(
      () => demo.server.gql(CHANGES, { type: 'service_need', order: 'NEWEST_FIRST' }, { token: demo.admin }),
      // The feed serves a transaction once every older one has ended (other files write to a shared PostgreSQL).
      (r) =>
        [first.id, second.id].every((id) =>
          r.data?.changes.edges.some((e: { node: { entityId: string } }) => e.node.entityId === id),
        ),
      10_000,
      'both needs in the stream',
    );
    const ids: string[] = page.data!.changes.edges.map((e: { node: { entityId: string } }) => e.node.entityId);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    const times: number[] = page.data!.changes.edges.map((e: { node: { at: string } }) => Date.parse(e.node.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const one = await demo.server.gql(
      CHANGES.replace('first: 100', 'first: 1'),
      { type: 'service_need', order: 'NEWEST_FIRST' },
      { token: demo.admin },
    );
    const next = await demo.server.gql(
      CHANGES.replace('first: 100', 'first: 1'),
      { type: 'service_need', order: 'NEWEST_FIRST', after: one.data!.changes.pageInfo.endCursor },
      { token: demo.admin },
    );
    const [newest, older] = [one, next].map((r) => r.data!.changes.edges[0].node);
    expect(older.id).not.toBe(newest.id);
    expect(Date.parse(older.at)).toBeLessThanOrEqual(Date.parse(newest.at));
    const mixed = await demo.server.gql(
      CHANGES,
      { type: 'service_need', after: one.data!.changes.pageInfo.endCursor },
      { token: demo.admin },
    );
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("names each event's record by its newest title, and a comment or an action by its own or its need's", async () => {
    const need = await makeNeed(`${tag} vanha nimi`);
    const renamed = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { updateServiceNeed(id: $id, expectedVersion: $v, input: { title: "' +
        tag +
        ' uusi nimi" }) { version } }',
      { id: need.id, v: need.version },
      { token: demo.admin },
    );
    expect(renamed.errors).toBeUndefined();
    const action = await factory.makeAction(demo.server, demo.admin, {
      needId: need.id,
      title: `${tag} toimi`,
      ownerPartyId: party.get('179'),
    });
    const comment = await demo.server.gql(
      'mutation ($id: ID!) { addNeedComment(needId: $id, body: "Hyvä") { id } }',
      { id: need.id },
      { token: demo.admin },
    );
    expect(comment.errors).toBeUndefined();
    // Read until the record's `events` are served: the feed serves a transaction once every older one has
    // ended (other files write to a shared PostgreSQL), so the creation may show before the rename.
    const titleOf = async (entityId: string, token: string, events: number) => {
      const r = await eventually(
        () =>
          demo.server.gql(
            'query ($id: ID) { changes(entityId: $id, first: 10, order: NEWEST_FIRST) { edges { node { entityTitle } } } }',
            { id: entityId },
            { token },
          ),
        (x) => (x.data?.changes.edges.length ?? 0) >= events,
        10_000,
        `${events} events of ${entityId}`,
      );
      return r.data!.changes.edges.map((e: { node: { entityTitle: string | null } }) => e.node.entityTitle);
    };
    // The creation event, made under the old name, shows the record's newest name.
    expect(await titleOf(need.id, demo.token.analyst, 2)).toEqual([`${tag} uusi nimi`, `${tag} uusi nimi`]);
    expect(await titleOf(action.id, demo.token.analyst, 1)).toEqual([`${tag} toimi`]);
    expect(await titleOf(comment.data!.addNeedComment.id, demo.admin, 1)).toEqual([`${tag} uusi nimi`]);
  });
});

describe("the analysts' guide as a web page", () => {
  it('is rendered in Finnish, Swedish and English with the lang attribute, by ?lang or Accept-Language', async () => {
    const fi = await fetch(`${demo.server.url}/docs/analytics?lang=fi`);
    expect(fi.status).toBe(200);
    expect(fi.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await fi.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="fi">/);
    expect(html).toContain('<h1>Analytiikka GraphQL-rajapinnan kautta: opas analyytikoille</h1>');
    expect(html).toContain('<pre tabindex="0"><code class="language-python">');
    const sv = await (
      await fetch(`${demo.server.url}/docs/analytics`, { headers: { 'accept-language': 'sv-FI,sv;q=0.9' } })
    ).text();
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('<h1>Analys via GraphQL: en guide för analytiker</h1>');
    const en = await (await fetch(`${demo.server.url}/docs/analytics?lang=en`)).text();
    expect(en).toContain('<h1>Analytics over GraphQL: a guide for analysts</h1>');
    expect((await fetch(`${demo.server.url}/docs/analytics.md`)).headers.get('content-type')).toBe(
      'text/markdown; charset=utf-8',
    );
  });
});
