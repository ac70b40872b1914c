import * as factory from './factories.js';
import { unique, type TestServer } from './helpers.js';

/** The demo accounts and party codes the lawful-record tests seat in their bodies. */
export const EMAIL = { county: factory.DEMO.county, jkl: factory.DEMO.jyvaskyla, laukaa: factory.DEMO.laukaa };
export const CODE = { county: '15', laukaa: '410' };

/** The first error's extensions of an answer (empty when it has none). */
export const ext = (r: { errors?: readonly { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

/**
 * The steps of the lawful-record tests, run as the secretariat: read a meeting (`fields` selected), move it on,
 * record attendance, seat a deputy member. `ctx` is read at each call, since the server starts in `beforeAll`.
 */
export function recordSteps(ctx: () => { server: TestServer; admin: string; demo: factory.Region }, fields: string) {
  const get = async (id: string) => {
    const { server, admin } = ctx();
    const r = await server.gql(`query ($id: ID!) { meeting(id: $id) { ${fields} } }`, { id }, { token: admin });
    factory.ok(r, 'reading the meeting');
    return r.data.meeting;
  };
  const transition = async (id: string, to: string) =>
    factory.ok(
      await ctx().server.gql(
        'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { id } }',
        { id, v: (await get(id)).version, to },
        { token: ctx().admin },
      ),
      `transition to ${to}`,
    );
  const attend = (meetingId: string, personId: string, status = 'PRESENT', deputyForPersonId: string | null = null) =>
    ctx().server.gql(
      'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
      { input: { meetingId, personId, status, deputyForPersonId } },
      { token: ctx().admin },
    );
  /** A person of a party (no account) seated in the body as a deputy member for that party. */
  async function deputyOf(bodyId: string, code: string): Promise<string> {
    const { server, admin, demo } = ctx();
    const partyId = demo.party(code);
    const p = await factory.makePerson(server, admin, { name: unique('Varajäsen'), partyId });
    await factory.makeMembership(server, admin, { bodyId, personId: p.id, partyId, role: 'DEPUTY_MEMBER' });
    return p.id;
  }
  return { get, transition, attend, deputyOf };
}
