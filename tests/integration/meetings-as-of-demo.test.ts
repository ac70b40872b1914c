import { describe, expect, it } from 'vitest';
import { instantBetween, startDemo } from './helpers.js';

// The demo region's meetings as they stood: the seed records their history as the services record any
// meeting's, so `meeting(id, asOf)` rebuilds a seeded meeting whole (an outside tester's report: asOf now
// gave no agenda and attendance answered INTERNAL_SERVER_ERROR).

const demo = startDemo({ users: { analyst: 'analyst@demo.local', member: 'jyvaskyla@demo.local' } });

const MEETING = `query ($id: ID!, $asOf: DateTime) {
  meeting(id: $id, asOf: $asOf) {
    title status asOf startsAt
    agenda { id section title decision }
    attendance { status person { id } }
  }
}`;

/** The demo region's own meetings of the municipal assembly with a title (on a shared database there may be others). */
async function seeded(title: string): Promise<{ id: string; startsAt: string }[]> {
  const r = await demo.server.gql('{ meetings { id title startsAt body { name } } }', {}, { token: demo.token.admin });
  expect(r.errors).toBeUndefined();
  const found = r.data!.meetings.filter((m: any) => m.title === title && m.body.name === 'Kuntakokous');
  expect(found.length, title).toBeGreaterThan(0);
  return found;
}

const read = (token: string, id: string, asOf?: string) => demo.server.gql(MEETING, { id, asOf }, { token });

describe('a seeded meeting as it stood', () => {
  it('is the meeting as it is now when asOf is the present moment, for every role', async () => {
    const meetings = [...(await seeded('Kuntakokous 1/2026')), ...(await seeded('Kuntakokous 2/2026'))];
    const now = await instantBetween();
    for (const [role, token] of Object.entries(demo.token)) {
      for (const { id } of meetings) {
        const current = await read(token, id);
        const past = await read(token, id, now);
        expect(current.errors, `${role} ${id} now`).toBeUndefined();
        expect(past.errors, `${role} ${id} asOf`).toBeUndefined();
        // Every demo account reads the assembly's meetings (its members and the region's analyst and secretariat).
        expect(current.data!.meeting, `${role} ${id}`).not.toBeNull();
        expect(past.data!.meeting.asOf, `${role} ${id}`).toBe(now);
        expect(past.data!.meeting.status).toBe(current.data!.meeting.status);
        expect(past.data!.meeting.agenda, `${role} ${current.data!.meeting.title}`).toEqual(current.data!.meeting.agenda);
        expect(past.data!.meeting.attendance, `${role} ${current.data!.meeting.title}`).toEqual(current.data!.meeting.attendance);
      }
    }
    // The held meeting's agenda and attendance are there to compare (four items, the members who attended).
    const [held] = await seeded('Kuntakokous 1/2026');
    const past = await read(demo.token.admin, held!.id, now);
    expect(past.data!.meeting.agenda).toHaveLength(4);
    expect(past.data!.meeting.attendance.length).toBeGreaterThan(0);
  });

  it('is the held meeting as it stood before it was held, and nothing before it was created', async () => {
    const [held] = await seeded('Kuntakokous 1/2026');
    const startsAt = new Date(held!.startsAt).getTime();
    const dayBefore = new Date(startsAt - 86_400_000).toISOString();
    const before = await read(demo.token.admin, held!.id, dayBefore);
    expect(before.errors).toBeUndefined();
    expect(before.data!.meeting.status).toBe('AGENDA_PUBLISHED');
    expect(before.data!.meeting.agenda).toHaveLength(4);
    expect(before.data!.meeting.agenda.map((i: any) => i.decision)).toEqual([null, null, null, null]);
    expect(before.data!.meeting.attendance).toEqual([]);

    const longBefore = await read(demo.token.admin, held!.id, new Date(startsAt - 365 * 86_400_000).toISOString());
    expect(longBefore.errors).toBeUndefined();
    expect(longBefore.data!.meeting).toBeNull();
  });
});
