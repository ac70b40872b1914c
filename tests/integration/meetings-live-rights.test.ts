import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { publishAgenda } from './meeting-factory.js';
import { startDemo, subscribe, unique, waitFor } from './helpers.js';

/**
 * Every live delivery of the meeting room's ephemeral feeds (`awarenessUpdated`, `presenceChanged`) is checked against
 * the receiver's rights at delivery time, as `meetingChanged` and `documentUpdated` are; and whoever may no longer be in
 * the room (deactivated, no longer a member) drops out of its presence list at once, not at the heartbeat's expiry.
 */
const demo = startDemo({ users: { chair: factory.DEMO.county, laukaa: factory.DEMO.laukaa, analyst: factory.DEMO.analyst } });

const AWARENESS = 'subscription ($d: ID!) { awarenessUpdated(documentId: $d) { update user { id displayName } } }';
const PUSH_AWARENESS = 'mutation ($d: ID!, $u: String!) { pushAwarenessUpdate(documentId: $d, update: $u) }';
const PRESENCE = 'subscription ($m: ID!) { presenceChanged(meetingId: $m) { user { id } } }';
const JOIN = 'mutation ($m: ID!, $c: String) { joinMeeting(meetingId: $m, clientId: $c) { user { id } } }';
const END_MEMBERSHIP =
  'mutation ($id: ID!, $v: Int!, $e: Date!) { endMembership(id: $id, expectedVersion: $v, endsOn: $e) { id } }';

type Awareness = { awarenessUpdated: { update: string; user: { id: string; displayName: string } } };
type Presence = { presenceChanged: { user: { id: string } }[] };

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** Waits until every change event committed so far has reached this process's bus (the re-checks start from it). */
async function busCaughtUp(): Promise<void> {
  const r = (await demo.server.app.internals.database.db.execute(sql`select max(id) as id from change_events`)) as unknown as {
    rows: { id: number | string }[];
  };
  const id = Number(r.rows[0]!.id);
  await waitFor(() => demo.server.app.bus.hasSeen(id), 5_000, 'the event to reach the bus');
}

/**
 * A body of its own chaired by the county with Laukaa as a MEMBER (from 2020), and a meeting whose agenda is out with
 * one item of `publicity`; the item's decision document.
 */
async function meetingWithItem(publicity: 'PUBLIC' | 'PARTLY_SECRET') {
  const body = await factory.makeBody(demo.server, demo.token.admin, { names: { fi: unique('Oikeudet') } });
  const [, laukaaSeat] = await factory.seat(demo.server, demo.token.admin, body.id, [
    [factory.DEMO.county, 'CHAIR', { startsOn: '2020-01-01' }],
    [factory.DEMO.laukaa, 'MEMBER', { startsOn: '2020-01-01' }],
  ]);
  const meeting = await factory.makeMeeting(demo.server, demo.token.admin, { bodyId: body.id });
  const item = await factory.makeAgendaItem(demo.server, demo.token.admin, {
    meetingId: meeting.id,
    publicity,
    ...(publicity === 'PUBLIC' ? {} : { legalBasis: 'JulkL 24.1 § 25 k' }),
  });
  await publishAgenda(demo.server, demo.token.admin, meeting.id);
  const read = await demo.server.gql<{
    meeting: { agenda: { id: string; version: number; decisionDocument: { id: string } | null }[] };
  }>(
    'query ($id: ID!) { meeting(id: $id) { agenda { id version decisionDocument { id } } } }',
    { id: meeting.id },
    { token: demo.token.admin },
  );
  factory.ok(read, 'reading the agenda');
  const agendaItem = read.data.meeting.agenda.find((i) => i.id === item.id)!;
  return { meetingId: meeting.id, item: agendaItem, documentId: agendaItem.decisionDocument!.id, laukaaSeat: laukaaSeat! };
}

/** Sends one awareness update as `bearer`; fails the test if refused. */
async function pushAwareness(bearer: string, documentId: string, update: string): Promise<void> {
  const r = await demo.server.gql(PUSH_AWARENESS, { d: documentId, u: update }, { token: bearer });
  expect(r.errors).toBeUndefined();
}

describe('awareness and presence follow the receiver’s rights at delivery time', () => {
  it('a member whose membership ends receives no more cursors, and their presence feed ends, on the socket they kept open', async () => {
    const { meetingId, documentId, laukaaSeat } = await meetingWithItem('PARTLY_SECRET');
    // Laukaa on one socket, with both feeds; the chair (still a member) watches the same ones as the control.
    const socket = demo.server.ws(demo.token.laukaa);
    const cursors = await subscribe<Awareness>(demo.server, socket, AWARENESS, { d: documentId });
    const presence = await subscribe<Presence>(demo.server, socket, PRESENCE, { m: meetingId });
    const chairCursors = await subscribe<Awareness>(demo.server, demo.server.ws(demo.token.chair), AWARENESS, { d: documentId });
    const chairPresence = await subscribe<Presence>(demo.server, demo.server.ws(demo.token.chair), PRESENCE, { m: meetingId });
    expect(await presence.next()).toEqual({ presenceChanged: [] });
    expect(await chairPresence.next()).toEqual({ presenceChanged: [] });

    // While a member, Laukaa receives both.
    await pushAwareness(demo.token.admin, documentId, 'AQIDBA==');
    expect(await cursors.next()).toMatchObject({ awarenessUpdated: { update: 'AQIDBA==' } });
    expect(await chairCursors.next()).toMatchObject({ awarenessUpdated: { update: 'AQIDBA==' } });

    const ended = await demo.server.gql(
      END_MEMBERSHIP,
      { id: laukaaSeat.id, v: laukaaSeat.version, e: yesterday() },
      { token: demo.token.admin },
    );
    expect(ended.errors).toBeUndefined();
    await busCaughtUp();
    const asLaukaa = await demo.server.gql(
      'query ($m: ID!, $d: ID!) { meeting(id: $m) { id } document(id: $d) { id } }',
      { m: meetingId, d: documentId },
      { token: demo.token.laukaa },
    );
    expect(asLaukaa.data).toEqual({ meeting: null, document: null });

    // Cursors: the chair gets both of the next two, Laukaa neither.
    const heardBefore = cursors.received();
    await pushAwareness(demo.token.admin, documentId, 'BQYHCA==');
    await pushAwareness(demo.token.admin, documentId, 'CQoLDA==');
    expect(await chairCursors.next()).toMatchObject({ awarenessUpdated: { update: 'BQYHCA==' } });
    expect(await chairCursors.next()).toMatchObject({ awarenessUpdated: { update: 'CQoLDA==' } });
    expect(cursors.received()).toBe(heardBefore);

    // Presence: the chair sees the secretariat come in; Laukaa's feed ends instead of telling them.
    const heardPresence = presence.received();
    const joined = await demo.server.gql(JOIN, { m: meetingId }, { token: demo.token.admin });
    expect(joined.errors).toBeUndefined();
    expect((await chairPresence.next()).presenceChanged).toHaveLength(1);
    await waitFor(() => presence.completed(), 3_000, "Laukaa's presence feed to end");
    expect(presence.received()).toBe(heardPresence);
    [cursors, presence, chairCursors, chairPresence].forEach((s) => s.close());
  });

  it('an analyst receives no more cursors of a public item made secret', async () => {
    const { documentId, item } = await meetingWithItem('PUBLIC');
    const cursors = await subscribe<Awareness>(demo.server, demo.server.ws(demo.token.analyst), AWARENESS, { d: documentId });
    const chairCursors = await subscribe<Awareness>(demo.server, demo.server.ws(demo.token.chair), AWARENESS, { d: documentId });
    await pushAwareness(demo.token.admin, documentId, 'AQIDBA==');
    expect(await cursors.next()).toMatchObject({ awarenessUpdated: { update: 'AQIDBA==' } });
    expect(await chairCursors.next()).toMatchObject({ awarenessUpdated: { update: 'AQIDBA==' } });

    const secret = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!, $i: UpdateAgendaItemInput!) { updateAgendaItem(id: $id, expectedVersion: $v, input: $i) { id } }',
      { id: item.id, v: item.version, i: { publicity: 'SECRET', legalBasis: 'JulkL 24.1 § 25 k' } },
      { token: demo.token.admin },
    );
    expect(secret.errors).toBeUndefined();
    await busCaughtUp();
    const asAnalyst = await demo.server.gql(
      'query ($d: ID!) { document(id: $d) { id } }',
      { d: documentId },
      { token: demo.token.analyst },
    );
    expect(asAnalyst.data).toEqual({ document: null });

    const heardBefore = cursors.received();
    await pushAwareness(demo.token.admin, documentId, 'BQYHCA==');
    await pushAwareness(demo.token.admin, documentId, 'CQoLDA==');
    expect(await chairCursors.next()).toMatchObject({ awarenessUpdated: { update: 'BQYHCA==' } });
    expect(await chairCursors.next()).toMatchObject({ awarenessUpdated: { update: 'CQoLDA==' } });
    expect(cursors.received()).toBe(heardBefore);
    cursors.close();
    chairCursors.close();
  });
});

/**
 * The joiner (`token`; their user `id` when known, else as the join answers it) joins the meeting while the chair watches
 * its presence list; `act` takes their right to be present away. They drop out of the list at once (the heartbeat's
 * expiry is 60 s away: an answer within 3 s is the act's doing) and the chair, joining, does not find them listed.
 */
async function dropsOutOfPresence(meetingId: string, joiner: { token: string; id?: string }, act: () => Promise<void>) {
  const watcher = await subscribe<Presence>(demo.server, demo.server.ws(demo.token.chair), PRESENCE, { m: meetingId });
  expect(await watcher.next()).toEqual({ presenceChanged: [] });
  const joined = await demo.server.gql<{ joinMeeting: { user: { id: string } }[] }>(
    JOIN,
    { m: meetingId, c: 'tab1' },
    { token: joiner.token },
  );
  factory.ok(joined, 'joinMeeting');
  const joinerId = joiner.id ?? joined.data.joinMeeting[0]!.user.id;
  expect(await watcher.next()).toEqual({ presenceChanged: [{ user: { id: joinerId } }] });

  await act();
  expect(await watcher.next(3_000)).toEqual({ presenceChanged: [] });
  const chairJoins = await demo.server.gql<{ joinMeeting: { user: { id: string } }[] }>(
    JOIN,
    { m: meetingId },
    { token: demo.token.chair },
  );
  factory.ok(chairJoins, 'joinMeeting');
  expect(chairJoins.data.joinMeeting.map((p) => p.user.id)).not.toContain(joinerId);
  watcher.close();
}

describe('presence ends at once with the right to be present', () => {
  it('a member whose membership ends drops out of the presence list at once, and the others are told', async () => {
    const { meetingId, laukaaSeat } = await meetingWithItem('PUBLIC');
    await dropsOutOfPresence(meetingId, { token: demo.token.laukaa }, async () => {
      const ended = await demo.server.gql(
        END_MEMBERSHIP,
        { id: laukaaSeat.id, v: laukaaSeat.version, e: yesterday() },
        { token: demo.token.admin },
      );
      expect(ended.errors).toBeUndefined();
    });
  });

  it('a deactivated user drops out of the presence list at once, and the others are told', async () => {
    const { meetingId } = await meetingWithItem('PUBLIC');
    const account = await factory.makeAccount(demo.server, demo.token.admin, { roles: ['SECRETARIAT'] });
    await dropsOutOfPresence(meetingId, account, async () => {
      const deactivated = await demo.server.gql(
        'mutation ($id: ID!) { deactivateUser(id: $id) { id } }',
        { id: account.id },
        { token: demo.token.admin },
      );
      expect(deactivated.errors).toBeUndefined();
    });
  });
});
