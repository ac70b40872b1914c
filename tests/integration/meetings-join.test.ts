import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { startDemo, unique } from './helpers.js';

/**
 * Being in a meeting (joinMeeting, leaveMeeting) is for those who take part in it: the body's members,
 * observers too, and the secretariat. Reading the meeting is not enough (analysts read every meeting).
 */
const demo = startDemo({
  users: {
    analyst: factory.DEMO.analyst,
    chair: factory.DEMO.county,
    observer: factory.DEMO.laukaa,
    outsider: factory.DEMO.jyvaskyla,
  },
});

const JOIN = 'mutation ($m: ID!) { joinMeeting(meetingId: $m) { user { email } } }';
const LEAVE = 'mutation ($m: ID!) { leaveMeeting(meetingId: $m) }';

/** A meeting of a body of its own, chaired by the county, with Laukaa as an observer. */
async function meeting(): Promise<string> {
  const body = await factory.makeBody(demo.server, demo.token.admin, { names: { fi: unique('Läsnäolo') } }, [
    [factory.DEMO.county, 'CHAIR'],
    [factory.DEMO.laukaa, 'OBSERVER'],
  ]);
  return (await factory.makeMeeting(demo.server, demo.token.chair, { bodyId: body.id })).id;
}

const present = (r: { data?: Record<string, any> | null }) =>
  ((r.data?.joinMeeting ?? []) as { user: { email: string } }[]).map((p) => p.user.email).sort();

describe('joinMeeting', () => {
  it('is FORBIDDEN to the analyst, who reads the meeting but takes no part, and leaves no presence', async () => {
    const m = await meeting();
    const read = await demo.server.gql('query ($m: ID!) { meeting(id: $m) { id } }', { m }, { token: demo.token.analyst });
    expect(read.data?.meeting?.id).toBe(m);

    const join = await demo.server.gql(JOIN, { m }, { token: demo.token.analyst });
    expect(join.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(join.data ?? null).toBeNull();
    const leave = await demo.server.gql(LEAVE, { m }, { token: demo.token.analyst });
    expect(leave.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The participants' list shows the member, not the analyst.
    const member = await demo.server.gql(JOIN, { m }, { token: demo.token.chair });
    expect(member.errors).toBeUndefined();
    expect(present(member)).toEqual([factory.DEMO.county]);
  });

  it("lets the body's members (an observer too) and the secretariat in", async () => {
    const m = await meeting();
    expect((await demo.server.gql(JOIN, { m }, { token: demo.token.chair })).errors).toBeUndefined();
    expect((await demo.server.gql(JOIN, { m }, { token: demo.token.observer })).errors).toBeUndefined();
    const admin = await demo.server.gql(JOIN, { m }, { token: demo.token.admin });
    expect(admin.errors).toBeUndefined();
    expect(present(admin)).toEqual([factory.DEMO.admin, factory.DEMO.county, factory.DEMO.laukaa].sort());
    expect((await demo.server.gql(LEAVE, { m }, { token: demo.token.observer })).data?.leaveMeeting).toBe(true);
  });

  it('is announced by viewerCan.join: true for a member, an observer and the secretariat, false for the analyst and a past state', async () => {
    const m = await meeting();
    const Q = 'query ($m: ID!, $at: DateTime) { meeting(id: $m, asOf: $at) { viewerCan { join } } }';
    const canJoin = async (who: string, at: string | null = null) => {
      const r = await demo.server.gql(Q, { m, at }, { token: who });
      expect(r.errors).toBeUndefined();
      return r.data!.meeting.viewerCan.join as boolean;
    };
    expect(await canJoin(demo.token.chair)).toBe(true);
    expect(await canJoin(demo.token.observer)).toBe(true);
    expect(await canJoin(demo.token.admin)).toBe(true);
    expect(await canJoin(demo.token.analyst)).toBe(false);
    // The meeting as it stood at a past moment is read-only: nobody is in that room.
    expect(await canJoin(demo.token.chair, new Date().toISOString())).toBe(false);
  });

  it('answers NOT_FOUND to a user outside the body, who may not see the meeting at all', async () => {
    const m = await meeting();
    const r = await demo.server.gql(JOIN, { m }, { token: demo.token.outsider });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
