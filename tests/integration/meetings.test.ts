import { beforeAll, describe, expect, it } from 'vitest';
import { paragraphUpdate } from '../minutes-doc.js';
import { sql } from 'drizzle-orm';
import * as factory from './factories.js';
import { publishAgenda } from './meeting-factory.js';
import { eventually, listen, startDemo, subscribe, unique, waitFor } from './helpers.js';

type Who = 'admin' | 'chair' | 'secretary' | 'member' | 'observer' | 'outsider' | 'analyst';
let token: Record<Who, string>;
/** Demo accounts and the roles they get in the bodies these tests make. */
const EMAIL = { county: 'hyvinvointialue@demo.local', jkl: 'jyvaskyla@demo.local', laukaa: 'laukaa@demo.local' };

// Body A: the county chairs, Jyväskylä is the secretary, Laukaa a member.
// Body B: the county chairs, Laukaa observes, Jyväskylä is not a member.
const demo = startDemo({
  users: { analyst: factory.DEMO.analyst, chair: EMAIL.county, secretary: EMAIL.jkl, member: EMAIL.laukaa },
  region: true,
});
beforeAll(() => {
  token = { ...demo.token, observer: demo.token.member, outsider: demo.token.secretary };
});

const person = (email: string) => demo.region.person(email);
const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

const makeBody = async (members: factory.Seat[]) =>
  (await factory.makeBody(demo.server, token.admin, { names: { fi: unique('Kokouselin') }, tier: 'STEERING' }, members)).id;

/** Body A (chair, secretary, member) and body B (chair, observer; Jyväskylä outside). */
const bodyA = () =>
  makeBody([
    [EMAIL.county, 'CHAIR'],
    [EMAIL.jkl, 'SECRETARY'],
    [EMAIL.laukaa, 'MEMBER'],
  ]);
const bodyB = () =>
  makeBody([
    [EMAIL.county, 'CHAIR'],
    [EMAIL.laukaa, 'OBSERVER'],
  ]);

const MEETING = `id title status version currentItem { id } minutes { id canEdit }
  agenda { id section position title restricted proposal publicity decision decisionMode version decisionDocument { id } }`;

const createMeeting = (bodyId: string, as = token.chair, startsAt = '2026-11-28T09:00:00Z') =>
  factory.makeMeeting(demo.server, as, { bodyId, startsAt }, MEETING);

const addItem = (meetingId: string, input: Record<string, unknown> = {}, as = token.secretary) =>
  demo.server.gql(
    'mutation ($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id section position title version publicity } }',
    { input: { meetingId, title: unique('Asia'), proposal: 'Hyväksytään.', ...input } },
    { token: as },
  );

const getMeeting = async (id: string, as = token.chair) =>
  (await demo.server.gql(`query ($id: ID!) { meeting(id: $id) { ${MEETING} } }`, { id }, { token: as })).data!.meeting;

const transition = (id: string, v: number, to: string, as = token.chair) =>
  demo.server.gql(
    'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { id status version } }',
    { id, v, to },
    { token: as },
  );

const ATTEND = 'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id version } }';
/** Records these demo accounts' persons present (body A's seats are the chair and the member: both give a quorum). */
async function attend(meetingId: string, emails = [EMAIL.county, EMAIL.laukaa], status = 'PRESENT') {
  for (const email of emails) {
    const r = await demo.server.gql(ATTEND, { input: { meetingId, personId: person(email), status } }, { token: token.admin });
    expect(r.errors).toBeUndefined();
  }
}
const ELECT =
  'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id version status } }';
const CHECK = 'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id version status } }';

/**
 * Moves a meeting through the lifecycle up to `to`, lawfully: before the minutes are checked the
 * chair and the member are recorded present (quorum), every open item gets a decision, and the two
 * are elected checkers and check the minutes themselves (the secretariat may not).
 */
async function advance(id: string, to: string) {
  const order = ['PLANNED', 'AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT', 'MINUTES_CHECKED', 'PUBLISHED'];
  let m = await getMeeting(id, token.admin);
  while (order.indexOf(m.status) < order.indexOf(to)) {
    const next = order[order.indexOf(m.status) + 1]!;
    if (next === 'MINUTES_CHECKED') {
      await attend(id);
      const open = (await getMeeting(id, token.admin)).agenda.filter(
        (item: { decisionMode: string | null }) => !item.decisionMode,
      );
      for (const item of open) expect((await decide(item.id, item.version, token.admin)).errors).toBeUndefined();
      const v = (await getMeeting(id, token.admin)).version;
      expect(
        (await demo.server.gql(ELECT, { m: id, v, p: [person(EMAIL.county), person(EMAIL.laukaa)] }, { token: token.admin }))
          .errors,
      ).toBeUndefined();
      for (const who of [token.chair, token.member]) {
        const r = await demo.server.gql(CHECK, { m: id, v: (await getMeeting(id, token.admin)).version }, { token: who });
        expect(r.errors).toBeUndefined();
      }
      m = await getMeeting(id, token.admin);
      continue;
    }
    const r = await transition(id, m.version, next, token.admin);
    expect(r.errors).toBeUndefined();
    m = { ...m, ...r.data!.transitionMeeting };
  }
  return m;
}

const decide = (itemId: string, v: number, as = token.chair, mode = 'UNANIMOUS', extra: Record<string, unknown> = {}) =>
  demo.server.gql(
    'mutation ($id: ID!, $v: Int!, $d: String!, $m: DecisionMode!, $votes: VoteCountInput) { recordDecision(itemId: $id, expectedVersion: $v, decision: $d, mode: $m, votes: $votes) { id decision decisionMode version votes { for against abstain } } }',
    { id: itemId, v, d: 'Kuntakokous hyväksyi esityksen.', m: mode, ...extra },
    { token: as },
  );

/** A Yjs update that writes `text` as a paragraph into a fresh document. */
function textUpdate(text: string): string {
  return Buffer.from(paragraphUpdate(text)).toString('base64');
}
const push = (documentId: string, update: string, as: string) =>
  demo.server.gql(
    'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }',
    { d: documentId, u: update },
    { token: as },
  );

describe('the meeting lifecycle', () => {
  it('goes from PLANNED to PUBLISHED one allowed step at a time, and refuses a skipped step', async () => {
    const meeting = await createMeeting(await bodyA());
    expect(meeting).toMatchObject({ status: 'PLANNED', version: 1, agenda: [], minutes: { canEdit: true } });
    const skipped = await transition(meeting.id, meeting.version, 'IN_PROGRESS');
    expect(skipped.errors![0]!.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'PLANNED',
      to: 'IN_PROGRESS',
      allowed: ['AGENDA_PUBLISHED'],
    });
    const empty = await transition(meeting.id, meeting.version, 'AGENDA_PUBLISHED');
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { to: expect.any(String) } });
    expect((await addItem(meeting.id)).errors).toBeUndefined();
    const published = await advance(meeting.id, 'PUBLISHED');
    expect(published.status).toBe('PUBLISHED');
    const back = await transition(meeting.id, published.version, 'MINUTES_DRAFT');
    expect(back.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'PUBLISHED', allowed: [] });
  });

  it('a stale version is a CONFLICT with the current version', async () => {
    const meeting = await createMeeting(await bodyA());
    await addItem(meeting.id);
    const r = await transition(meeting.id, meeting.version, 'AGENDA_PUBLISHED');
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: meeting.version + 1 });
  });

  it('numbers items § per body and year across meetings, and a reorder renumbers them', async () => {
    const body = await bodyA();
    const first = await createMeeting(body, token.secretary, '2026-03-01T09:00:00Z');
    const a = (await addItem(first.id)).data!.addAgendaItem;
    const b = (await addItem(first.id)).data!.addAgendaItem;
    const second = await createMeeting(body, token.secretary, '2026-09-01T09:00:00Z');
    const c = (await addItem(second.id)).data!.addAgendaItem;
    const nextYear = await createMeeting(body, token.secretary, '2027-02-01T09:00:00Z');
    const d = (await addItem(nextYear.id)).data!.addAgendaItem;
    expect([a.section, b.section, c.section, d.section]).toEqual([1, 2, 3, 1]);
    const current = await getMeeting(first.id);
    const r = await demo.server.gql(
      'mutation ($m: ID!, $v: Int!, $ids: [ID!]!) { reorderAgenda(meetingId: $m, expectedVersion: $v, itemIds: $ids) { agenda { id section position } } }',
      { m: first.id, v: current.version, ids: [b.id, a.id] },
      { token: token.secretary },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.reorderAgenda.agenda).toEqual([
      { id: b.id, section: 1, position: 1 },
      { id: a.id, section: 2, position: 2 },
    ]);
  });

  it('members see the agenda only once it is published', async () => {
    const meeting = await createMeeting(await bodyA());
    await addItem(meeting.id);
    expect((await getMeeting(meeting.id, token.member)).agenda).toEqual([]);
    expect((await getMeeting(meeting.id, token.secretary)).agenda).toHaveLength(1);
    await advance(meeting.id, 'AGENDA_PUBLISHED');
    expect((await getMeeting(meeting.id, token.member)).agenda).toHaveLength(1);
  });

  it('refuses agenda edits after HELD and minutes edits after MINUTES_CHECKED', async () => {
    const meeting = await createMeeting(await bodyA());
    const item = (await addItem(meeting.id)).data!.addAgendaItem;
    await advance(meeting.id, 'IN_PROGRESS');
    expect((await push(meeting.minutes.id, textUpdate('Kokous avattiin.'), token.member)).errors).toBeUndefined();
    await advance(meeting.id, 'HELD');
    expect(failure(await addItem(meeting.id))).toBe('FORBIDDEN');
    const upd = await demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { updateAgendaItem(id: $id, expectedVersion: $v, input: { title: "Uusi" }) { id } }',
      { id: item.id, v: item.version },
      { token: token.secretary },
    );
    expect(failure(upd)).toBe('FORBIDDEN');
    expect((await push(meeting.minutes.id, textUpdate('Pöytäkirjaluonnos.'), token.secretary)).errors).toBeUndefined();
    await advance(meeting.id, 'MINUTES_CHECKED');
    expect(failure(await push(meeting.minutes.id, textUpdate('Myöhäinen muutos.'), token.secretary))).toBe('FORBIDDEN');
    expect((await getMeeting(meeting.id)).minutes.canEdit).toBe(false);
  });

  it('a vote needs its counts, and the decision is recorded with them', async () => {
    const meeting = await createMeeting(await bodyA());
    const item = (await addItem(meeting.id)).data!.addAgendaItem;
    expect(failure(await decide(item.id, item.version))).toBe('FORBIDDEN');
    await advance(meeting.id, 'IN_PROGRESS');
    await attend(meeting.id);
    const noCounts = await decide(item.id, item.version, token.chair, 'VOTE');
    expect(noCounts.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { votes: expect.any(String) } });
    // The two members present cast two votes at most (meetings-record-integrity.test.ts: more are refused).
    const r = await decide(item.id, item.version, token.secretary, 'VOTE', { votes: { for: 1, against: 0, abstain: 1 } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordDecision).toMatchObject({
      decisionMode: 'VOTE',
      votes: { for: 1, against: 0, abstain: 1 },
      version: item.version + 1,
    });
  });
});

describe('published minutes', () => {
  it('are readable without signing in: public items in full, a secret item by its title only; and as PDF', async () => {
    const meeting = await createMeeting(await bodyA());
    const open = (await addItem(meeting.id, { title: 'Yhdyspintasuunnitelman seuranta', proposal: 'Merkitään tiedoksi.' })).data!
      .addAgendaItem;
    const secret = (
      await addItem(meeting.id, {
        title: 'Salainen asia',
        proposal: 'SALAINEN SISÄLTÖ',
        publicity: 'SECRET',
        legalBasis: 'JulkL 24.1 § 25 k',
      })
    ).data!.addAgendaItem;
    await advance(meeting.id, 'IN_PROGRESS');
    await demo.server.gql(
      'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
      { input: { meetingId: meeting.id, personId: person(EMAIL.jkl), status: 'PRESENT' } },
      { token: token.secretary },
    );
    await attend(meeting.id);
    expect((await decide(open.id, open.version)).errors).toBeUndefined();
    expect((await decide(secret.id, secret.version)).errors).toBeUndefined();
    const m = await advance(meeting.id, 'PUBLISHED');
    const QUERY = `query ($id: ID!) { publishedMinutes(meetingId: $id) { title chair secretary personalDataRemoved personalDataRemovalDue pdfUrl
      attendance { name party status } items { section title publicity legalBasis proposal decision } } }`;
    const anon = await demo.server.gql(QUERY, { id: meeting.id });
    expect(anon.errors).toBeUndefined();
    const pm = anon.data!.publishedMinutes;
    expect(pm.items[0]).toMatchObject({
      title: 'Yhdyspintasuunnitelman seuranta',
      proposal: 'Merkitään tiedoksi.',
      decision: 'Kuntakokous hyväksyi esityksen.',
    });
    expect(pm.items[1]).toMatchObject({
      title: 'Salainen asia',
      publicity: 'SECRET',
      legalBasis: 'JulkL 24.1 § 25 k',
      proposal: null,
      decision: null,
    });
    expect(JSON.stringify(pm)).not.toContain('SALAINEN SISÄLTÖ');
    expect(pm.attendance).toContainEqual({ name: expect.stringContaining('(demo)'), party: 'Jyväskylä', status: 'PRESENT' });
    expect(pm.attendance).toHaveLength(3);
    const pdf = await fetch(demo.server.url + pm.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(`${demo.server.url}/meetings/${(await createMeeting(await bodyA())).id}/minutes.pdf`)).status).toBe(404);
    // Not yet published, and not a meeting at all: the error body clients read everywhere, not plain text.
    for (const id of [(await createMeeting(await bodyA())).id, 'not-a-meeting']) {
      const missing = await fetch(`${demo.server.url}/meetings/${id}/minutes.pdf`);
      expect({ status: missing.status, body: await missing.json() }).toEqual({
        status: 404,
        body: { errors: [{ message: 'No published minutes', extensions: { code: 'NOT_FOUND' } }] },
      });
    }

    // Personal data stays until the appeal period ends, then the secretariat removes it.
    const REMOVE =
      'mutation ($m: ID!, $v: Int!) { removePersonalData(meetingId: $m, expectedVersion: $v) { version personalDataRemovedAt } }';
    expect(failure(await demo.server.gql(REMOVE, { m: meeting.id, v: m.version }, { token: token.admin }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(failure(await demo.server.gql(REMOVE, { m: meeting.id, v: m.version }, { token: token.chair }))).toBe('FORBIDDEN');
    await demo.server.app.internals.database.db.execute(
      sql`update meetings set personal_data_removal_due = '2020-01-01' where id = ${meeting.id}`,
    );
    const removed = await demo.server.gql(REMOVE, { m: meeting.id, v: m.version }, { token: token.admin });
    expect(removed.errors).toBeUndefined();
    const after = (await demo.server.gql(QUERY, { id: meeting.id })).data!.publishedMinutes;
    expect(after).toMatchObject({ personalDataRemoved: true, chair: null, secretary: null });
    expect(after.attendance).toContainEqual({ name: null, party: 'Jyväskylä', status: 'PRESENT' });
    expect(after.attendance.every((a: { name: string | null }) => a.name === null)).toBe(true);
  });

  it('an unpublished meeting has no public minutes', async () => {
    const meeting = await createMeeting(await bodyA());
    const r = await demo.server.gql('query ($id: ID!) { publishedMinutes(meetingId: $id) { title } }', { id: meeting.id });
    expect(r.data!.publishedMinutes).toBeNull();
  });
});

describe('live meeting', () => {
  it("the chair's pointer reaches every participant at once", async () => {
    const meeting = await createMeeting(await bodyA());
    const item = (await addItem(meeting.id)).data!.addAgendaItem;
    await advance(meeting.id, 'IN_PROGRESS');
    const Q = 'subscription ($m: ID!) { meetingChanged(meetingId: $m) { name meeting { currentItem { id title } } } }';
    const subs = [];
    for (const t of [token.secretary, token.member, token.analyst])
      subs.push(await subscribe(demo.server, demo.server.ws(t), Q, { m: meeting.id }));
    const r = await demo.server.gql(
      'mutation ($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, itemId: $i) { currentItem { id } } }',
      { m: meeting.id, i: item.id },
      { token: token.chair },
    );
    expect(r.errors).toBeUndefined();
    for (const s of subs) {
      expect(await s.next()).toMatchObject({
        meetingChanged: { name: 'meeting.pointer_moved', meeting: { currentItem: { id: item.id } } },
      });
      s.close();
    }
  });

  it('presence reaches every participant, grouped by party, and someone whose socket closes drops out', async () => {
    const body = await makeBody([
      [EMAIL.county, 'CHAIR'],
      [EMAIL.jkl, 'SECRETARY'],
      [EMAIL.laukaa, 'OBSERVER'],
    ]);
    const meeting = await createMeeting(body);
    const Q = 'subscription ($m: ID!) { presenceChanged(meetingId: $m) { user { displayName } party { code } } }';
    const observer = await subscribe(demo.server, demo.server.ws(token.observer), Q, { m: meeting.id });
    expect(await observer.next()).toEqual({ presenceChanged: [] });
    // The secretary joins over their socket (as the meeting room does) and follows presence there.
    const secretarySocket = demo.server.ws(token.secretary);
    const secretary = await subscribe(demo.server, secretarySocket, Q, { m: meeting.id });
    await secretary.next();
    const joined = await demo.server.gql(
      'mutation ($m: ID!) { joinMeeting(meetingId: $m) { party { code } } }',
      { m: meeting.id },
      { token: token.secretary },
    );
    expect(joined.data!.joinMeeting).toEqual([{ party: { code: '179' } }]);
    expect(await observer.next()).toMatchObject({ presenceChanged: [{ party: { code: '179' } }] });
    await demo.server.gql(
      'mutation ($m: ID!) { joinMeeting(meetingId: $m) { since } }',
      { m: meeting.id },
      { token: token.chair },
    );
    expect((await observer.next()) as any).toMatchObject({
      presenceChanged: [{ party: { code: '179' } }, { party: { code: '15' } }],
    });
    await secretarySocket.dispose();
    expect(await observer.next()).toMatchObject({ presenceChanged: [{ party: { code: '15' } }] });
    await demo.server.gql('mutation ($m: ID!) { leaveMeeting(meetingId: $m) }', { m: meeting.id }, { token: token.chair });
    expect(await observer.next()).toEqual({ presenceChanged: [] });
    observer.close();
  });

  it("an editor's cursor (awareness) reaches the other editors and is never stored", async () => {
    const meeting = await createMeeting(await bodyA());
    await publishAgenda(demo.server, token.chair, meeting.id); // the members read the minutes once the agenda is out
    const Q = 'subscription ($d: ID!) { awarenessUpdated(documentId: $d) { update user { displayName } } }';
    const member = await subscribe(demo.server, demo.server.ws(token.member), Q, { d: meeting.minutes.id });
    const r = await demo.server.gql(
      'mutation ($d: ID!, $u: String!) { pushAwarenessUpdate(documentId: $d, update: $u) }',
      { d: meeting.minutes.id, u: 'AQIDBA==' },
      { token: token.secretary },
    );
    expect(r.errors).toBeUndefined();
    expect(await member.next()).toMatchObject({
      awarenessUpdated: { update: 'AQIDBA==', user: { displayName: expect.any(String) } },
    });
    const events = await demo.server.gql(
      'query ($id: ID!) { changes(entityId: $id, first: 100) { edges { node { entityType } } } }',
      { id: meeting.minutes.id },
      { token: token.admin },
    );
    expect(events.data!.changes.edges).toEqual([]);
    member.close();
  });
});

describe('a decision creates actions', () => {
  it('owned by a party, linked to the item, seen in the needs register at once', async () => {
    const body = await bodyA();
    const { id: needId } = await factory.makeNeed(demo.server, token.admin, {
      title: unique('Nuorten mielenterveyspalvelut'),
      themeCodes: ['HYTE'],
      municipalityIds: [demo.region.party('179')],
      ownerBodyId: body,
    });
    const meeting = await createMeeting(body);
    const item = (await addItem(meeting.id, { relatedNeedIds: [needId] })).data!.addAgendaItem;
    await advance(meeting.id, 'IN_PROGRESS');
    const ACTION =
      'mutation ($input: CreateDecisionActionInput!) { createDecisionAction(input: $input) { id agendaItemId ownerParty { code } need { id } } }';
    const input = {
      itemId: item.id,
      needId,
      title: 'Laaditaan yhteinen palvelupolku',
      ownerPartyId: demo.region.party('15'),
      dueDate: '2027-03-31',
    };
    expect(failure(await demo.server.gql(ACTION, { input }, { token: token.chair }))).toBe('BAD_USER_INPUT');
    await attend(meeting.id);
    await decide(item.id, item.version);
    const watcher = await subscribe(
      demo.server,
      demo.server.ws(token.admin),
      'subscription ($id: ID) { serviceNeedChanged(id: $id) { need { actions { agendaItemId title } } } }',
      { id: needId },
    );
    expect(failure(await demo.server.gql(ACTION, { input }, { token: token.member }))).toBe('FORBIDDEN');
    const created = await demo.server.gql(ACTION, { input }, { token: token.chair });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createDecisionAction).toMatchObject({
      agendaItemId: item.id,
      ownerParty: { code: '15' },
      need: { id: needId },
    });
    expect(await watcher.next()).toMatchObject({
      serviceNeedChanged: { need: { actions: [{ agendaItemId: item.id, title: 'Laaditaan yhteinen palvelupolku' }] } },
    });
    const seen = await demo.server.gql(
      'query ($id: ID!) { meeting(id: $id) { agenda { actions { title } relatedNeeds { id } } } }',
      { id: meeting.id },
      { token: token.member },
    );
    expect(seen.data!.meeting.agenda[0]).toEqual({
      actions: [{ title: 'Laaditaan yhteinen palvelupolku' }],
      relatedNeeds: [{ id: needId }],
    });
    watcher.close();
  });
});

describe('permissions per role', () => {
  /** A meeting in progress in body A (chair, secretary, member) and one in body B (chair, observer; Jyväskylä outside). */
  async function setup() {
    const [a, b] = await Promise.all([bodyA(), bodyB()]);
    const ma = await createMeeting(a);
    const mb = await createMeeting(b);
    const ia = (await addItem(ma.id, {}, token.chair)).data!.addAgendaItem;
    const ib = (await addItem(mb.id, {}, token.chair)).data!.addAgendaItem;
    const sa = (await addItem(ma.id, { title: 'Salainen', publicity: 'SECRET', legalBasis: 'JulkL 24.1 § 25 k' }, token.chair))
      .data!.addAgendaItem;
    await advance(ma.id, 'IN_PROGRESS');
    await advance(mb.id, 'IN_PROGRESS');
    await attend(ma.id);
    return { a, b, ma: await getMeeting(ma.id), mb: await getMeeting(mb.id, token.admin), ia, ib, sa };
  }

  /** Every mutation of a meeting, as `who`, against meeting `m` with item `i`. */
  function mutations(m: { id: string; version: number; minutes: { id: string } }, i: { id: string; version: number }) {
    return {
      addAgendaItem: (t: string) => addItem(m.id, {}, t),
      updateAgendaItem: (t: string) =>
        demo.server.gql(
          'mutation ($id: ID!, $v: Int!) { updateAgendaItem(id: $id, expectedVersion: $v, input: { proposal: "Muutettu" }) { id } }',
          { id: i.id, v: i.version },
          { token: t },
        ),
      setCurrentAgendaItem: (t: string) =>
        demo.server.gql(
          'mutation ($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, itemId: $i) { id } }',
          { m: m.id, i: i.id },
          { token: t },
        ),
      recordAttendance: (t: string) =>
        demo.server.gql(
          'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
          { input: { meetingId: m.id, personId: person(EMAIL.county), status: 'REMOTE' } },
          { token: t },
        ),
      recordDecision: (t: string) => decide(i.id, i.version, t),
      transitionMeeting: (t: string) => transition(m.id, m.version, 'HELD', t),
      pushMinutes: (t: string) => push(m.minutes.id, textUpdate('kirjaus'), t),
      pushAwareness: (t: string) =>
        demo.server.gql(
          'mutation ($d: ID!) { pushAwarenessUpdate(documentId: $d, update: "AQIDBA==") }',
          { d: m.minutes.id },
          { token: t },
        ),
      joinMeeting: (t: string) =>
        demo.server.gql('mutation ($m: ID!) { joinMeeting(meetingId: $m) { since } }', { m: m.id }, { token: t }),
      readMeeting: (t: string) => demo.server.gql('query ($id: ID!) { meeting(id: $id) { id } }', { id: m.id }, { token: t }),
    };
  }

  it('the member writes the minutes and joins, but does not run the meeting', async () => {
    const { ma, ia } = await setup();
    const mu = mutations(ma, ia);
    for (const op of [
      'addAgendaItem',
      'updateAgendaItem',
      'setCurrentAgendaItem',
      'recordAttendance',
      'recordDecision',
      'transitionMeeting',
    ] as const) {
      expect([op, failure(await mu[op](token.member))]).toEqual([op, 'FORBIDDEN']);
    }
    for (const op of ['pushMinutes', 'pushAwareness', 'joinMeeting', 'readMeeting'] as const) {
      expect([op, (await mu[op](token.member)).errors]).toEqual([op, undefined]);
    }
    expect(failure(await createMeetingAs(ma, token.member))).toBe('FORBIDDEN');
  });

  it('the chair and the secretary run the meeting', async () => {
    const { ma, ia } = await setup();
    const mu = mutations(ma, ia);
    for (const who of ['chair', 'secretary'] as const) {
      for (const op of [
        'addAgendaItem',
        'setCurrentAgendaItem',
        'recordAttendance',
        'pushMinutes',
        'pushAwareness',
        'joinMeeting',
        'readMeeting',
      ] as const) {
        expect([who, op, (await mu[op](token[who])).errors]).toEqual([who, op, undefined]);
      }
      expect((await createMeetingAs(ma, token[who])).errors).toBeUndefined();
    }
    expect((await mu.updateAgendaItem(token.secretary)).errors).toBeUndefined();
    expect((await decide(ia.id, ia.version + 1, token.chair)).errors).toBeUndefined();
    expect((await transition(ma.id, (await getMeeting(ma.id)).version, 'HELD', token.secretary)).errors).toBeUndefined();
  });

  it('the observer sees everything live but edits nothing', async () => {
    const { mb, ib } = await setup();
    const mu = mutations(mb, ib);
    for (const op of [
      'addAgendaItem',
      'updateAgendaItem',
      'setCurrentAgendaItem',
      'recordAttendance',
      'recordDecision',
      'transitionMeeting',
      'pushMinutes',
      'pushAwareness',
    ] as const) {
      expect([op, failure(await mu[op](token.observer))]).toEqual([op, 'FORBIDDEN']);
    }
    for (const op of ['joinMeeting', 'readMeeting'] as const)
      expect([op, (await mu[op](token.observer)).errors]).toEqual([op, undefined]);
    const ws = demo.server.ws(token.observer);
    const changed = await subscribe(demo.server, ws, 'subscription ($m: ID!) { meetingChanged(meetingId: $m) { name } }', {
      m: mb.id,
    });
    const doc = await subscribe(demo.server, ws, 'subscription ($d: ID!) { documentUpdated(documentId: $d) { version } }', {
      d: mb.minutes.id,
    });
    expect((await mu.pushMinutes(token.chair)).errors).toBeUndefined();
    expect(await doc.next()).toMatchObject({ documentUpdated: { version: 1 } });
    expect((await mu.setCurrentAgendaItem(token.chair)).errors).toBeUndefined();
    expect(await changed.next()).toEqual({ meetingChanged: { name: 'meeting.pointer_moved' } });
    changed.close();
    doc.close();
  });

  it('a non-member is told the meeting does not exist, on every mutation and subscription', async () => {
    const { mb, ib } = await setup();
    const { readMeeting, ...writes } = mutations(mb, ib);
    expect((await readMeeting(token.outsider)).data!.meeting).toBeNull();
    for (const op of Object.keys(writes) as (keyof typeof writes)[]) {
      expect([op, failure(await writes[op](token.outsider))]).toEqual([op, 'NOT_FOUND']);
    }
    expect(failure(await createMeetingAs(mb, token.outsider))).toBe('FORBIDDEN');
    const ws = demo.server.ws(token.outsider);
    for (const [q, v] of [
      ['subscription ($m: ID!) { meetingChanged(meetingId: $m) { name } }', { m: mb.id }],
      ['subscription ($m: ID!) { presenceChanged(meetingId: $m) { since } }', { m: mb.id }],
      ['subscription ($d: ID!) { documentUpdated(documentId: $d) { version } }', { d: mb.minutes.id }],
      ['subscription ($d: ID!) { awarenessUpdated(documentId: $d) { update } }', { d: mb.minutes.id }],
    ] as const) {
      const s = listen(ws, q, v);
      await waitFor(() => s.errors.length > 0, 5_000, 'the refusal');
      expect((s.errors[0] as any).extensions.code).toBe('NOT_FOUND');
    }
  });

  it('the analyst reads the meeting but never a secret item, and edits nothing', async () => {
    const { ma, ia, sa } = await setup();
    const mu = mutations(ma, ia);
    for (const op of [
      'addAgendaItem',
      'updateAgendaItem',
      'setCurrentAgendaItem',
      'recordAttendance',
      'recordDecision',
      'transitionMeeting',
      'pushMinutes',
      'pushAwareness',
    ] as const) {
      expect([op, failure(await mu[op](token.analyst))]).toEqual([op, 'FORBIDDEN']);
    }
    const seen = await getMeeting(ma.id, token.analyst);
    const secret = seen.agenda.find((x: { id: string }) => x.id === sa.id);
    expect(secret).toMatchObject({ title: 'Salainen', restricted: true, proposal: null, decisionDocument: null });
    const member = (await getMeeting(ma.id, token.member)).agenda.find((x: { id: string }) => x.id === sa.id);
    expect(member).toMatchObject({ restricted: false, proposal: 'Hyväksytään.', decisionDocument: { id: expect.any(String) } });
    const state = await demo.server.gql(
      'query ($d: ID!) { documentState(id: $d) }',
      { d: member.decisionDocument.id },
      { token: token.analyst },
    );
    expect(failure(state)).toBe('NOT_FOUND');
    // The feed serves a transaction once every older one has finished (other files write to a shared PostgreSQL): wait for it.
    const CHANGES = 'query ($id: ID!) { changes(entityId: $id, first: 10) { edges { node { name } } } }';
    await waitFor(
      async () => (await demo.server.gql(CHANGES, { id: ia.id }, { token: token.analyst })).data!.changes.edges.length > 0,
      10_000,
      'the public item in the feed',
    );
    await waitFor(
      async () => (await demo.server.gql(CHANGES, { id: sa.id }, { token: token.admin })).data!.changes.edges.length > 0,
      10_000,
      'the secret item in the feed',
    );
    expect((await demo.server.gql(CHANGES, { id: sa.id }, { token: token.analyst })).data!.changes.edges).toEqual([]);
    const ws = demo.server.ws(token.analyst);
    const watch = await subscribe(
      demo.server,
      ws,
      'subscription ($m: ID!) { meetingChanged(meetingId: $m) { item { id restricted proposal } } }',
      { m: ma.id },
    );
    const UPDATE =
      'mutation ($id: ID!, $v: Int!) { updateAgendaItem(id: $id, expectedVersion: $v, input: { proposal: "Salainen muutos" }) { id } }';
    expect((await demo.server.gql(UPDATE, { id: sa.id, v: sa.version }, { token: token.chair })).errors).toBeUndefined();
    expect(await watch.next()).toEqual({ meetingChanged: { item: { id: sa.id, restricted: true, proposal: null } } });
    watch.close();
  });

  it("the audit stream decides per event, not per item: an item's secret period and the event that declassifies it stay hidden from public readers", async () => {
    const { ia } = await setup();
    const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateAgendaItemInput!) {
      updateAgendaItem(id: $id, expectedVersion: $v, input: $input) { id version } }`;
    let version = ia.version;
    const update = async (input: Record<string, unknown>) => {
      const r = await demo.server.gql(UPDATE, { id: ia.id, v: version, input }, { token: token.chair });
      expect(r.errors).toBeUndefined();
      version = r.data!.updateAgendaItem.version;
    };
    await update({ publicity: 'SECRET', legalBasis: 'JulkL 24.1 § 25 k', proposal: 'Salainen esitys' });
    await update({ proposal: 'Salainen tarkennus' });
    await update({ publicity: 'PUBLIC', legalBasis: null, proposal: 'Julkinen esitys' });
    await update({ proposal: 'Julkinen tarkennus' });
    const CHANGES = 'query ($id: ID!) { changes(entityId: $id, first: 100) { edges { node { name before after } } } }';
    const all = await eventually(
      () => demo.server.gql(CHANGES, { id: ia.id }, { token: token.admin }),
      (r) => r.data?.changes.edges.some((e: any) => e.node.after?.proposal === 'Julkinen tarkennus'),
      10_000,
      'every edit in the feed',
    );
    expect(all.data!.changes.edges).toHaveLength(5);
    // One page holds the public events and the secret ones: each must be judged on its own.
    const analyst = await demo.server.gql(CHANGES, { id: ia.id }, { token: token.analyst });
    expect(analyst.errors).toBeUndefined();
    const seen = JSON.stringify(analyst.data!.changes.edges);
    expect(seen).not.toContain('Salainen');
    expect(analyst.data!.changes.edges).toHaveLength(2);
    expect(analyst.data!.changes.edges[1].node).toMatchObject({
      before: { proposal: 'Julkinen esitys' },
      after: { proposal: 'Julkinen tarkennus' },
    });
  });

  /** createMeeting in the same body as `m`, as `t`. */
  async function createMeetingAs(m: { id: string }, t: string) {
    const body = (
      await demo.server.gql('query ($id: ID!) { meeting(id: $id) { body { id } } }', { id: m.id }, { token: token.admin })
    ).data!.meeting.body.id;
    return demo.server.gql(
      'mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
      { input: { bodyId: body, title: 'X', startsAt: '2026-12-01T09:00:00Z' } },
      { token: t },
    );
  }
});

describe('the demo region', () => {
  it('has a coming meeting of the municipal assembly with five items, one partly secret, and past published minutes', async () => {
    const r = await demo.server.gql(
      '{ meetings { title status body { name } agenda { section title publicity legalBasis relatedNeeds { id } } } publishedMinutesList { title items { title proposal } } }',
      {},
      { token: token.chair },
    );
    expect(r.errors).toBeUndefined();
    const coming = r.data!.meetings.find((m: any) => m.title === 'Kuntakokous 2/2026' && m.body.name === 'Kuntakokous');
    expect(coming).toMatchObject({ status: 'AGENDA_PUBLISHED' });
    expect(coming.agenda).toHaveLength(5);
    expect(coming.agenda.filter((i: any) => i.publicity !== 'PUBLIC')).toEqual([
      expect.objectContaining({ legalBasis: expect.stringMatching(/^JulkL/) }),
    ]);
    expect(coming.agenda[2].relatedNeeds.length).toBeGreaterThan(0);
    const past = r.data!.publishedMinutesList.find((m: any) => m.title === 'Kuntakokous 1/2026');
    expect(past.items.find((i: any) => i.title.startsWith('Oppilashuollon')).proposal).toBeNull();
  });
});
