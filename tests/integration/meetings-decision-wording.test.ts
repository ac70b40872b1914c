import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { eventually, startServer, unique, type TestServer } from './helpers.js';

/**
 * A decision recorded after the meeting (while the minutes are drafted) gets its wording then, and a tabled or
 * returned item reads as such, not as its proposal; an elected checker is not offered the check while an item is
 * undecided, and is told why.
 */
let server: TestServer;
let token: Record<'admin' | 'chair' | 'member', string>;
let demo: factory.Region;
const EMAIL = { county: 'hyvinvointialue@demo.local', jkl: 'jyvaskyla@demo.local', laukaa: 'laukaa@demo.local' };
const ext = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

beforeAll(async () => {
  server = await startServer();
  token = await factory.loginAll(server, { admin: factory.DEMO.admin, chair: EMAIL.county, member: EMAIL.laukaa });
  demo = await factory.region(server);
});
afterAll(() => server?.stop());

const MEETING = `id status version viewerCan { checkMinutes checkMinutesLockReason } allowedTransitions
  agenda { id section title version proposal decision decisionMode }`;
const get = async (id: string, as = token.admin) =>
  (await server.gql(`query ($id: ID!) { meeting(id: $id) { ${MEETING} } }`, { id }, { token: as })).data!.meeting;
const transition = (id: string, v: number, to: string) =>
  server.gql(
    'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { id } }',
    { id, v, to },
    { token: token.admin },
  );
const decide = (item: { id: string; version: number }, mode: string, decision?: string | null) =>
  server.gql(
    `mutation ($id: ID!, $v: Int!, $d: String, $m: DecisionMode!) {
      recordDecision(itemId: $id, expectedVersion: $v, decision: $d, mode: $m) { id decision decisionMode } }`,
    { id: item.id, v: item.version, d: decision, m: mode },
    { token: token.chair },
  );

/** A meeting of a new body (chair and member present, quorum) with the given proposals, moved to MINUTES_DRAFT. */
async function draftWith(proposals: (string | null)[]) {
  const { id: bodyId } = await factory.makeBody(
    server,
    token.admin,
    { names: { fi: unique('Sanamuotoelin') }, tier: 'STEERING' },
    [
      [EMAIL.county, 'CHAIR'],
      [EMAIL.jkl, 'SECRETARY'],
      [EMAIL.laukaa, 'MEMBER'],
    ],
  );
  const { id } = await factory.makeMeeting(server, token.admin, { bodyId });
  for (const [i, proposal] of proposals.entries())
    await factory.makeAgendaItem(server, token.admin, { meetingId: id, title: `Asia ${i + 1}`, proposal });
  for (const s of ['AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT']) {
    const { version } = (await server.gql('query ($id: ID!) { meeting(id: $id) { version } }', { id }, { token: token.admin }))
      .data!.meeting;
    expect((await transition(id, version, s)).errors).toBeUndefined();
    if (s === 'IN_PROGRESS')
      for (const email of [EMAIL.county, EMAIL.laukaa])
        await server.gql(
          'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
          { input: { meetingId: id, personId: demo.person(email), status: 'PRESENT' } },
          { token: token.admin },
        );
  }
  return id;
}

describe('a decision recorded while the minutes are drafted', () => {
  it('reads as the mode when tabled or returned, as the proposal when adopted, and as the wording written', async () => {
    const id = await draftWith(['Ehdotetaan, että asia hyväksytään.', 'Hyväksytään.', 'Hyväksytään.', 'Hyväksytään.', null]);
    const [tabled, returned, adopted, written, bare] = (await get(id)).agenda;
    expect((await decide(tabled, 'TABLED')).data?.recordDecision).toMatchObject({
      decision: 'Asia jätettiin pöydälle.',
      decisionMode: 'TABLED',
    });
    expect((await decide(returned, 'RETURNED_FOR_PREPARATION', '  ')).data?.recordDecision.decision).toBe(
      'Asia palautettiin valmisteluun.',
    );
    expect((await decide(adopted, 'UNANIMOUS')).data?.recordDecision.decision).toBe('Hyväksytään.');
    expect(
      (await decide(written, 'TABLED', 'Asia jätettiin pöydälle lisäselvityksiä varten.')).data?.recordDecision.decision,
    ).toBe('Asia jätettiin pöydälle lisäselvityksiä varten.');
    // Nothing to adopt and nothing written: the contract's refusal, naming the argument; nothing recorded.
    const refused = await decide(bare, 'UNANIMOUS');
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_WORDING' });
    expect(Object.keys(ext(refused).fields)).toEqual(['decision']);
    expect((await get(id)).agenda[4]).toMatchObject({ decision: null, decisionMode: null });
    // Audited: the tabled item's change carries the standard phrase (the stream shows a write once every older
    // transaction has ended, a moment later on a shared PostgreSQL: wait for it).
    await eventually(
      () =>
        server.gql(
          'query ($e: ID!) { changes(entityId: $e) { edges { node { after } } } }',
          { e: tabled.id },
          { token: token.admin },
        ),
      (r) => JSON.stringify(r.data).includes('Asia jätettiin pöydälle.'),
      10_000,
      "the tabled item's decision in the audit stream",
    );
  });
});

describe('checking the minutes', () => {
  it('is not offered to a checker while an item is undecided, with the reason; then it is', async () => {
    const id = await draftWith(['Hyväksytään.', 'Hyväksytään.']);
    const agenda = await server.gql(
      'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
      { id },
      { token: token.admin },
    );
    const [a, b] = agenda.data!.meeting.agenda;
    await decide(a, 'UNANIMOUS', 'Hyväksytään.');
    const { version: v } = (await server.gql('query ($id: ID!) { meeting(id: $id) { version } }', { id }, { token: token.admin }))
      .data!.meeting;
    const elected = await server.gql(
      'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
      { m: id, v, p: [demo.person(EMAIL.county), demo.person(EMAIL.laukaa)] },
      { token: token.admin },
    );
    expect(elected.errors).toBeUndefined();
    // The check (and the transition that is the same check) is not offered while § 2 is undecided…
    const offered = await server.gql(
      'query ($id: ID!) { meeting(id: $id) { viewerCan { checkMinutes } allowedTransitions } }',
      { id },
      { token: token.member },
    );
    expect(offered.data!.meeting).toEqual({ viewerCan: { checkMinutes: false }, allowedTransitions: [] });
    // …and the checker is told why.
    expect((await get(id, token.member)).viewerCan).toEqual({ checkMinutes: false, checkMinutesLockReason: 'UNDECIDED_ITEMS' });
    // Those who are not checkers get no reason: the check is not theirs.
    expect((await get(id, token.admin)).viewerCan).toEqual({ checkMinutes: false, checkMinutesLockReason: null });
    await decide(b, 'TABLED', 'Asia jätettiin pöydälle.');
    const after = await get(id, token.member);
    expect(after.viewerCan).toEqual({ checkMinutes: true, checkMinutesLockReason: null });
    expect(after.allowedTransitions).toContain('MINUTES_CHECKED');
  });
});
