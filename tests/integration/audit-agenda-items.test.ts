import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { countStatements, eventually, startDemo, unique } from './helpers.js';

/**
 * `ChangeEvent.referencedAgendaItems`: the agenda items an event's values name by id (the chair's pointer, an
 * action's decision), as the reader sees them on the meeting's agenda, and none of a meeting they may not read.
 */
const tag = unique('kohta');

const demo = startDemo({ users: ['analyst', 'laukaa', 'jyvaskyla'], region: true });

interface Item {
  id: string;
  section: number | null;
  position: number;
  title: string;
  restricted: boolean;
}
interface Node {
  name: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  referencedAgendaItems: Item[];
}

/**
 * The events of one record named `name` as `token` sees them, newest first, once there are `events` of them (the feed
 * serves a transaction once every older one has ended).
 */
async function eventsOf(entityId: string, name: string, token: string, events: number): Promise<Node[]> {
  const r = await eventually(
    () =>
      demo.server.gql(
        `query ($id: ID) { changes(entityId: $id, first: 20, order: NEWEST_FIRST) { edges { node {
          name before after referencedAgendaItems { id section position title restricted } } } } }`,
        { id: entityId },
        { token },
      ),
    (x) => (x.data?.changes.edges ?? []).filter((e: { node: Node }) => e.node.name === name).length >= events,
    10_000,
    `${events} ${name} events of ${entityId}`,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.changes.edges.map((e: { node: Node }) => e.node).filter((n: Node) => n.name === name);
}

/** Runs a mutation as the secretariat and fails the test on an error. */
async function run(query: string, variables: Record<string, unknown>) {
  const r = await demo.server.gql(query, variables, { token: demo.token.admin });
  expect(r.errors).toBeUndefined();
  return r.data!;
}

/** A meeting in progress of a body Laukaa's representative is a member of (Jyväskylä's is not), with a public and a secret item. */
async function meetingInProgress() {
  const body = await factory.makeBody(demo.server, demo.token.admin, { names: { fi: `${tag} elin` } }, [
    [factory.DEMO.county, 'CHAIR'],
    [factory.DEMO.laukaa, 'MEMBER'],
  ]);
  const meeting = await factory.makeMeeting(demo.server, demo.token.admin, { bodyId: body.id, title: `${tag} kokous` });
  const open = await factory.makeAgendaItem(demo.server, demo.token.admin, { meetingId: meeting.id, title: `${tag} avaus` });
  const secret = await factory.makeAgendaItem(demo.server, demo.token.admin, {
    meetingId: meeting.id,
    title: `${tag} salainen`,
    publicity: 'SECRET',
    legalBasis: 'JulkL 24.1 § 25 k',
  });
  for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS']) {
    const { meeting: now } = await run('query ($id: ID!) { meeting(id: $id) { version } }', { id: meeting.id });
    await run(
      'mutation ($m: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $m, expectedVersion: $v, to: $to) { id } }',
      {
        m: meeting.id,
        v: now.version,
        to,
      },
    );
  }
  return { meetingId: meeting.id, openId: open.id, secretId: secret.id };
}

const POINTER = 'mutation ($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, itemId: $i) { id } }';

describe("the audit trail's agenda items", () => {
  it("names the items the chair's pointer moved from and to, as each reader sees them on the agenda", async () => {
    const { meetingId, openId, secretId } = await meetingInProgress();
    await run(POINTER, { m: meetingId, i: openId });
    await run(POINTER, { m: meetingId, i: secretId });

    // A member of the body reads both items in full.
    const asMember = await eventsOf(meetingId, 'meeting.pointer_moved', demo.token.laukaa, 2);
    expect(asMember).toHaveLength(2);
    expect(asMember[1]!.referencedAgendaItems).toEqual([
      { id: openId, section: expect.any(Number), position: 1, title: `${tag} avaus`, restricted: false },
    ]);
    // The newer move names both: the item it moved from (before) and the one it moved to (after).
    expect(asMember[0]!.referencedAgendaItems.map((i) => [i.id, i.title, i.restricted])).toEqual([
      [openId, `${tag} avaus`, false],
      [secretId, `${tag} salainen`, false],
    ]);

    // An analyst reads the meeting but not a secret item: its place and title only, as on the agenda.
    const [moved] = await eventsOf(meetingId, 'meeting.pointer_moved', demo.token.analyst, 2);
    expect(moved!.referencedAgendaItems.map((i) => [i.id, i.title, i.restricted])).toEqual([
      [openId, `${tag} avaus`, false],
      [secretId, `${tag} salainen`, true],
    ]);
  });

  it('names an agenda item by its § number and title, the number first', async () => {
    const { meetingId, openId } = await meetingInProgress();
    const { meeting } = await run('query ($id: ID!) { meeting(id: $id) { agenda { id section } } }', { id: meetingId });
    const agendaItem = meeting.agenda.find((i: { id: string }) => i.id === openId);
    expect(agendaItem.section).toEqual(expect.any(Number));
    const r = await eventually(
      () =>
        demo.server.gql(
          'query ($id: ID) { changes(entityId: $id, first: 5, order: NEWEST_FIRST) { edges { node { entityTitle } } } }',
          { id: openId },
          { token: demo.token.admin },
        ),
      (x) => (x.data?.changes.edges.length ?? 0) >= 1,
      10_000,
      `events of ${openId}`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.changes.edges[0].node.entityTitle).toBe(`${agendaItem.section} § ${tag} avaus`);
  });

  it('leaves out an item of a meeting the reader may not read, though they see the event that names it', async () => {
    const { openId } = await meetingInProgress();
    // Jyväskylä's need: its representative reads the need and its action, not the body's meeting the action came from.
    const need = await factory.makeNeed(demo.server, demo.token.admin, {
      title: `${tag} Jyväskylän tarve`,
      municipalityIds: [demo.region.party('179')],
    });
    const action = await factory.makeAction(demo.server, demo.token.admin, {
      needId: need.id,
      ownerPartyId: demo.region.party('179'),
      agendaItemId: openId,
    });

    const [asOutsider] = await eventsOf(action.id, 'action.created', demo.token.jyvaskyla, 1);
    expect(asOutsider).toMatchObject({ name: 'action.created', after: { agendaItemId: openId } });
    expect(asOutsider!.referencedAgendaItems).toEqual([]);

    const [asMember] = await eventsOf(action.id, 'action.created', demo.token.admin, 1);
    expect(asMember!.referencedAgendaItems.map((i) => i.id)).toEqual([openId]);
  });
});

describe("the audit trail's agenda items' cost", () => {
  // Its own server on its own database: a count of statements must not meet other files' writes and notifications.
  const own = startDemo({ own: 'yp_audit_agenda_cost', users: ['laukaa'] });

  it('names the items of 2 pointer moves and of 6 in the same statements', async () => {
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const r = await own.server.gql(query, variables, { token: own.token.admin });
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    const body = await factory.makeBody(own.server, own.token.admin, {}, [
      [factory.DEMO.county, 'CHAIR'],
      [factory.DEMO.laukaa, 'MEMBER'],
    ]);
    const meeting = await factory.makeMeeting(own.server, own.token.admin, { bodyId: body.id });
    const items: string[] = [];
    for (let i = 0; i < 7; i++)
      items.push((await factory.makeAgendaItem(own.server, own.token.admin, { meetingId: meeting.id })).id);
    for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS']) {
      const { meeting: now } = await ok('query ($id: ID!) { meeting(id: $id) { version } }', { id: meeting.id });
      await ok(
        'mutation ($m: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $m, expectedVersion: $v, to: $to) { id } }',
        {
          m: meeting.id,
          v: now.version,
          to,
        },
      );
    }
    // Each move names two items (from and to): 6 moves name all 7.
    for (const id of items) await ok(POINTER, { m: meeting.id, i: id });

    const Q = `query ($id: ID, $first: Int) { changes(entityId: $id, first: $first, order: NEWEST_FIRST) { edges { node {
      name referencedAgendaItems { id title } } } } }`;
    const page = (first: number) => own.server.gql(Q, { id: meeting.id, first }, { token: own.token.laukaa });
    await eventually(
      () => page(7),
      (r) => (r.data?.changes.edges ?? []).filter((e: any) => e.node.name === 'meeting.pointer_moved').length === 7,
      10_000,
      'the seven moves in the stream',
    );
    const statements = countStatements(own.server);
    const countFor = async (first: number) => {
      statements.reset();
      const r = await page(first);
      expect(r.errors).toBeUndefined();
      const nodes = r.data!.changes.edges.map((e: any) => e.node);
      expect(nodes.map((n: any) => n.name)).toEqual(Array(first).fill('meeting.pointer_moved'));
      return {
        count: statements.count(),
        named: new Set(nodes.flatMap((n: any) => n.referencedAgendaItems.map((i: any) => i.id))),
      };
    };
    try {
      const two = await countFor(2);
      const twoShapes = statements.shapes();
      const six = await countFor(6);
      expect(two.named.size).toBe(3);
      expect(six.named.size).toBe(7);
      // As in the register's DataLoader test: a pool may split a loader's batch once more.
      const splits = { pglite: 0, postgres: 3 }[own.server.app.internals.database.kind];
      expect(statements.shapes()).toEqual(twoShapes);
      expect(Math.abs(six.count - two.count)).toBeLessThanOrEqual(splits);
    } finally {
      statements.restore();
    }
  });
});
