import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { CODE, EMAIL, recordSteps } from './record-fixture.js';
import { instantBetween, startDemo, unique } from './helpers.js';

/**
 * A past state of a meeting (`meeting(id, asOf)`) is read-only and judged by its own day: an outside tester found
 * `viewerCan.editMinutes` true with no lock reason for a moment while the meeting was HELD, and `fillsSeat` and
 * `deputyForChoices` judged by today.
 */
const demo = startDemo({ region: true });

const { transition, attend, deputyOf } = recordSteps(demo, 'id version status');

/** Today in Finland (YYYY-MM-DD), the day memberships are judged on. */
const helsinkiToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });

/** A body of three seats (the county chairs, Laukaa a member, Jyväskylä its secretary) and one more member. */
async function body(memberEndsOn: string | null = null) {
  const made = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Menneisyyselin') }, tier: 'STEERING' });
  await factory.seat(demo.server, demo.admin, made.id, [
    [EMAIL.county, 'CHAIR'],
    [EMAIL.jkl, 'SECRETARY'],
    [EMAIL.laukaa, 'MEMBER'],
  ]);
  const member = await factory.makePerson(demo.server, demo.admin, {
    name: unique('Jäsen'),
    partyId: demo.region.party(CODE.county),
  });
  await factory.makeMembership(demo.server, demo.admin, {
    bodyId: made.id,
    personId: member.id,
    role: 'MEMBER',
    endsOn: memberEndsOn,
  });
  return { bodyId: made.id, member: member.id };
}

async function heldMeeting(bodyId: string, present: string[]) {
  const { id } = await factory.makeMeeting(demo.server, demo.admin, { bodyId });
  const item = await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: id, proposal: 'Hyväksytään.' });
  for (const status of ['AGENDA_PUBLISHED', 'IN_PROGRESS']) await transition(id, status);
  for (const personId of present) factory.ok(await attend(id, personId, 'PRESENT'), 'attendance');
  await transition(id, 'HELD');
  return { id, itemId: item.id };
}

const PERMISSIONS = `viewerCan {
  manage editAgenda movePointer recordAttendance recordDecision editMinutes reopenMinutes readMinutes
  minutesLockReason removePersonalData electCheckers checkMinutes checkMinutesLockReason join
}
minutes { canEdit editLockReason }
agenda { id decisionDocument { canEdit editLockReason } attachmentPermissions { read upload } }`;

const read = async (token: string, id: string, fields: string, asOf?: string) => {
  const r = await demo.server.gql(
    `query ($id: ID!, $t: DateTime) { meeting(id: $id, asOf: $t) { status ${fields} } }`,
    { id, t: asOf },
    { token },
  );
  factory.ok(r, 'reading the meeting');
  return r.data.meeting;
};

describe('a past state of a meeting', () => {
  it('may not be changed by anyone, and every lock says PAST_STATE', async () => {
    const { bodyId } = await body();
    const { id } = await heldMeeting(bodyId, [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa)]);
    const whileHeld = await instantBetween();
    await transition(id, 'MINUTES_DRAFT');

    const secretary = await factory.signIn(demo.server, EMAIL.jkl);
    for (const [who, token] of [
      ['secretariat', demo.admin],
      ['secretary', secretary],
    ] as const) {
      // Now (a draft) they write the minutes; the meeting as it stood while HELD is read-only.
      const live = await read(token, id, PERMISSIONS);
      expect(live.status, who).toBe('MINUTES_DRAFT');
      expect([live.viewerCan.editMinutes, live.viewerCan.manage, live.minutes.canEdit], who).toEqual([true, true, true]);

      const past = await read(token, id, PERMISSIONS, whileHeld);
      expect(past.status, who).toBe('HELD');
      expect(past.viewerCan, who).toEqual({
        manage: false,
        editAgenda: false,
        movePointer: false,
        recordAttendance: false,
        recordDecision: false,
        editMinutes: false,
        reopenMinutes: false,
        readMinutes: true,
        minutesLockReason: 'PAST_STATE',
        removePersonalData: false,
        electCheckers: false,
        checkMinutes: false,
        checkMinutesLockReason: 'PAST_STATE',
        join: false,
      });
      expect(past.minutes, who).toEqual({ canEdit: false, editLockReason: 'PAST_STATE' });
      expect(past.agenda, who).toHaveLength(1);
      expect(past.agenda[0].decisionDocument, who).toEqual({ canEdit: false, editLockReason: 'PAST_STATE' });
      expect(past.agenda[0].attachmentPermissions, who).toEqual({ read: true, upload: false });
    }
  });

  it("offers no upload of an item's files, while the live item takes them", async () => {
    const { bodyId } = await body();
    const { id } = await factory.makeMeeting(demo.server, demo.admin, { bodyId });
    await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: id });
    const whilePlanned = await instantBetween();
    await transition(id, 'AGENDA_PUBLISHED');
    const fields = 'viewerCan { editAgenda } agenda { attachmentPermissions { read upload } }';
    const live = await read(demo.admin, id, fields);
    expect(live.viewerCan.editAgenda).toBe(true);
    expect(live.agenda[0].attachmentPermissions).toEqual({ read: true, upload: true });
    const past = await read(demo.admin, id, fields, whilePlanned);
    expect(past.viewerCan.editAgenda).toBe(false);
    expect(past.agenda[0].attachmentPermissions).toEqual({ read: true, upload: false });
  });

  it('judges who fills a seat by the memberships of its day, and offers a deputy no seat', async () => {
    // A member whose term ends today: they fill a seat today, no longer tomorrow.
    const { bodyId, member } = await body(helsinkiToday());
    const deputy = await deputyOf(bodyId, CODE.laukaa);
    const { id } = await heldMeeting(bodyId, [demo.region.person(EMAIL.county), member, deputy]);
    const fields = `quorum { present members } attendance { person { id } fillsSeat deputyForChoices { id } }`;
    const seats = (m: { attendance: { person: { id: string }; fillsSeat: boolean; deputyForChoices: { id: string }[] }[] }) =>
      Object.fromEntries(m.attendance.map((a) => [a.person.id, [a.fillsSeat, a.deputyForChoices.map((p) => p.id)]]));

    const live = await read(demo.admin, id, fields);
    expect(live.quorum).toEqual({ present: 2, members: 3 });
    expect(seats(live)).toEqual({
      [demo.region.person(EMAIL.county)]: [true, []],
      [member]: [true, []],
      // Laukaa's member is not present: the deputy may stand in for them.
      [deputy]: [false, [demo.region.person(EMAIL.laukaa)]],
    });

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const past = await read(demo.admin, id, fields, tomorrow);
    expect(past.quorum).toEqual({ present: 1, members: 2 });
    expect(seats(past)).toEqual({
      [demo.region.person(EMAIL.county)]: [true, []],
      [member]: [false, []],
      [deputy]: [false, []],
    });
  });
});
