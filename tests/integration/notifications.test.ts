import { describe, expect, it } from 'vitest';
import type { CreateActionInput } from '../../server/graphql/generated/resolvers.js';
import * as factory from './factories.js';
import { eventually, listen, nextWhere, notificationsSince, startDemo, subscribe, unique } from './helpers.js';

const JKL = '179';
const JAMSA = '182';
const LAUKAA = '410';
const COUNTY = '15';
const party = (code: string) => demo.region.party(code);

const demo = startDemo({
  users: { jkl: factory.DEMO.jyvaskyla, county: factory.DEMO.county, laukaa: factory.DEMO.laukaa, analyst: factory.DEMO.analyst },
  region: true,
});

const FIELDS = 'id kind title path subjectType subjectId dueDate createdAt readAt read';
const LIST = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIELDS} } } } }`;
const ADDED = `subscription { notificationAdded { ${FIELDS} } }`;

type Note = {
  id: string;
  kind: string;
  title: string;
  path: string;
  subjectType: string;
  subjectId: string;
  dueDate: string | null;
  read: boolean;
};

/** A minute before this file started: every notification about its subjects is newer. */
const fileStarted = Date.now() - 60_000;

/**
 * The caller's notifications about one subject: other files write to a shared PostgreSQL too, so all
 * pages made since this file started are read, not only the first.
 */
async function notesAbout(as: string, subjectId: string, unreadOnly = false): Promise<Note[]> {
  return (await notificationsSince<Note & { createdAt: string }>(demo.server, as, FIELDS, fileStarted, { unreadOnly })).filter(
    (n) => n.subjectId === subjectId,
  );
}

const makeNeed = async (municipality = JAMSA) =>
  (await factory.makeNeed(demo.server, demo.token.admin, { municipalityIds: [party(municipality)] })).id;

/** An action due in June 2030 owned by the party `ownerCode`, of a need of Jämsä's (or of the owner's, made by its representative). */
async function makeAction(ownerCode: string, extra: Partial<CreateActionInput> = {}, as = demo.token.admin) {
  const needId = await makeNeed(as === demo.token.admin ? JAMSA : ownerCode);
  const action = await factory.makeAction(demo.server, as, {
    needId,
    ownerPartyId: party(ownerCode),
    dueDate: '2030-06-30',
    ...extra,
  });
  return { needId, id: action.id, version: action.version };
}

const makeBody = async (seats: factory.Seat[]) => (await factory.makeBody(demo.server, demo.token.admin, {}, seats)).id;

describe('an action assigned to a party', () => {
  it("tells the party's people, live and in their list, but not the one who created it", async () => {
    const sub = await subscribe<{ notificationAdded: Note }>(demo.server, demo.server.ws(demo.token.jkl), ADDED);
    const action = await makeAction(JKL);
    const { match } = await nextWhere(sub, (e) => e.notificationAdded?.subjectId === action.id);
    expect(match.notificationAdded).toMatchObject({
      kind: 'ACTION_ASSIGNED',
      subjectType: 'need_action',
      path: `/needs/${action.needId}`,
      dueDate: '2030-06-30',
      read: false,
    });
    sub.close();
    const listed = await notesAbout(demo.token.jkl, action.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.title).toMatch(/^Toimenpide-/);
    expect(await notesAbout(demo.token.admin, action.id)).toEqual([]);
    expect(await notesAbout(demo.token.laukaa, action.id)).toEqual([]);
  });

  it('does not tell the representative who created it for their own party', async () => {
    const action = await makeAction(JKL, {}, demo.token.jkl);
    expect(await notesAbout(demo.token.jkl, action.id)).toEqual([]);
  });
});

describe('an action handed to another party', () => {
  const HAND =
    'mutation ($id: ID!, $v: Int!, $p: ID!) { updateAction(id: $id, expectedVersion: $v, input: { ownerPartyId: $p }) { id version ownerParty { code } } }';

  it("tells the new owner party's people; a representative may not hand their action to another party", async () => {
    const action = await makeAction(JKL);
    const refused = await demo.server.gql(
      HAND,
      { id: action.id, v: action.version, p: party(COUNTY) },
      { token: demo.token.jkl },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await notesAbout(demo.token.county, action.id)).toEqual([]);
    const handed = await demo.server.gql(
      HAND,
      { id: action.id, v: action.version, p: party(COUNTY) },
      { token: demo.token.admin },
    );
    expect(handed.errors).toBeUndefined();
    expect(handed.data!.updateAction.ownerParty.code).toBe(COUNTY);
    const [note] = await notesAbout(demo.token.county, action.id);
    expect(note).toMatchObject({ kind: 'ACTION_ASSIGNED', path: `/needs/${action.needId}` });
    // The county was not concerned in the need: it became a contributor, so its people can open the link.
    const need = await demo.server.gql(
      'query ($id: ID!) { serviceNeed(id: $id) { id } }',
      { id: action.needId },
      { token: demo.token.county },
    );
    expect(need.data!.serviceNeed).toEqual({ id: action.needId });
  });
});

describe('who sees a notification', () => {
  it('is only its recipient: others neither list, receive, nor mark it', async () => {
    const countySub = await subscribe<{ notificationAdded: Note }>(demo.server, demo.server.ws(demo.token.county), ADDED);
    const forJkl = await makeAction(JKL);
    const forCounty = await makeAction(COUNTY);
    const { before } = await nextWhere(countySub, (e) => e.notificationAdded?.subjectId === forCounty.id);
    expect(before.map((e) => e.notificationAdded?.subjectId)).not.toContain(forJkl.id);
    countySub.close();
    const [note] = await notesAbout(demo.token.jkl, forJkl.id);
    expect(note).toBeDefined();
    const byOther = await demo.server.gql(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }',
      { ids: [note!.id] },
      { token: demo.token.county },
    );
    expect(byOther.data!.markNotificationsRead).toEqual([]);
    const byAdmin = await demo.server.gql(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }',
      { ids: [note!.id] },
      { token: demo.token.admin },
    );
    expect(byAdmin.data!.markNotificationsRead).toEqual([]);
    expect((await notesAbout(demo.token.jkl, forJkl.id))[0]!.read).toBe(false);
  });

  it('is refused to anonymous callers and API tokens', async () => {
    const anon = await demo.server.gql('{ unreadNotificationCount }');
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const created = await demo.server.gql(
      'mutation { createApiToken(name: "inbox?", scopes: [READ]) { token } }',
      {},
      { token: demo.token.analyst },
    );
    const apiToken = created.data!.createApiToken.token as string;
    const r = await demo.server.gql(LIST, {}, { token: apiToken });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const sub = listen(demo.server.ws(apiToken), ADDED);
    await eventually(
      async () => sub.errors.length,
      (n) => n > 0,
      5_000,
      'the subscription to be refused',
    );
    expect(JSON.stringify(sub.errors)).toContain('FORBIDDEN');
  });

  it('says a bad id is bad input', async () => {
    const r = await demo.server.gql('mutation { markNotificationsRead(ids: ["nope"]) { id } }', {}, { token: demo.token.jkl });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'ids.0': expect.any(String) } });
  });
});

describe('reading', () => {
  it('marks one read, then all, and the unread count and list follow', async () => {
    const a = await makeAction(COUNTY);
    const b = await makeAction(COUNTY);
    const [na] = await notesAbout(demo.token.county, a.id, true);
    expect(na).toBeDefined();
    const before = (await demo.server.gql('{ unreadNotificationCount }', {}, { token: demo.token.county })).data!
      .unreadNotificationCount as number;
    expect(before).toBeGreaterThanOrEqual(2);
    const marked = await demo.server.gql(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read readAt } }',
      { ids: [na!.id] },
      { token: demo.token.county },
    );
    expect(marked.data!.markNotificationsRead).toEqual([{ id: na!.id, read: true, readAt: expect.any(String) }]);
    expect(await notesAbout(demo.token.county, a.id, true)).toEqual([]);
    expect(await notesAbout(demo.token.county, b.id, true)).toHaveLength(1);
    const all = await demo.server.gql('mutation { markAllNotificationsRead }', {}, { token: demo.token.county });
    expect(all.data!.markAllNotificationsRead).toBeGreaterThanOrEqual(1);
    expect(await notesAbout(demo.token.county, b.id, true)).toEqual([]);
    expect((await notesAbout(demo.token.county, b.id))[0]!.read).toBe(true);
  });

  it('pages newest first with a cursor', async () => {
    await makeAction(COUNTY);
    await makeAction(COUNTY);
    const first = await demo.server.gql(LIST, { first: 1 }, { token: demo.token.county });
    const page1 = first.data!.notifications;
    expect(page1.edges).toHaveLength(1);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await demo.server.gql(LIST, { first: 1, after: page1.pageInfo.endCursor }, { token: demo.token.county });
    const [n1, n2] = [page1.edges[0].node, second.data!.notifications.edges[0].node];
    expect(n2.id).not.toBe(n1.id);
    expect(new Date(n2.createdAt).getTime()).toBeLessThanOrEqual(new Date(n1.createdAt).getTime());
    const bad = await demo.server.gql(LIST, { after: 'bm90LWEtY3Vyc29y' }, { token: demo.token.county });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('an overdue action', () => {
  it("tells the owner party's people once, by the sweep; done actions never", async () => {
    const late = await makeAction(COUNTY, { dueDate: '2020-01-31' });
    // Done before it is ever overdue: any server's sweep (on a shared PostgreSQL, another file's too) runs at any
    // moment, and an action overdue and open at that moment is rightly told about.
    const done = await makeAction(COUNTY, { dueDate: '2099-01-31' });
    const r = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { updateAction(id: $id, expectedVersion: $v, input: { status: DONE, dueDate: "2020-01-31" }) { id dueDate status } }',
      { id: done.id, v: done.version },
      { token: demo.token.county },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateAction).toMatchObject({ dueDate: '2020-01-31', status: 'DONE' });
    const sweep = () => demo.server.app.internals.services.notifications.sweepOverdue();
    // Another server on a shared PostgreSQL may be sweeping at this moment: sweep until it is done.
    const overdue = await eventually(
      async () => {
        await sweep();
        return (await notesAbout(demo.token.county, late.id)).filter((n) => n.kind === 'ACTION_OVERDUE');
      },
      (notes) => notes.length > 0,
      20_000,
      'the overdue notification',
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ dueDate: '2020-01-31', path: `/needs/${late.needId}` });
    await sweep();
    await sweep();
    expect((await notesAbout(demo.token.county, late.id)).filter((n) => n.kind === 'ACTION_OVERDUE')).toHaveLength(1);
    expect((await notesAbout(demo.token.county, done.id)).filter((n) => n.kind === 'ACTION_OVERDUE')).toEqual([]);
  });
});

describe('the audit stream', () => {
  const CHANGES = `query ($type: String!, $id: ID) {
    changes(entityType: $type, entityId: $id, order: NEWEST_FIRST, first: 50) {
      edges { node { name actor { displayName } bySystem after } }
    }
  }`;
  type Shown = { name: string; actor: unknown; bySystem: boolean; after?: unknown };
  /** Events of a type (of one record when `id` is given), newest first; `after` only when `withAfter`. */
  const eventsOf = async (type: string, id?: string, as = demo.token.admin, withAfter = !id): Promise<Shown[]> => {
    const r = await demo.server.gql(CHANGES, { type, id }, { token: as });
    expect(r.errors).toBeUndefined();
    return (r.data!.changes.edges as { node: Shown }[]).map(({ node: { after, ...shown } }) =>
      withAfter ? { ...shown, after } : shown,
    );
  };
  /** The record a sweep's notification event is about: its dedupe key, not the action (whose history stays its own). */
  const overdueKey = (actionId: string) => `ACTION_OVERDUE:${actionId}`;

  /** The sweep's overdue notification to the county about this action (swept until it is there). */
  const sweptNote = (actionId: string) =>
    eventually(
      async () => {
        await demo.server.app.internals.services.notifications.sweepOverdue();
        return (await notesAbout(demo.token.county, actionId)).find((n) => n.kind === 'ACTION_OVERDUE');
      },
      (found) => found !== undefined,
      20_000,
      'the overdue notification',
    );

  it("tells the sweep's notification (made by the server) from a person's change and from a hidden author", async () => {
    const late = await makeAction(COUNTY, { dueDate: '2020-02-29' });
    const note = await sweptNote(late.id);
    // The event of a notification names the sweep's notifications in `after.ids`; the feed serves it once every
    // older transaction has ended (a shared PostgreSQL), so read until it shows. Read this action's own
    // events: other files' notifications may fill the newest page of all of them meanwhile.
    const names = (e: Shown) => (e.after as { ids?: string[] }).ids?.includes(note!.id);
    const sent = (
      await eventually(
        () => eventsOf('notification', overdueKey(late.id), demo.token.admin, true),
        (events) => events.some(names),
        20_000,
        "the sweep's notification event",
      )
    ).find(names);
    expect(sent).toMatchObject({ name: 'notification.created', actor: null, bySystem: true });
    // The feed serves a transaction once every older one has ended: on a shared PostgreSQL, read until it shows.
    const one = (events: Shown[]) => events.length === 1;
    expect(await eventually(() => eventsOf('need_action', late.id), one, 20_000, 'the action event')).toEqual([
      { name: 'action.created', actor: { displayName: 'Sihteeristö (demo)' }, bySystem: false },
    ]);

    const comment = await demo.server.gql(
      'mutation ($id: ID!) { addNeedComment(needId: $id, body: "Kuka kirjoitti?") { id } }',
      { id: late.needId },
      { token: demo.token.county },
    );
    expect(comment.errors).toBeUndefined();
    const commentId = comment.data!.addNeedComment.id;
    expect(
      await eventually(() => eventsOf('need_comment', commentId, demo.token.analyst), one, 20_000, 'the comment event'),
    ).toEqual([{ name: 'comment.added', actor: null, bySystem: false }]);
  });

  it("keeps a person's changes or the server's own when asked by author, in both orders and in the count", async () => {
    const late = await makeAction(COUNTY, { dueDate: '2020-03-01' });
    const note = await sweptNote(late.id);
    const comment = await demo.server.gql(
      'mutation ($id: ID!) { addNeedComment(needId: $id, body: "Tekijä piilossa analyytikolta") { id } }',
      { id: late.needId },
      { token: demo.token.county },
    );
    expect(comment.errors).toBeUndefined();
    const commentId: string = comment.data!.addNeedComment.id;
    const BY_AUTHOR = `query ($author: ChangeAuthor, $order: ChangeOrder, $type: String, $id: ID) {
      changes(author: $author, order: $order, entityType: $type, entityId: $id, first: 200) {
        totalCount
        edges { node { name entityId bySystem after } }
      }
    }`;
    type Node = { name: string; entityId: string; bySystem: boolean; after?: unknown };
    type Page = { totalCount: number; edges: { node: Node }[] };
    const read = async (vars: Record<string, string>, as: string): Promise<Page> => {
      const r = await demo.server.gql(BY_AUTHOR, vars, { token: as });
      expect(r.errors).toBeUndefined();
      return r.data!.changes as Page;
    };
    for (const order of ['NEWEST_FIRST', 'OLDEST_FIRST']) {
      const system = await read({ author: 'SYSTEM', order }, demo.token.admin);
      expect(system.edges.length).toBeGreaterThan(0);
      // On a shared PostgreSQL other files' server-made events show too: each is the server's.
      expect(system.edges.every((e) => e.node.bySystem)).toBe(true);
      const people = await read({ author: 'PERSON', order }, demo.token.analyst);
      expect(people.edges.length).toBeGreaterThan(0);
      expect(people.edges.every((e) => !e.node.bySystem)).toBe(true);
    }
    // This sweep's notification is among the server's own events (read until the feed serves it; this action's
    // own, as other files' notifications may fill the newest 200 of all of them meanwhile).
    const named = (page: Page) => page.edges.some((e) => ((e.node.after ?? {}) as { ids?: string[] }).ids?.includes(note!.id));
    const own = { order: 'NEWEST_FIRST', type: 'notification', id: overdueKey(late.id) };
    const sweep = await eventually(
      () => read({ ...own, author: 'SYSTEM' }, demo.token.admin),
      named,
      20_000,
      "the sweep's event",
    );
    expect(sweep.edges.every((e) => e.node.bySystem && e.node.name === 'notification.created')).toBe(true);
    const allSwept = await read({ author: 'SYSTEM', order: 'NEWEST_FIRST', type: 'notification' }, demo.token.admin);
    expect(allSwept.edges.every((e) => e.node.bySystem && e.node.name === 'notification.created')).toBe(true);
    expect(named(await read({ ...own, author: 'PERSON' }, demo.token.admin))).toBe(false);
    // The comment's author is hidden from the analyst, yet a person wrote it.
    const lean = ({ totalCount, edges }: Page) => ({ totalCount, edges: edges.map(({ node: { after: _, ...n } }) => n) });
    const ofComment = async (author: string) =>
      lean(await read({ author, type: 'need_comment', id: commentId }, demo.token.analyst));
    expect(
      await eventually(
        () => ofComment('PERSON'),
        (p) => p.totalCount === 1,
        20_000,
        'the comment event',
      ),
    ).toEqual({
      totalCount: 1,
      edges: [{ name: 'comment.added', entityId: commentId, bySystem: false }],
    });
    expect(await ofComment('SYSTEM')).toEqual({ totalCount: 0, edges: [] });
    const ofAction = (author: string) => read({ author, type: 'need_action', id: late.id }, demo.token.admin);
    expect(
      (
        await eventually(
          () => ofAction('PERSON'),
          (p) => p.totalCount === 1,
          20_000,
          'the action event',
        )
      ).totalCount,
    ).toBe(1);
    expect((await ofAction('SYSTEM')).totalCount).toBe(0);

    const bad = await demo.server.gql('query { changes(author: NOBODY) { totalCount } }', {}, { token: demo.token.analyst });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe("a meeting's agenda published", () => {
  it('tells the members of the body, not the one who published nor outsiders', async () => {
    const bodyId = await makeBody([
      ['hyvinvointialue@demo.local', 'CHAIR'],
      ['laukaa@demo.local', 'OBSERVER'],
    ]);
    const meeting = await factory.makeMeeting(demo.server, demo.token.county, { bodyId, startsAt: '2030-01-10T08:00:00Z' });
    await factory.makeAgendaItem(demo.server, demo.token.county, { meetingId: meeting.id });
    const sub = await subscribe<{ notificationAdded: Note }>(demo.server, demo.server.ws(demo.token.laukaa), ADDED);
    const current = (
      await demo.server.gql('query ($id: ID!) { meeting(id: $id) { version } }', { id: meeting.id }, { token: demo.token.county })
    ).data!.meeting;
    const t = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { transitionMeeting(id: $id, expectedVersion: $v, to: AGENDA_PUBLISHED) { status } }',
      {
        id: meeting.id,
        v: current.version,
      },
      { token: demo.token.county },
    );
    expect(t.errors).toBeUndefined();
    const { match } = await nextWhere(sub, (e) => e.notificationAdded?.subjectId === meeting.id);
    expect(match.notificationAdded).toMatchObject({
      kind: 'AGENDA_PUBLISHED',
      path: `/meetings/${meeting.id}`,
      dueDate: '2030-01-10',
    });
    sub.close();
    expect(await notesAbout(demo.token.county, meeting.id)).toEqual([]);
    expect(await notesAbout(demo.token.jkl, meeting.id)).toEqual([]);
  });
});

describe('a ratification awaiting a party', () => {
  it('tells the parties of a new agreement, and a party added later, once each', async () => {
    const title = unique('Sopimus');
    const agreement = await factory.makeAgreement(demo.server, demo.token.admin, {
      titles: { fi: title, sv: `${title} sv` },
      partyIds: [party(JKL), party(LAUKAA)],
    });
    const [forJkl] = await notesAbout(demo.token.jkl, agreement.id);
    expect(forJkl).toMatchObject({ kind: 'RATIFICATION_AWAITED', title, path: `/agreements/${agreement.id}` });
    expect(await notesAbout(demo.token.laukaa, agreement.id)).toHaveLength(1);
    expect(await notesAbout(demo.token.county, agreement.id)).toEqual([]);
    // Laukaa's person reads in Swedish (the notification e-mail test uses Laukaa in Swedish too; Jyväskylä stays Finnish).
    const sv = await notificationsSince<Note & { createdAt: string }>(demo.server, demo.token.laukaa, FIELDS, fileStarted, {
      headers: { 'accept-language': 'sv' },
    });
    expect(sv.find((n) => n.subjectId === agreement.id)!.title).toBe(`${title} sv`);
    const u = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, expectedVersion: $v, input: $input) { id } }',
      {
        id: agreement.id,
        v: agreement.version,
        input: { partyIds: [party(JKL), party(LAUKAA), party(COUNTY)] },
      },
      { token: demo.token.admin },
    );
    expect(u.errors).toBeUndefined();
    expect(await notesAbout(demo.token.county, agreement.id)).toHaveLength(1);
    expect(await notesAbout(demo.token.jkl, agreement.id)).toHaveLength(1);
  });
});
