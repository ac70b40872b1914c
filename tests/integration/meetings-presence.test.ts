import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as factory from './factories.js';
import { startDemo, subscribe, unique, waitFor } from './helpers.js';

/**
 * Presence held by the WebSocket that joined: it ends when that socket closes, however it closes,
 * but not while another socket of the same user holds it (a second tab).
 */
const demo = startDemo({ users: { chair: factory.DEMO.county, secretary: factory.DEMO.jyvaskyla } });

const PRESENCE = 'subscription ($m: ID!) { presenceChanged(meetingId: $m) { user { id } party { code } } }';
type Presence = { presenceChanged: { user: { id: string }; party: { code: string } | null }[] };

/** A meeting of a body of its own, chaired by the county, with Jyväskylä as its secretary. */
async function meeting(): Promise<string> {
  const body = await factory.makeBody(demo.server, demo.token.admin, { names: { fi: unique('Läsnäolo') } }, [
    [factory.DEMO.county, 'CHAIR'],
    [factory.DEMO.jyvaskyla, 'SECRETARY'],
  ]);
  return (await factory.makeMeeting(demo.server, demo.token.chair, { bodyId: body.id })).id;
}

/**
 * A bare graphql-transport-ws socket, as any client may drive it: init and one joinMeeting; `leave()` sends
 * leaveMeeting on the same socket.
 */
async function joinOnSocket(meetingId: string, bearer: string): Promise<WebSocket & { leave(): Promise<void> }> {
  const socket = new WebSocket(demo.server.wsUrl, 'graphql-transport-ws');
  const frames: Record<string, any>[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)));
    waiters.splice(0).forEach((w) => w());
  });
  const frame = (type: string, id?: string) =>
    new Promise<Record<string, any>>((resolve, reject) => {
      const look = () => {
        const found = frames.find((f) => f.type === type && (id === undefined || f.id === id));
        if (found) resolve(found);
        else waiters.push(look);
      };
      socket.once('close', (code) => reject(new Error(`socket closed (${code}) before ${type}`)));
      look();
    });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${bearer}` } }));
  await frame('connection_ack');
  const query = 'mutation ($m: ID!) { joinMeeting(meetingId: $m) { since } }';
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { m: meetingId } } }));
  const answer = await frame('next', '1');
  expect(answer.payload.errors).toBeUndefined();
  return Object.assign(socket, {
    async leave() {
      const leave = 'mutation ($m: ID!) { leaveMeeting(meetingId: $m) }';
      socket.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: leave, variables: { m: meetingId } } }));
      const left = await frame('next', '2');
      expect(left.payload).toEqual({ data: { leaveMeeting: true } });
    },
  });
}

const closed = (socket: WebSocket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));

/** The chair watching presence, and the secretary joined in two tabs (two sockets) of a new meeting. */
async function twoTabs() {
  const m = await meeting();
  const observer = await subscribe<Presence>(demo.server, demo.server.ws(demo.token.chair), PRESENCE, { m });
  expect(await observer.next()).toEqual({ presenceChanged: [] });

  const first = await joinOnSocket(m, demo.token.secretary);
  const joined = await observer.next();
  expect(joined).toMatchObject({ presenceChanged: [{ party: { code: '179' } }] });
  const userId = joined.presenceChanged[0]!.user.id;
  const second = await joinOnSocket(m, demo.token.secretary);
  const presence = demo.server.app.internals.services.meetings.presence;
  expect(presence.holds(m, userId)).toBe(2);
  return { m, observer, first, second, userId, presence };
}

describe('presence joined on a WebSocket', () => {
  it('ends as soon as the socket that joined closes, without leaveMeeting, and every watcher hears of it', async () => {
    const m = await meeting();
    const observer = await subscribe<Presence>(demo.server, demo.server.ws(demo.token.chair), PRESENCE, { m });
    expect(await observer.next()).toEqual({ presenceChanged: [] });

    const socket = await joinOnSocket(m, demo.token.secretary);
    expect(await observer.next()).toMatchObject({ presenceChanged: [{ party: { code: '179' } }] });
    socket.close();
    // The TTL is 60 s: an answer within 3 s is the socket's close.
    expect(await observer.next(3_000)).toEqual({ presenceChanged: [] });

    // A dropped connection (no closing handshake, as when the network goes) ends it the same way.
    const dropped = await joinOnSocket(m, demo.token.secretary);
    expect(await observer.next()).toMatchObject({ presenceChanged: [{ party: { code: '179' } }] });
    dropped.terminate();
    expect(await observer.next(3_000)).toEqual({ presenceChanged: [] });
    observer.close();
  });

  it('stays while another socket of the same user still holds it, and ends with the last', async () => {
    const { m, observer, first, second, userId, presence } = await twoTabs();

    const gone = closed(first);
    first.close();
    await gone;
    await waitFor(() => presence.holds(m, userId) === 1, 3_000, 'the first socket to let go');
    expect(presence.list(m).map((p) => p.userId)).toEqual([userId]);

    second.close();
    expect(await observer.next(3_000)).toEqual({ presenceChanged: [] });
    observer.close();
  });

  it("leaveMeeting on one socket ends that socket's hold only: another tab keeps the user present", async () => {
    const { m, observer, first, second, userId, presence } = await twoTabs();

    await first.leave();
    expect(presence.holds(m, userId)).toBe(1);
    expect(presence.list(m).map((p) => p.userId)).toEqual([userId]);

    // The second's leave ends the last hold: the user is gone, while both sockets are still open.
    await second.leave();
    expect(await observer.next(3_000)).toEqual({ presenceChanged: [] });
    expect(presence.holds(m, userId)).toBe(0);
    first.close();
    second.close();
    observer.close();
  });

  it("leaveMeeting over HTTP ends the HTTP heartbeat's hold only, not a socket's", async () => {
    const m = await meeting();
    const first = await joinOnSocket(m, demo.token.secretary);
    const overHttp = await demo.server.gql<{ joinMeeting: { user: { id: string } }[] }>(
      'mutation ($m: ID!) { joinMeeting(meetingId: $m) { user { id } } }',
      { m },
      { token: demo.token.secretary },
    );
    expect(overHttp.errors).toBeUndefined();
    const userId = overHttp.data!.joinMeeting[0]!.user.id;
    const presence = demo.server.app.internals.services.meetings.presence;
    expect(presence.holds(m, userId)).toBe(2);

    const left = await demo.server.gql(
      'mutation ($m: ID!) { leaveMeeting(meetingId: $m) }',
      { m },
      { token: demo.token.secretary },
    );
    expect(left.errors).toBeUndefined();
    expect(left.data).toEqual({ leaveMeeting: true });
    expect(presence.holds(m, userId)).toBe(1);
    expect(presence.list(m).map((p) => p.userId)).toEqual([userId]);

    await first.leave();
    expect(presence.holds(m, userId)).toBe(0);
    expect(presence.list(m)).toEqual([]);
    first.close();
  });
});
