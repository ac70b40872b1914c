import { DEMO, makeAgendaItem, makeBody, makeMeeting, ok, region, signIn, type Api } from './factories.js';

/** A meeting's version now, for the next write that expects it. */
async function versionOf(api: Api, token: string, meetingId: string): Promise<number> {
  const r = await api.gql<{ meeting: { version: number } }>(
    'query ($id: ID!) { meeting(id: $id) { version } }',
    { id: meetingId },
    { token },
  );
  ok(r, 'reading the meeting');
  return r.data.meeting.version;
}

/** Runs one meeting mutation that takes `$m` (the meeting) and `$v` (its current version). */
async function onMeeting(
  api: Api,
  token: string,
  meetingId: string,
  mutation: string,
  variables: Record<string, unknown> = {},
): Promise<void> {
  const r = await api.gql(mutation, { m: meetingId, v: await versionOf(api, token, meetingId), ...variables }, { token });
  ok(r, mutation);
}

const TRANSITION =
  'mutation ($m: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $m, expectedVersion: $v, to: $to) { id } }';

/**
 * Publishes a PLANNED meeting's agenda with one item on it (as `admin`, who runs it): its agenda and minutes are then
 * read by all who read the meeting, where before only those who run it see the draft.
 */
export async function publishAgenda(api: Api, admin: string, meetingId: string): Promise<void> {
  await makeAgendaItem(api, admin, { meetingId });
  await onMeeting(api, admin, meetingId, TRANSITION, { to: 'AGENDA_PUBLISHED' });
}

/**
 * A meeting of a body of its own, held and its minutes published the lawful way (issue 12): the county
 * chairs and Laukaa is a member, both present (quorum), its one item decided, and the two of them elected
 * as checkers who check the minutes themselves. Made with the secretariat's session `admin`.
 */
export async function makePublishedMeeting(api: Api, admin: string): Promise<{ id: string; itemId: string }> {
  const { person } = await region(api);
  const body = await makeBody(api, admin, { tier: 'STEERING' }, [
    [DEMO.county, 'CHAIR'],
    [DEMO.laukaa, 'MEMBER'],
  ]);
  const meeting = await makeMeeting(api, admin, { bodyId: body.id });
  const item = await makeAgendaItem(api, admin, { meetingId: meeting.id, proposal: 'Hyväksytään.' });
  for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT'])
    await onMeeting(api, admin, meeting.id, TRANSITION, { to });
  for (const email of [DEMO.county, DEMO.laukaa]) {
    const r = await api.gql(
      'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
      { input: { meetingId: meeting.id, personId: person(email), status: 'PRESENT' } },
      { token: admin },
    );
    ok(r, 'recordAttendance');
  }
  const itemVersion = await api.gql<{ meeting: { agenda: { id: string; version: number }[] } }>(
    'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
    { id: meeting.id },
    { token: admin },
  );
  ok(itemVersion, 'reading the agenda');
  const decided = await api.gql(
    'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin.", mode: UNANIMOUS) { id } }',
    { id: item.id, v: itemVersion.data.meeting.agenda.find((i) => i.id === item.id)!.version },
    { token: admin },
  );
  ok(decided, 'recordDecision');
  const checkers = [DEMO.county, DEMO.laukaa];
  await onMeeting(
    api,
    admin,
    meeting.id,
    'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
    {
      p: checkers.map(person),
    },
  );
  for (const email of checkers) {
    await onMeeting(
      api,
      await signIn(api, email),
      meeting.id,
      'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id } }',
    );
  }
  await onMeeting(api, admin, meeting.id, TRANSITION, { to: 'PUBLISHED' });
  return { id: meeting.id, itemId: item.id };
}
