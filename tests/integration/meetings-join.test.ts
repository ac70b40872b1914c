import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { startServer, unique, type TestServer } from './helpers.js';

/**
 * Being in a meeting (joinMeeting, leaveMeeting) is for those who take part in it: the body's members,
 * observers too, and the secretariat. Reading the meeting is not enough (analysts read every meeting).
 */
let server: TestServer;
let token: { admin: string; analyst: string; chair: string; observer: string; outsider: string };
beforeAll(async () => {
  server = await startServer();
  token = await factory.loginAll(server, {
    admin: factory.DEMO.admin,
    analyst: factory.DEMO.analyst,
    chair: factory.DEMO.county,
    observer: factory.DEMO.laukaa,
    outsider: factory.DEMO.jyvaskyla,
  });
});
afterAll(() => server?.stop());

const JOIN = 'mutation ($m: ID!) { joinMeeting(meetingId: $m) { user { email } } }';
const LEAVE = 'mutation ($m: ID!) { leaveMeeting(meetingId: $m) }';

/** A meeting of a body of its own, chaired by the county, with Laukaa as an observer. */
async function meeting(): Promise<string> {
  const body = await factory.makeBody(server, token.admin, { names: { fi: unique('Läsnäolo') } }, [
    [factory.DEMO.county, 'CHAIR'],
    [factory.DEMO.laukaa, 'OBSERVER'],
  ]);
  return (await factory.makeMeeting(server, token.chair, { bodyId: body.id })).id;
}

const present = (r: { data?: Record<string, any> | null }) =>
  ((r.data?.joinMeeting ?? []) as { user: { email: string } }[]).map((p) => p.user.email).sort();

describe('joinMeeting', () => {
  it('is FORBIDDEN to the analyst, who reads the meeting but takes no part, and leaves no presence', async () => {
    const m = await meeting();
    const read = await server.gql('query ($m: ID!) { meeting(id: $m) { id } }', { m }, { token: token.analyst });
    expect(read.data?.meeting?.id).toBe(m);

    const join = await server.gql(JOIN, { m }, { token: token.analyst });
    expect(join.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(join.data ?? null).toBeNull();
    const leave = await server.gql(LEAVE, { m }, { token: token.analyst });
    expect(leave.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The participants' list shows the member, not the analyst.
    const member = await server.gql(JOIN, { m }, { token: token.chair });
    expect(member.errors).toBeUndefined();
    expect(present(member)).toEqual([factory.DEMO.county]);
  });

  it("lets the body's members (an observer too) and the secretariat in", async () => {
    const m = await meeting();
    expect((await server.gql(JOIN, { m }, { token: token.chair })).errors).toBeUndefined();
    expect((await server.gql(JOIN, { m }, { token: token.observer })).errors).toBeUndefined();
    const admin = await server.gql(JOIN, { m }, { token: token.admin });
    expect(admin.errors).toBeUndefined();
    expect(present(admin)).toEqual([factory.DEMO.admin, factory.DEMO.county, factory.DEMO.laukaa].sort());
    expect((await server.gql(LEAVE, { m }, { token: token.observer })).data?.leaveMeeting).toBe(true);
  });

  it('is announced by viewerCan.join: true for a member, an observer and the secretariat, false for the analyst and a past state', async () => {
    const m = await meeting();
    const Q = 'query ($m: ID!, $at: DateTime) { meeting(id: $m, asOf: $at) { viewerCan { join } } }';
    const canJoin = async (who: string, at: string | null = null) => {
      const r = await server.gql(Q, { m, at }, { token: who });
      expect(r.errors).toBeUndefined();
      return r.data!.meeting.viewerCan.join as boolean;
    };
    expect(await canJoin(token.chair)).toBe(true);
    expect(await canJoin(token.observer)).toBe(true);
    expect(await canJoin(token.admin)).toBe(true);
    expect(await canJoin(token.analyst)).toBe(false);
    // The meeting as it stood at a past moment is read-only: nobody is in that room.
    expect(await canJoin(token.chair, new Date().toISOString())).toBe(false);
  });

  it('answers NOT_FOUND to a user outside the body, who may not see the meeting at all', async () => {
    const m = await meeting();
    const r = await server.gql(JOIN, { m }, { token: token.outsider });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
