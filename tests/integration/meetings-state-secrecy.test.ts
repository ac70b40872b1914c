import { describe, expect, it } from 'vitest';
import { DEMO, makeAgendaItem, makeBody, makeMeeting, ok, signIn } from './factories.js';
import { startDemo } from './helpers.js';

const demo = startDemo({ users: ['analyst', 'county'], region: true });

const TRANSITION =
  'mutation ($m: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $m, expectedVersion: $v, to: $to) { id } }';
const POINT = 'mutation ($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, itemId: $i) { id } }';
const DECIDE =
  'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin.", mode: UNANIMOUS) { id } }';

async function meetingNow(id: string, as = demo.token.admin) {
  const r = await demo.server.gql<{ meeting: { version: number; agenda: { id: string; version: number }[] } }>(
    'query ($id: ID!) { meeting(id: $id) { version agenda { id version } } }',
    { id },
    { token: as },
  );
  ok(r, 'reading the meeting');
  return r.data.meeting;
}

/** Runs a mutation on meeting `m` against its current version (`$m`, `$v`). */
async function onMeeting(m: string, mutation: string, variables: Record<string, unknown> = {}, as = demo.token.admin) {
  const r = await demo.server.gql(mutation, { m, v: (await meetingNow(m)).version, ...variables }, { token: as });
  ok(r, mutation);
}

/** A body of its own (the county chairs, Laukaa is a member) with a planned meeting and one public item. */
async function plannedMeeting() {
  const body = await makeBody(demo.server, demo.token.admin, { tier: 'STEERING' }, [
    [DEMO.county, 'CHAIR'],
    [DEMO.laukaa, 'MEMBER'],
  ]);
  const meeting = await makeMeeting(demo.server, demo.token.admin, { bodyId: body.id });
  const item = await makeAgendaItem(demo.server, demo.token.admin, { meetingId: meeting.id, proposal: 'Hyväksytään.' });
  return { meetingId: meeting.id, itemId: item.id };
}

describe('a write the meeting state does not allow', () => {
  it('stays FORBIDDEN but says the state it is in and the states it is possible in', async () => {
    const { meetingId, itemId } = await plannedMeeting();
    const pointer = await demo.server.gql(POINT, { m: meetingId, i: itemId }, { token: demo.token.county });
    expect(pointer.errors?.[0]?.message).toBe(
      'The current item cannot be changed while the meeting is PLANNED; only while it is IN_PROGRESS',
    );
    expect(pointer.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MEETING_STATUS',
      status: 'PLANNED',
      allowedStatuses: ['IN_PROGRESS'],
    });

    const item = (await meetingNow(meetingId)).agenda.find((i) => i.id === itemId)!;
    const decision = await demo.server.gql(DECIDE, { id: itemId, v: item.version }, { token: demo.token.county });
    expect(decision.errors?.[0]?.message).toBe(
      'A decision cannot be changed while the meeting is PLANNED; only while it is IN_PROGRESS, HELD or MINUTES_DRAFT',
    );
    expect(decision.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MEETING_STATUS',
      status: 'PLANNED',
      allowedStatuses: ['IN_PROGRESS', 'HELD', 'MINUTES_DRAFT'],
    });

    await onMeeting(meetingId, TRANSITION, { to: 'AGENDA_PUBLISHED' });
    const published = await demo.server.gql(POINT, { m: meetingId, i: itemId }, { token: demo.token.county });
    expect(published.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      status: 'AGENDA_PUBLISHED',
      allowedStatuses: ['IN_PROGRESS'],
    });
    expect(published.errors?.[0]?.message).toContain('while the meeting is AGENDA_PUBLISHED');
  });

  it('a refusal for who the caller is keeps its own message and has no status', async () => {
    const { meetingId, itemId } = await plannedMeeting();
    await onMeeting(meetingId, TRANSITION, { to: 'AGENDA_PUBLISHED' });
    await onMeeting(meetingId, TRANSITION, { to: 'IN_PROGRESS' });
    const r = await demo.server.gql(POINT, { m: meetingId, i: itemId }, { token: demo.token.analyst });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.errors?.[0]?.extensions?.status).toBeUndefined();
  });
});

describe("a secret item's case number", () => {
  it('is shown with the title to everyone who sees the title: the analyst in the meeting and anyone in the published minutes', async () => {
    const { meetingId, itemId } = await plannedMeeting();
    const secret = await makeAgendaItem(demo.server, demo.token.admin, {
      meetingId,
      title: 'Salainen henkilöstöasia',
      proposal: 'Salainen ehdotus.',
      caseNumber: 'SAL/1',
      publicity: 'SECRET',
      legalBasis: 'JulkL 24.1 § 32 k',
    });
    for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS']) await onMeeting(meetingId, TRANSITION, { to });
    for (const email of [DEMO.county, DEMO.laukaa]) {
      const r = await demo.server.gql(
        'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
        { input: { meetingId, personId: demo.region.person(email), status: 'PRESENT' } },
        { token: demo.token.admin },
      );
      ok(r, 'recordAttendance');
    }
    for (const id of [itemId, secret.id]) {
      const item = (await meetingNow(meetingId)).agenda.find((i) => i.id === id)!;
      ok(await demo.server.gql(DECIDE, { id, v: item.version }, { token: demo.token.admin }), 'recordDecision');
    }
    for (const to of ['HELD', 'MINUTES_DRAFT']) await onMeeting(meetingId, TRANSITION, { to });
    const checkers = [DEMO.county, DEMO.laukaa];
    await onMeeting(
      meetingId,
      'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
      { p: checkers.map((e) => demo.region.person(e)) },
    );
    for (const email of checkers)
      await onMeeting(
        meetingId,
        'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id } }',
        {},
        await signIn(demo.server, email),
      );
    await onMeeting(meetingId, TRANSITION, { to: 'PUBLISHED' });

    const asAnalyst = await demo.server.gql<{
      meeting: { agenda: { id: string; restricted: boolean; caseNumber: string | null; proposal: string | null }[] };
    }>(
      'query ($id: ID!) { meeting(id: $id) { agenda { id restricted caseNumber proposal } } }',
      { id: meetingId },
      {
        token: demo.token.analyst,
      },
    );
    ok(asAnalyst, 'the analyst reading the meeting');
    expect(asAnalyst.data.meeting.agenda.find((i) => i.id === secret.id)).toEqual({
      id: secret.id,
      restricted: true,
      caseNumber: 'SAL/1',
      proposal: null,
    });

    const anonymous = await demo.server.gql<{
      publishedMinutes: { items: { title: string; caseNumber: string | null; proposal: string | null }[] };
    }>('query ($id: ID!) { publishedMinutes(meetingId: $id) { items { title caseNumber proposal } } }', { id: meetingId });
    ok(anonymous, 'the published minutes');
    expect(anonymous.data.publishedMinutes.items.find((i) => i.title === 'Salainen henkilöstöasia')).toEqual({
      title: 'Salainen henkilöstöasia',
      caseNumber: 'SAL/1',
      proposal: null,
    });
  });
});
