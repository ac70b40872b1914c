import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { startDemo, subscribe, unique, waitFor } from './helpers.js';

/**
 * Presence held over HTTP: each browser tab names its own hold (`clientId`), so that one tab's leaveMeeting does
 * not take the user out of the room while another tab still has it open. Clients that send no `clientId` share one
 * hold per user, as before.
 */
const demo = startDemo({ users: { chair: factory.DEMO.county, secretary: factory.DEMO.jyvaskyla } });

const JOIN = 'mutation ($m: ID!, $c: String) { joinMeeting(meetingId: $m, clientId: $c) { user { id } } }';
const LEAVE = 'mutation ($m: ID!, $c: String) { leaveMeeting(meetingId: $m, clientId: $c) }';
const JOIN_OLD = 'mutation ($m: ID!) { joinMeeting(meetingId: $m) { user { id } } }';
const LEAVE_OLD = 'mutation ($m: ID!) { leaveMeeting(meetingId: $m) }';
const PRESENCE =
  'subscription ($m: ID!, $c: String) { presenceChanged(meetingId: $m, clientId: $c) { user { id } party { code } } }';
type Presence = { presenceChanged: { user: { id: string }; party: { code: string } | null }[] };

/** A meeting of a body of its own, chaired by the county, with Jyväskylä as its secretary. */
async function meeting(): Promise<string> {
  const body = await factory.makeBody(demo.server, demo.token.admin, { names: { fi: unique('Läsnäolo HTTP') } }, [
    [factory.DEMO.county, 'CHAIR'],
    [factory.DEMO.jyvaskyla, 'SECRETARY'],
  ]);
  return (await factory.makeMeeting(demo.server, demo.token.chair, { bodyId: body.id })).id;
}

/** One presence call over HTTP as `who`; fails the test on any error. */
async function call(query: string, variables: Record<string, unknown>, who: string) {
  const r = await demo.server.gql<{ joinMeeting?: { user: { id: string } }[]; leaveMeeting?: boolean }>(query, variables, {
    token: who,
  });
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const presence = () => demo.server.app.internals.services.meetings.presence;
const present = (m: string) =>
  presence()
    .list(m)
    .map((p) => p.userId);

describe('presence joined over HTTP with a clientId', () => {
  it("two tabs of one user: one tab's leave keeps the user present, the other's takes them out, and the user is listed once", async () => {
    const m = await meeting();
    const observer = await subscribe<Presence>(demo.server, demo.server.ws(demo.token.chair), PRESENCE, { m });
    expect(await observer.next()).toEqual({ presenceChanged: [] });

    const first = await call(JOIN, { m, c: 'tab-1' }, demo.token.secretary);
    const userId = first.joinMeeting![0]!.user.id;
    expect(await observer.next()).toEqual({ presenceChanged: [{ user: { id: userId }, party: { code: '179' } }] });
    const second = await call(JOIN, { m, c: 'tab-2' }, demo.token.secretary);
    // Two holds, one person in the list.
    expect(second.joinMeeting).toEqual([{ user: { id: userId } }]);
    expect(presence().holds(m, userId)).toBe(2);

    expect(await call(LEAVE, { m, c: 'tab-1' }, demo.token.secretary)).toEqual({ leaveMeeting: true });
    expect(presence().holds(m, userId)).toBe(1);
    expect(present(m)).toEqual([userId]);
    // A heartbeat of the tab still open renews its own hold and lists the user once.
    expect((await call(JOIN, { m, c: 'tab-2' }, demo.token.secretary)).joinMeeting).toEqual([{ user: { id: userId } }]);

    expect(await call(LEAVE, { m, c: 'tab-2' }, demo.token.secretary)).toEqual({ leaveMeeting: true });
    expect(await observer.next(3_000)).toEqual({ presenceChanged: [] });
    expect(presence().holds(m, userId)).toBe(0);
    observer.close();
  });

  it("ends a tab's hold when its presence subscription with the same clientId ends (the tab closed), not another tab's", async () => {
    const m = await meeting();
    const tab = demo.server.ws(demo.token.chair);
    const watching = await subscribe<Presence>(demo.server, tab, PRESENCE, { m, c: 'closing-tab' });
    expect(await watching.next()).toEqual({ presenceChanged: [] });
    const userId = (await call(JOIN, { m, c: 'closing-tab' }, demo.token.chair)).joinMeeting![0]!.user.id;
    await call(JOIN, { m, c: 'other-tab' }, demo.token.chair);
    expect(presence().holds(m, userId)).toBe(2);

    watching.close();
    await waitFor(() => presence().holds(m, userId) === 1, 3_000, "the closed tab's hold to end");
    expect(present(m)).toEqual([userId]);
    await call(LEAVE, { m, c: 'other-tab' }, demo.token.chair);
    expect(present(m)).toEqual([]);
    await tab.dispose();
  });

  it('refuses a malformed clientId with BAD_USER_INPUT and joins nobody', async () => {
    const m = await meeting();
    for (const c of ['', 'x'.repeat(65), 'välilyönti ja ä', 'a/b']) {
      for (const query of [JOIN, LEAVE]) {
        const r = await demo.server.gql(query, { m, c }, { token: demo.token.secretary });
        expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { clientId: expect.any(String) } });
      }
    }
    expect(present(m)).toEqual([]);
    expect((await demo.server.gql(JOIN, { m, c: 'x'.repeat(64) }, { token: demo.token.secretary })).errors).toBeUndefined();
    await call(LEAVE, { m, c: 'x'.repeat(64) }, demo.token.secretary);
  });
});

describe('presence joined over HTTP without a clientId (older clients)', () => {
  it("shares one hold: a second join renews it and one leave ends it; a named tab's hold is not touched", async () => {
    const m = await meeting();
    const userId = (await call(JOIN_OLD, { m }, demo.token.admin)).joinMeeting![0]!.user.id;
    await call(JOIN_OLD, { m }, demo.token.admin);
    expect(presence().holds(m, userId)).toBe(1);
    expect(await call(LEAVE_OLD, { m }, demo.token.admin)).toEqual({ leaveMeeting: true });
    expect(present(m)).toEqual([]);

    // An older tab and a newer one of the same user: the older one's leave leaves the newer one's hold.
    await call(JOIN, { m, c: 'new-tab' }, demo.token.admin);
    await call(JOIN_OLD, { m }, demo.token.admin);
    expect(presence().holds(m, userId)).toBe(2);
    await call(LEAVE_OLD, { m }, demo.token.admin);
    expect(present(m)).toEqual([userId]);
    await call(LEAVE, { m, c: 'new-tab' }, demo.token.admin);
    expect(present(m)).toEqual([]);
  });
});
