import * as factory from './factories.js';
import { unique, type Demo } from './helpers.js';

/** The demo accounts and party codes the lawful-record tests seat in their bodies. */
export const EMAIL = { county: factory.DEMO.county, jkl: factory.DEMO.jyvaskyla, laukaa: factory.DEMO.laukaa };
export const CODE = { county: '15', laukaa: '410' };

/** The first error's extensions of an answer (empty when it has none). */
export const ext = (r: { errors?: readonly { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

/**
 * The steps of the lawful-record tests, run as the secretariat: read a meeting (`fields` selected), move it on,
 * record attendance, seat a deputy member. `demo` (startDemo with its region) is read at each call, since the server
 * starts in `beforeAll`.
 */
export function recordSteps(demo: Demo, fields: string) {
  const get = async (id: string) => {
    const { server, admin } = demo;
    const r = await server.gql(`query ($id: ID!) { meeting(id: $id) { ${fields} } }`, { id }, { token: admin });
    factory.ok(r, 'reading the meeting');
    return r.data.meeting;
  };
  const transition = async (id: string, to: string) =>
    factory.ok(
      await demo.server.gql(
        'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { id } }',
        { id, v: (await get(id)).version, to },
        { token: demo.admin },
      ),
      `transition to ${to}`,
    );
  const attend = (meetingId: string, personId: string, status = 'PRESENT', deputyForPersonId: string | null = null) =>
    demo.server.gql(
      'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
      { input: { meetingId, personId, status, deputyForPersonId } },
      { token: demo.admin },
    );
  /** A person of a party (no account) seated in the body as a deputy member for that party. */
  async function deputyOf(bodyId: string, code: string): Promise<string> {
    const { server, admin, region } = demo;
    const partyId = region.party(code);
    const p = await factory.makePerson(server, admin, { name: unique('Varajäsen'), partyId });
    await factory.makeMembership(server, admin, { bodyId, personId: p.id, partyId, role: 'DEPUTY_MEMBER' });
    return p.id;
  }
  return { get, transition, attend, deputyOf };
}
