import { beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { nextWhere, startDemo, subscribe, unique, type Subscription } from './helpers.js';

// Subscribers' scopes (roles per body) are read once and refreshed by membership events, never per
// event (issue 10): a membership that ends must still take effect on the very next event.

let theme: string;
const partyByCode = new Map<string, string>();
let jyvaskylaPerson: string;

const demo = startDemo({ users: ['jyvaskyla'] });
beforeAll(async () => {
  const r = await demo.server.gql(
    '{ themes { code } parties { id code } persons { id user { email } } }',
    {},
    { token: demo.token.admin },
  );
  theme = r.data!.themes[0].code;
  for (const p of r.data!.parties) partyByCode.set(p.code, p.id);
  jyvaskylaPerson = r.data!.persons.find((p: any) => p.user?.email === 'jyvaskyla@demo.local').id;
});

const NEED_CHANGED = 'subscription { serviceNeedChanged { kind need { id title } } }';

async function gqlOk(query: string, variables: Record<string, unknown>) {
  const r = await demo.server.gql(query, variables, { token: demo.token.admin });
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const makeNeed = (municipalityCode: string, ownerBodyId: string | null) =>
  factory.makeNeed(demo.server, demo.token.admin!, {
    title: unique('Fan-out'),
    themeCodes: [theme],
    municipalityIds: [partyByCode.get(municipalityCode)!],
    ownerBodyId,
  });

const makeBody = async () => (await factory.makeBody(demo.server, demo.token.admin!)).id;
const addJyvaskyla = (bodyId: string) =>
  factory.makeMembership(demo.server, demo.token.admin!, {
    bodyId,
    personId: jyvaskylaPerson,
    role: 'MEMBER',
    capacity: 'OFFICE_HOLDER',
    startsOn: '2024-01-01',
  });

async function retitle(need: { id: string; version: number }, title: string) {
  const d = await gqlOk(
    'mutation ($id: ID!, $v: Int!, $t: String!) { updateServiceNeed(id: $id, expectedVersion: $v, input: { title: $t }) { version } }',
    {
      id: need.id,
      v: need.version,
      t: title,
    },
  );
  need.version = d.updateServiceNeed.version;
}

/** The next event about one of these needs: other files on a shared PostgreSQL change needs the subscriber may read too. */
async function nextAbout(sub: Subscription<any>, ...needs: { id: string }[]) {
  const ids = new Set(needs.map((n) => n.id));
  return (await nextWhere(sub, (e) => ids.has(e?.serviceNeedChanged?.need?.id))).match;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('fan-out of committed events', () => {
  it('a subscriber whose membership ends does not receive the next event about the body’s need', async () => {
    const body = await makeBody();
    const membership = await addJyvaskyla(body);
    // Laukaa's need, owned by the new body: Jyväskylä's representative reads it only as the body's member.
    const owned = await makeNeed('410', body);
    // Jyväskylä's own need: readable to its representative whatever the memberships.
    const own = await makeNeed('179', null);

    const member = await subscribe(demo.server, demo.server.ws(demo.token.jyvaskyla), NEED_CHANGED);
    const watcher = await subscribe(demo.server, demo.server.ws(demo.token.admin), NEED_CHANGED);

    await retitle(owned, 'while a member');
    expect(await nextAbout(member, owned, own)).toMatchObject({
      serviceNeedChanged: { need: { id: owned.id, title: 'while a member' } },
    });
    expect(await nextAbout(watcher, owned, own)).toMatchObject({ serviceNeedChanged: { need: { id: owned.id } } });

    await gqlOk(
      'mutation ($id: ID!, $v: Int!, $endsOn: Date!) { endMembership(id: $id, expectedVersion: $v, endsOn: $endsOn) { id } }',
      {
        id: membership.id,
        v: membership.version,
        endsOn: daysAgo(2),
      },
    );
    await retitle(owned, 'after the membership ended');
    await retitle(own, 'about Jyväskylä');

    // Events arrive in commit order: the watcher sees both, and the former member's next event is the later one.
    expect(await nextAbout(watcher, owned, own)).toMatchObject({
      serviceNeedChanged: { need: { id: owned.id, title: 'after the membership ended' } },
    });
    expect(await nextAbout(watcher, owned, own)).toMatchObject({ serviceNeedChanged: { need: { id: own.id } } });
    expect(await nextAbout(member, owned, own)).toMatchObject({
      serviceNeedChanged: { need: { id: own.id, title: 'about Jyväskylä' } },
    });
  });

  it('a subscriber added to a body receives the next event about the body’s need', async () => {
    const body = await makeBody();
    const owned = await makeNeed('410', body);
    const member = await subscribe(demo.server, demo.server.ws(demo.token.jyvaskyla), NEED_CHANGED);

    await retitle(owned, 'before the membership');
    await addJyvaskyla(body);
    await retitle(owned, 'once a member');
    expect(await nextAbout(member, owned)).toMatchObject({
      serviceNeedChanged: { need: { id: owned.id, title: 'once a member' } },
    });
  });

  it('subscribers of one group each get their own operation id on the same answer', async () => {
    const need = await makeNeed('179', null);
    const client = demo.server.ws(demo.token.jyvaskyla);
    const query = 'subscription ($id: ID) { serviceNeedChanged(id: $id) { need { id title } } }';
    const first = await subscribe(demo.server, client, query, { id: need.id });
    const second = await subscribe(demo.server, client, query, { id: need.id });
    const elsewhere = await subscribe(demo.server, demo.server.ws(demo.token.jyvaskyla), query, { id: need.id });
    await retitle(need, 'to all three');
    for (const sub of [first, second, elsewhere]) {
      expect(await sub.next()).toEqual({ serviceNeedChanged: { need: { id: need.id, title: 'to all three' } } });
    }
  });
});
