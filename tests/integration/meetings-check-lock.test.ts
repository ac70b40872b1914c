import { describe, expect, it } from 'vitest';
import { paragraphUpdate } from '../minutes-doc.js';
import * as factory from './factories.js';
import { eventually, nextWhere, startDemo, subscribe, unique } from './helpers.js';

/**
 * The checkers attest the minutes as they read them (Kuntalaki 410/2015 140 §): once one has checked, nothing the
 * minutes publish changes (the minutes text, decisions, attendance) until those who run the meeting reopen the minutes
 * for a correction, which clears every check; the published minutes are exactly what both checkers checked.
 */
const EMAIL = { county: factory.DEMO.county, laukaa: factory.DEMO.laukaa };
const ext = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const demo = startDemo({ users: { chair: EMAIL.county, member: EMAIL.laukaa }, region: true });

const MEETING = `id status version
  minutesCheckers { person { id } checkedAt }
  viewerCan { recordAttendance recordDecision editMinutes minutesLockReason reopenMinutes }
  minutes { id canEdit editLockReason text }
  agenda { id version decision decisionMode }`;
const get = async (id: string, as = demo.token.admin) => {
  const r = await demo.server.gql<{ meeting: any }>(
    `query ($id: ID!) { meeting(id: $id) { ${MEETING} } }`,
    { id },
    { token: as },
  );
  factory.ok(r, 'reading the meeting');
  return r.data.meeting;
};
const transition = async (id: string, to: string) =>
  demo.server.gql(
    'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { id } }',
    { id, v: (await get(id)).version, to },
    { token: demo.token.admin },
  );
const attend = (meetingId: string, email: string, status = 'PRESENT') =>
  demo.server.gql(
    'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
    { input: { meetingId, personId: demo.region.person(email), status } },
    { token: demo.token.admin },
  );
const decide = async (meetingId: string, decision: string) => {
  const [item] = (await get(meetingId)).agenda;
  return demo.server.gql(
    'mutation ($id: ID!, $v: Int!, $d: String!) { recordDecision(itemId: $id, expectedVersion: $v, decision: $d, mode: UNANIMOUS) { id } }',
    { id: item.id, v: item.version, d: decision },
    { token: demo.token.admin },
  );
};
const push = (documentId: string, text: string) =>
  demo.server.gql(
    'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }',
    { d: documentId, u: Buffer.from(paragraphUpdate(text)).toString('base64') },
    { token: demo.token.admin },
  );
const onMeeting = async (id: string, mutation: string, as: string) =>
  demo.server.gql(mutation, { m: id, v: (await get(id)).version }, { token: as });
const check = (id: string, as: string) =>
  onMeeting(id, 'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id status } }', as);
const reopen = (id: string, as = demo.token.admin) =>
  onMeeting(
    id,
    'mutation ($m: ID!, $v: Int!) { reopenMinutesForCorrection(meetingId: $m, expectedVersion: $v) { id status version } }',
    as,
  );

/** A meeting held with one item decided, both checkers (the chair and the member) present and elected, minutes drafted. */
async function draftedMeeting() {
  const body = await factory.makeBody(
    demo.server,
    demo.token.admin,
    { names: { fi: unique('Tarkastuselin') }, tier: 'STEERING' },
    [
      [EMAIL.county, 'CHAIR'],
      [EMAIL.laukaa, 'MEMBER'],
    ],
  );
  const { id } = await factory.makeMeeting(demo.server, demo.token.admin, { bodyId: body.id });
  await factory.makeAgendaItem(demo.server, demo.token.admin, { meetingId: id, title: 'Asia', proposal: 'Hyväksytään.' });
  for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT']) factory.ok(await transition(id, to), to);
  for (const email of [EMAIL.county, EMAIL.laukaa]) factory.ok(await attend(id, email), 'attendance');
  factory.ok(await decide(id, 'Hyväksyttiin.'), 'decision');
  factory.ok(await push((await get(id)).minutes.id, 'Kokous avattiin.'), 'minutes text');
  const elected = await demo.server.gql(
    'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
    { m: id, v: (await get(id)).version, p: [EMAIL.county, EMAIL.laukaa].map((e) => demo.region.person(e)) },
    { token: demo.token.admin },
  );
  factory.ok(elected, 'electing the checkers');
  return id;
}

describe('checked minutes', () => {
  it('lock their content from the first check; reopening clears the checks; the published minutes are what was checked', async () => {
    const id = await draftedMeeting();
    const ws = demo.server.ws(demo.token.chair);
    const live = await subscribe(demo.server, ws, 'subscription ($m: ID!) { meetingChanged(meetingId: $m) { name } }', { m: id });
    const open = await get(id);
    expect(open.viewerCan).toMatchObject({
      recordAttendance: true,
      recordDecision: true,
      editMinutes: true,
      reopenMinutes: false,
    });
    expect(ext(await reopen(id))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_CHECKED' });

    // Checker 1 checks: the minutes as they read them now.
    factory.ok(await check(id, demo.token.chair), 'first check');
    const locked = await get(id);
    expect(locked.status).toBe('MINUTES_DRAFT');
    expect(locked.minutes).toMatchObject({ canEdit: false, editLockReason: 'BEING_CHECKED' });
    expect(locked.viewerCan).toEqual({
      recordAttendance: false,
      recordDecision: false,
      editMinutes: false,
      minutesLockReason: 'BEING_CHECKED',
      reopenMinutes: true,
    });
    // The secretariat's changes are refused: the decision, the attendance, the co-edited minutes text.
    expect(ext(await decide(id, 'Hyväksyttiin muutettuna.'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MINUTES_CHECKED',
      checkedBy: [demo.region.person(EMAIL.county)],
    });
    expect(ext(await attend(id, EMAIL.laukaa, 'REMOTE'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MINUTES_CHECKED' });
    expect(ext(await push(locked.minutes.id, 'Lisätty tarkastuksen jälkeen.'))).toMatchObject({ code: 'FORBIDDEN' });
    const after = await get(id);
    expect(after.minutes.text).toBe(open.minutes.text);
    expect(after.agenda[0]).toMatchObject({ decision: 'Hyväksyttiin.' });
    // Only those who run the meeting reopen the minutes.
    expect(ext(await reopen(id, demo.token.member))).toMatchObject({ code: 'FORBIDDEN' });

    // A correction: reopening clears the check, the checker sees it live, and the minutes are open again.
    const reopened = await reopen(id);
    factory.ok(reopened, 'reopen');
    expect(reopened.data.reopenMinutesForCorrection.status).toBe('MINUTES_DRAFT');
    await nextWhere(live, (e: any) => e.meetingChanged?.name === 'minutes.reopened');
    const cleared = await get(id, demo.token.chair);
    expect(cleared.minutesCheckers.map((c: any) => c.checkedAt)).toEqual([null, null]);
    expect(cleared.viewerCan).toMatchObject({ editMinutes: true, minutesLockReason: null, reopenMinutes: false });
    factory.ok(await decide(id, 'Hyväksyttiin korjattuna.'), 'corrected decision');
    factory.ok(await push(cleared.minutes.id, 'Korjaus.'), 'corrected minutes text');
    const corrected = await get(id);
    expect(corrected.minutes.text).toContain('Korjaus.');
    const audit = await eventually(
      () =>
        demo.server.gql(
          'query ($id: ID!) { changes(entityType: "meeting", entityId: $id, first: 50) { edges { node { name after } } } }',
          { id },
          { token: demo.token.admin },
        ),
      (r: any) => (r.data?.changes.edges ?? []).some((e: any) => e.node.name === 'minutes.reopened'),
      10_000,
      'the reopening in the changes feed',
    );
    const event = (audit as any).data.changes.edges.find((e: any) => e.node.name === 'minutes.reopened').node;
    expect(event.after.clearedChecks).toEqual([{ personId: demo.region.person(EMAIL.county), checkedAt: expect.any(String) }]);

    // Both check the corrected minutes; the second check makes them MINUTES_CHECKED, still locked.
    factory.ok(await check(id, demo.token.chair), 'first check again');
    factory.ok(await check(id, demo.token.member), 'second check');
    expect(ext(await decide(id, 'Vielä muutettu.'))).toMatchObject({ code: 'FORBIDDEN', reason: 'MEETING_STATUS' });
    expect(ext(await push(corrected.minutes.id, 'Myöhäinen lisäys.'))).toMatchObject({ code: 'FORBIDDEN' });
    factory.ok(await transition(id, 'PUBLISHED'), 'publish');
    const pm = await demo.server.gql<{ publishedMinutes: any }>(
      'query ($id: ID!) { publishedMinutes(meetingId: $id) { minutesText items { decision } checkers { checkedAt } } }',
      { id },
    );
    factory.ok(pm, 'published minutes');
    expect(pm.data.publishedMinutes.minutesText).toBe(corrected.minutes.text);
    expect(pm.data.publishedMinutes.items).toEqual([{ decision: 'Hyväksyttiin korjattuna.' }]);
    expect(pm.data.publishedMinutes.checkers).toHaveLength(2);
  });
});
