import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO, loginDemo, makeAgendaItem, makeBody, makeMeeting, ok } from './factories.js';
import { eventually, instantBetween, listen, startServer, unique, waitFor, type TestServer } from './helpers.js';

// A PLANNED meeting's agenda is a draft that only those who run the meeting see (`meeting.agenda` is empty for the
// others). The audit stream (`changes`, its NDJSON export) and the minutes follow the same rule: who does not see the
// agenda sees none of its items' events, nor the draft minutes (withheld: the id with no content; the id itself
// answers as unknown), until the agenda is published.

let server: TestServer;
let token: Record<'admin' | 'analyst' | 'jyvaskyla' | 'laukaa' | 'county', string>;
let analystRead: string;

beforeAll(async () => {
  server = await startServer();
  token = await loginDemo(server, 'admin', 'analyst', 'jyvaskyla', 'laukaa', 'county');
  const api = await server.gql(
    'mutation { createApiToken(name: "read", scopes: [READ]) { token } }',
    {},
    { token: token.analyst },
  );
  ok(api, 'createApiToken');
  analystRead = api.data.createApiToken.token as string;
});
afterAll(() => server?.stop());

const MEETING =
  'query ($id: ID!) { meeting(id: $id) { version agenda { id proposal } minutes { id text version canEdit } viewerCan { readMinutes } } }';
const CHANGES = `query ($id: ID, $type: String) {
  changes(entityId: $id, entityType: $type, first: 1000) { edges { node { entityId before after entityTitle } } }
}`;
const ALL = 'query { changes(first: 1000, order: NEWEST_FIRST) { edges { node { entityId before after entityTitle } } } }';
const DOCUMENT = 'query ($d: ID!) { document(id: $d) { text } }';
const PUSH = 'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }';
const TRANSITION = 'mutation ($m: ID!, $v: Int!) { transitionMeeting(id: $m, expectedVersion: $v, to: AGENDA_PUBLISHED) { id } }';

/** A Yjs update writing one paragraph of `text` into a fresh document (what the editor sends first). */
function paragraph(text: string): string {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [p]);
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
}

/**
 * A PLANNED meeting of a body the county chairs, Jyväskylä is a member of and Laukaa observes: a public item, a
 * secret one and draft minutes, each with text of its own to look for.
 */
async function draftMeeting() {
  const mark = unique('DRAFT');
  const body = await makeBody(server, token.admin, { tier: 'STEERING' }, [
    [DEMO.county, 'CHAIR'],
    [DEMO.jyvaskyla, 'MEMBER'],
    [DEMO.laukaa, 'OBSERVER'],
  ]);
  const meeting = await makeMeeting<{ id: string; minutes: { id: string } }>(
    server,
    token.admin,
    { bodyId: body.id, title: 'Draft meeting', startsAt: '2027-01-20T09:00:00Z' },
    'id minutes { id }',
  );
  const open = await makeAgendaItem(server, token.admin, {
    meetingId: meeting.id,
    title: `${mark}-TITLE`,
    proposal: `${mark}-PROPOSAL-UNPUBLISHED`,
  });
  const secret = await makeAgendaItem(server, token.admin, {
    meetingId: meeting.id,
    title: `${mark}-SECRET-TITLE`,
    proposal: `${mark}-SECRET-PROPOSAL`,
    publicity: 'SECRET',
    legalBasis: 'JulkL 24.1 § 25 k',
  });
  const pushed = await server.gql(PUSH, { d: meeting.minutes.id, u: paragraph(`${mark}-MINUTES`) }, { token: token.admin });
  ok(pushed, 'pushDocumentUpdate');
  // The stream shows a write once every older transaction has ended (a moment later on a shared PostgreSQL). Once
  // the secretariat sees this last one, every view below has the whole draft to show or to withhold.
  await eventually(
    () => eventsOf(token.admin, [meeting.minutes.id]),
    (events) => events.length > 0,
    10_000,
    "the minutes' event in the stream",
  );
  return { mark, meetingId: meeting.id, minutesId: meeting.minutes.id, openId: open.id, secretId: secret.id };
}

/** The events `changes` shows the caller about one record, or of one type about the given records. */
async function eventsOf(as: string, ids: string[], type?: string) {
  if (type) {
    const r = await server.gql(CHANGES, { type }, { token: as });
    ok(r, `changes(entityType: ${type})`);
    return r.data.changes.edges.filter((e: { node: { entityId: string } }) => ids.includes(e.node.entityId));
  }
  const all = [];
  for (const id of ids) {
    const r = await server.gql(CHANGES, { id }, { token: as });
    ok(r, 'changes(entityId)');
    all.push(...r.data.changes.edges);
  }
  return all;
}

/** The NDJSON export of the audit stream as the caller (a bearer token) gets it, as text. */
async function exported(as: string): Promise<string> {
  const res = await fetch(`${server.url}/export/changes.ndjson`, { headers: { authorization: `Bearer ${as}` } });
  expect(res.status).toBe(200);
  return res.text();
}

const readers = () => ({
  'the analyst': token.analyst,
  "the analyst's READ token": analystRead,
  'a member': token.jyvaskyla,
  'an observer': token.laukaa,
});

describe("a PLANNED meeting's draft, for those who do not run the meeting", () => {
  it('is in no view of the audit stream, as it is not on the agenda, until the agenda is published', async () => {
    const d = await draftMeeting();
    const ids = [d.openId, d.secretId];
    for (const [who, as] of Object.entries(readers())) {
      const meeting = await server.gql(MEETING, { id: d.meetingId }, { token: as });
      expect(meeting.data?.meeting.agenda, who).toEqual([]);
      expect(await eventsOf(as, ids), who).toEqual([]);
      expect(await eventsOf(as, ids, 'agenda_item'), who).toEqual([]);
      expect(await eventsOf(as, [d.minutesId]), who).toEqual([]);
      expect(await eventsOf(as, [d.minutesId], 'document'), who).toEqual([]);
      const all = await server.gql(ALL, {}, { token: as });
      ok(all, 'changes');
      expect(JSON.stringify(all.data), who).not.toContain(d.mark);
    }
    expect(await exported(analystRead)).not.toContain(d.mark);
    // Those who run the meeting see it all, in the same views.
    expect(await eventsOf(token.county, ids)).toHaveLength(2);
    expect(await eventsOf(token.county, [d.minutesId])).toHaveLength(1);
    expect(JSON.stringify(await eventsOf(token.county, ids, 'agenda_item'))).toContain(`${d.mark}-SECRET-PROPOSAL`);

    const v = (await server.gql(MEETING, { id: d.meetingId }, { token: token.admin })).data!.meeting.version;
    ok(await server.gql(TRANSITION, { m: d.meetingId, v }, { token: token.admin }), 'publishing the agenda');
    // Published, the agenda shows the analyst the public item in full and the secret one by its title only: the
    // stream shows them the public item's events and none of the secret one's; the members see both, as on the agenda.
    const analystAgenda = (await server.gql(MEETING, { id: d.meetingId }, { token: analystRead })).data!.meeting.agenda;
    expect(analystAgenda).toEqual([
      { id: d.openId, proposal: `${d.mark}-PROPOSAL-UNPUBLISHED` },
      { id: d.secretId, proposal: null },
    ]);
    expect(await eventsOf(analystRead, [d.openId])).toHaveLength(1);
    expect(await eventsOf(analystRead, [d.secretId])).toEqual([]);
    expect(await exported(analystRead)).toContain(`${d.mark}-PROPOSAL-UNPUBLISHED`);
    expect(await exported(analystRead)).not.toContain(`${d.mark}-SECRET-PROPOSAL`);
    for (const as of [token.jyvaskyla, token.laukaa]) {
      expect(await eventsOf(as, ids)).toHaveLength(2);
      expect(await eventsOf(as, [d.minutesId])).toHaveLength(1);
    }
  });

  it('withholds the draft minutes from them (no content; the id unknown) until the agenda is published', async () => {
    const d = await draftMeeting();
    for (const [who, as] of Object.entries(readers())) {
      const meeting = await server.gql(MEETING, { id: d.meetingId }, { token: as });
      expect(meeting.errors, who).toBeUndefined();
      // The contract keeps `minutes: Document!`: the field stays, its content does not reach them.
      expect(meeting.data?.meeting.minutes, who).toEqual({ id: d.minutesId, text: '', version: 0, canEdit: false });
      expect(meeting.data?.meeting.viewerCan.readMinutes, who).toBe(false);
      const doc = await server.gql(DOCUMENT, { d: d.minutesId }, { token: as });
      expect(doc.errors, who).toBeUndefined();
      expect(doc.data?.document, who).toBeNull();
      const state = await server.gql('query ($d: ID!) { documentState(id: $d) }', { d: d.minutesId }, { token: as });
      expect(state.errors?.[0]?.extensions?.code, who).toBe('NOT_FOUND');
      const sub = listen(server.ws(as), 'subscription ($d: ID!) { documentUpdated(documentId: $d) { update } }', {
        d: d.minutesId,
      });
      await waitFor(() => sub.errors.length > 0, 5_000, 'the subscription to be refused');
      expect(sub.errors, who).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
      sub.close();
    }
    // A member who writes minutes once the agenda is out may not write the hidden draft either.
    const push = await server.gql(PUSH, { d: d.minutesId, u: paragraph('x') }, { token: token.jyvaskyla });
    expect(push.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const chair = await server.gql(MEETING, { id: d.meetingId }, { token: token.county });
    expect(chair.data?.meeting.minutes.text).toContain(`${d.mark}-MINUTES`);
    expect(chair.data?.meeting.viewerCan.readMinutes).toBe(true);

    const v = chair.data!.meeting.version;
    ok(await server.gql(TRANSITION, { m: d.meetingId, v }, { token: token.admin }), 'publishing the agenda');
    for (const [who, as] of Object.entries(readers())) {
      const meeting = await server.gql(MEETING, { id: d.meetingId }, { token: as });
      expect(meeting.data?.meeting.minutes.text, who).toContain(`${d.mark}-MINUTES`);
      expect(meeting.data?.meeting.viewerCan.readMinutes, who).toBe(true);
      expect((await server.gql(DOCUMENT, { d: d.minutesId }, { token: as })).data?.document.text, who).toContain(d.mark);
    }
  });
});

describe('a past agenda (`asOf`) and the audit stream of an item made secret since', () => {
  it('show the analyst its content no more than the agenda does now', async () => {
    const d = await draftMeeting();
    const v = (await server.gql(MEETING, { id: d.meetingId }, { token: token.admin })).data!.meeting.version;
    ok(await server.gql(TRANSITION, { m: d.meetingId, v }, { token: token.admin }), 'publishing the agenda');
    const then = await instantBetween();
    const item = await server.gql(
      'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
      { id: d.meetingId },
      { token: token.admin },
    );
    const version = item.data!.meeting.agenda.find((i: { id: string }) => i.id === d.openId).version;
    const secret = await server.gql(
      'mutation ($id: ID!, $v: Int!) { updateAgendaItem(id: $id, expectedVersion: $v, input: { publicity: SECRET, legalBasis: "JulkL 24.1 § 25 k" }) { id } }',
      { id: d.openId, v: version },
      { token: token.admin },
    );
    ok(secret, 'updateAgendaItem');
    const past = await server.gql(
      'query ($id: ID!, $at: DateTime) { meeting(id: $id, asOf: $at) { asOf agenda { id proposal restricted } } }',
      { id: d.meetingId, at: then },
      { token: token.analyst },
    );
    ok(past, 'meeting(asOf)');
    expect(past.data.meeting.agenda.find((i: { id: string }) => i.id === d.openId)).toEqual({
      id: d.openId,
      proposal: null,
      restricted: true,
    });
    expect(await eventsOf(token.analyst, [d.openId])).toEqual([]);
    expect(JSON.stringify(await eventsOf(token.jyvaskyla, [d.openId]))).toContain(`${d.mark}-PROPOSAL-UNPUBLISHED`);
  });
});
