import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { listen, nextWhere, startDemo, subscribe, waitFor, type Subscription } from './helpers.js';

// Losing sight of a need (serviceNeedWithdrawn): a party taken off a need hears, live and over the real socket,
// only the need's id and when; whoever still reads the need (a party still concerned, the secretariat) hears nothing.
// So does a member whose own seat in the body that owns the need ended, and no one else.

const demo = startDemo({ users: ['jyvaskyla', 'laukaa'], region: true });

const WITHDRAWN = 'subscription ($id: ID) { serviceNeedWithdrawn(id: $id) { id at } }';
const CHANGED = 'subscription { serviceNeedChanged { name need { id title } } }';
const UPDATE =
  'mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { version } }';

const party = (code: string) => demo.region.party(code);
const JYVASKYLA = '179';
const LAUKAA = '410';
const JAMSA = '182';

const makeNeed = (codes: string[], ownerBodyId: string | null = null) =>
  factory.makeNeed(demo.server, demo.token.admin, { municipalityIds: codes.map(party), ownerBodyId });

async function update(need: { id: string; version: number }, input: Record<string, unknown>) {
  const r = await demo.server.gql(UPDATE, { id: need.id, v: need.version, input }, { token: demo.token.admin });
  expect(r.errors).toBeUndefined();
  need.version = r.data!.updateServiceNeed.version;
}

type Withdrawn = { serviceNeedWithdrawn: { id: string; at: string } };
type Changed = { serviceNeedChanged: { name: string; need: { id: string; title: string } } };

/** The next event about one of these needs (other files on a shared PostgreSQL change needs too), with those before it. */
const nextAbout = <T>(sub: Subscription<T>, idOf: (e: T) => string, ...needs: { id: string }[]) =>
  nextWhere(sub, (e) => needs.some((n) => n.id === idOf(e)));
const withdrawnId = (e: Withdrawn) => e.serviceNeedWithdrawn.id;
const changedId = (e: Changed) => e.serviceNeedChanged.need.id;

describe('a need withdrawn from sight', () => {
  it('reaches the party taken off it with the id alone, and neither a party still concerned nor the secretariat', async () => {
    const need = await makeNeed([JYVASKYLA, LAUKAA]);
    // Laukaa's sentinel: a need it is taken off later, so its stream shows what came before.
    const laukaaOwn = await makeNeed([LAUKAA]);

    const jyvaskyla = demo.server.ws(demo.token.jyvaskyla);
    const register = await subscribe<Withdrawn>(demo.server, jyvaskyla, WITHDRAWN);
    const page = await subscribe<Withdrawn>(demo.server, jyvaskyla, WITHDRAWN, { id: need.id });
    const jyvaskylaChanged = await subscribe<Changed>(demo.server, jyvaskyla, CHANGED);
    const laukaa = await subscribe<Withdrawn>(demo.server, demo.server.ws(demo.token.laukaa), WITHDRAWN);
    const adminSocket = demo.server.ws(demo.token.admin);
    const secretariat = await subscribe<Withdrawn>(demo.server, adminSocket, WITHDRAWN);
    const secretariatChanged = await subscribe<Changed>(demo.server, adminSocket, CHANGED);

    await update(need, { municipalityIds: [party(LAUKAA)] });

    // Jyväskylä's representative: the id and the time, nothing else of the need, on the register's and the page's stream.
    const { match } = await nextAbout(register, withdrawnId, need);
    expect(match).toEqual({ serviceNeedWithdrawn: { id: need.id, at: expect.any(String) } });
    expect(Number.isNaN(Date.parse(match.serviceNeedWithdrawn.at))).toBe(false);
    expect(await page.next()).toEqual(match);

    // Rights held: a later change to the need never reaches Jyväskylä's stream of changes.
    await update(need, { title: 'not for Jyväskylä any more' });
    const own = await makeNeed([JYVASKYLA]);
    const { before: jyvaskylaBefore } = await nextAbout(jyvaskylaChanged, changedId, need, own);
    expect(jyvaskylaBefore.filter((e) => changedId(e) === need.id)).toEqual([]);

    // Laukaa still sees the need: nothing about it before its own sentinel's withdrawal (events arrive in commit order).
    await update(laukaaOwn, { municipalityIds: [party(JAMSA)] });
    const laukaaNext = await nextAbout(laukaa, withdrawnId, need, laukaaOwn);
    expect(withdrawnId(laukaaNext.match)).toBe(laukaaOwn.id);
    expect(laukaaNext.before.map(withdrawnId)).not.toContain(need.id);

    // The secretariat reads every need: it has heard of the sentinel's change on the same socket, and no withdrawal at all.
    await nextAbout(secretariatChanged, changedId, laukaaOwn);
    expect(secretariat.received()).toBe(0);
    expect(secretariat.errors).toEqual([]);

    // And the page's stream of a need no longer readable is refused as any other unreadable need.
    const refused = listen(jyvaskyla, WITHDRAWN, { id: need.id });
    await waitFor(() => refused.errors.length > 0, 5_000, 'the refusal');
    expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  });

  it('does not reach a party taken off the list that still holds a responsibility in the need', async () => {
    const held = await makeNeed([JYVASKYLA, JAMSA]);
    const r = await demo.server.gql(
      'mutation ($n: ID!, $p: ID!) { setResponsibility(needId: $n, partyId: $p, role: CONTRIBUTOR) { version } }',
      { n: held.id, p: party(JYVASKYLA) },
      { token: demo.token.admin },
    );
    expect(r.errors).toBeUndefined();
    const sentinel = await makeNeed([JYVASKYLA, JAMSA]);
    const sub = await subscribe<Withdrawn>(demo.server, demo.server.ws(demo.token.jyvaskyla), WITHDRAWN);

    await update(held, { municipalityIds: [party(JAMSA)] });
    await update(sentinel, { municipalityIds: [party(JAMSA)] });

    const { match, before } = await nextAbout(sub, withdrawnId, held, sentinel);
    expect(withdrawnId(match)).toBe(sentinel.id);
    expect(before.map(withdrawnId)).not.toContain(held.id);
  });

  it('reaches a member of the body that no longer owns the need, unless they still read it', async () => {
    const body = (await factory.makeBody(demo.server, demo.token.admin)).id;
    const other = (await factory.makeBody(demo.server, demo.token.admin)).id;
    await factory.makeMembership(demo.server, demo.token.admin, {
      bodyId: body,
      personId: demo.region.person(factory.DEMO.jyvaskyla),
      role: 'MEMBER',
      capacity: 'OFFICE_HOLDER',
      startsOn: '2024-01-01',
    });
    // Laukaa's need read by Jyväskylä's representative only as the body's member; and one about Jyväskylä itself.
    const owned = await makeNeed([LAUKAA], body);
    const ownAndOwned = await makeNeed([JYVASKYLA], body);
    const sub = await subscribe<Withdrawn>(demo.server, demo.server.ws(demo.token.jyvaskyla), WITHDRAWN);

    await update(ownAndOwned, { ownerBodyId: other });
    await update(owned, { ownerBodyId: other });

    const { match, before } = await nextAbout(sub, withdrawnId, owned, ownAndOwned);
    expect(match).toEqual({ serviceNeedWithdrawn: { id: owned.id, at: expect.any(String) } });
    expect(before).toEqual([]);
  });

  it('reaches the member whose own seat in the owner body ended, for the needs they no longer read, and no one else', async () => {
    const admin = demo.token.admin;
    const body = (await factory.makeBody(demo.server, admin)).id;
    // Two new representatives of Jyväskylä, one seated in the body: once the seat ends, both have the same scope.
    const seated = await factory.makeAccount(demo.server, admin, {
      partyId: party(JYVASKYLA),
      memberships: [{ bodyId: body, role: 'MEMBER' }],
    });
    const alike = await factory.makeAccount(demo.server, admin, { partyId: party(JYVASKYLA) });
    const read = await demo.server.gql<{ cooperationBody: { memberships: { id: string; version: number }[] } }>(
      'query ($id: ID!) { cooperationBody(id: $id) { memberships { id version } } }',
      { id: body },
      { token: admin },
    );
    factory.ok(read, 'the seat');
    const seat = read.data.cooperationBody.memberships[0]!;
    // Laukaa's need, read by the seated one only through the seat; the body's need about Jyväskylä they read anyway.
    const owned = await makeNeed([LAUKAA], body);
    const ownedAndOurs = await makeNeed([JYVASKYLA], body);
    const firstSentinel = await makeNeed([JYVASKYLA]);
    const lastSentinel = await makeNeed([JYVASKYLA]);

    const seatedSocket = demo.server.ws(seated.token);
    const register = await subscribe<Withdrawn>(demo.server, seatedSocket, WITHDRAWN);
    const page = await subscribe<Withdrawn>(demo.server, seatedSocket, WITHDRAWN, { id: owned.id });
    const ourPage = await subscribe<Withdrawn>(demo.server, seatedSocket, WITHDRAWN, { id: ownedAndOurs.id });
    const other = await subscribe<Withdrawn>(demo.server, demo.server.ws(alike.token), WITHDRAWN);
    const needs = [owned, ownedAndOurs, firstSentinel, lastSentinel];

    // An end still to come takes nothing away today.
    const MEMBERSHIP =
      'mutation ($id: ID!, $v: Int!, $input: UpdateMembershipInput!) { updateMembership(id: $id, expectedVersion: $v, input: $input) { version } }';
    const ended = await demo.server.gql<{ endMembership: { version: number } }>(
      'mutation ($id: ID!, $v: Int!, $on: Date!) { endMembership(id: $id, expectedVersion: $v, endsOn: $on) { version } }',
      { id: seat.id, v: seat.version, on: '2099-12-31' },
      { token: admin },
    );
    factory.ok(ended, 'ending the seat later');
    await update(firstSentinel, { municipalityIds: [party(JAMSA)] });
    const first = await nextAbout(register, withdrawnId, ...needs);
    expect(withdrawnId(first.match)).toBe(firstSentinel.id);
    expect(first.before.map(withdrawnId)).toEqual([]);

    // Ended yesterday: the seat is gone now.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const moved = await demo.server.gql(
      MEMBERSHIP,
      { id: seat.id, v: ended.data.endMembership.version, input: { endsOn: yesterday } },
      { token: admin },
    );
    factory.ok(moved, 'ending the seat yesterday');
    await update(lastSentinel, { municipalityIds: [party(JAMSA)] });

    // The seated one: the need they read only through the seat, by its id and time alone, on the register and its page.
    const lost = await nextAbout(register, withdrawnId, ...needs);
    expect(lost.match).toEqual({ serviceNeedWithdrawn: { id: owned.id, at: expect.any(String) } });
    expect(lost.before.map(withdrawnId)).toEqual([]);
    expect(await page.next()).toEqual(lost.match);
    // Not the need they still read as Jyväskylä's representative: the next is the later sentinel's.
    const last = await nextAbout(register, withdrawnId, ...needs);
    expect(withdrawnId(last.match)).toBe(lastSentinel.id);
    expect(last.before.map(withdrawnId)).toEqual([]);
    expect(ourPage.received()).toBe(0);

    // The other representative, alike in all but the seat: the two sentinels and nothing of the seat's needs.
    const heard = [await nextAbout(other, withdrawnId, ...needs), await nextAbout(other, withdrawnId, ...needs)];
    expect(heard.map((h) => withdrawnId(h.match))).toEqual([firstSentinel.id, lastSentinel.id]);
    expect(heard.flatMap((h) => h.before.map(withdrawnId))).toEqual([]);
    expect([register, page, ourPage, other].flatMap((sub) => sub.errors)).toEqual([]);

    // What the stream said holds: the need is out of the seated one's sight.
    const gone = await demo.server.gql(
      'query ($id: ID!) { serviceNeed(id: $id) { id } }',
      { id: owned.id },
      { token: seated.token },
    );
    expect(gone.data?.serviceNeed ?? null).toBeNull();
  });
});
