import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { listen, nextWhere, startDemo, subscribe, waitFor, type Subscription } from './helpers.js';

// Losing sight of a need (serviceNeedWithdrawn): a party taken off a need hears, live and over the real socket,
// only the need's id and when; whoever still reads the need (a party still concerned, the secretariat) hears nothing.

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
});
