import { apiAs } from './helpers.js';

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * Records every current participant of the meeting's body present, so the meeting has its quorum
 * (more than half of the members; issue 12). Tests that record decisions through the API or the UI need it.
 */
export async function recordEveryonePresent(api: Api, meetingId: string): Promise<void> {
  const { meeting } = await api<{ meeting: { participants: { person: { id: string } }[] } }>(
    'query ($id: ID!) { meeting(id: $id) { participants { person { id } } } }',
    { id: meetingId },
  );
  for (const personId of new Set(meeting.participants.map((p) => p.person.id))) {
    await api('mutation ($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }', {
      i: { meetingId, personId, status: 'PRESENT' },
    });
  }
}

/**
 * Records a unanimous decision with the given wording on each of the items (every item of the agenda when none are
 * named), each against its version as it is now.
 */
export async function decideUnanimously(api: Api, meetingId: string, decision: string, itemIds?: string[]): Promise<void> {
  const agenda = async () =>
    (
      await api<{ meeting: { agenda: { id: string; version: number }[] } }>(
        'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
        { id: meetingId },
      )
    ).meeting.agenda;
  for (const id of itemIds ?? (await agenda()).map((i) => i.id)) {
    await api(
      'mutation ($id: ID!, $v: Int!, $d: String) { recordDecision(itemId: $id, expectedVersion: $v, decision: $d, mode: UNANIMOUS) { id } }',
      { id, v: (await agenda()).find((i) => i.id === id)!.version, d: decision },
    );
  }
}

const version = async (api: Api, id: string) =>
  (await api<{ meeting: { version: number } }>('query ($id: ID!) { meeting(id: $id) { version } }', { id })).meeting.version;

/** Elects the persons of two demo accounts as the minutes checkers (they must be present). */
export async function electCheckers(baseUrl: string, runner: Api, meetingId: string, emails: [string, string]): Promise<void> {
  const { persons } = await runner<{ persons: { id: string; user: { email: string } | null }[] }>(
    '{ persons { id user { email } } }',
  );
  const ids = emails.map((e) => persons.find((p) => p.user?.email === e)!.id);
  await runner(
    'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
    {
      m: meetingId,
      v: await version(runner, meetingId),
      p: ids,
    },
  );
}

/** Each of the two checkers marks the minutes checked as themselves; the meeting is then MINUTES_CHECKED. */
export async function checkAsCheckers(baseUrl: string, meetingId: string, emails: [string, string]): Promise<void> {
  for (const email of emails) {
    const api = await apiAs(baseUrl, email);
    await api('mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id } }', {
      m: meetingId,
      v: await version(api, meetingId),
    });
  }
}
