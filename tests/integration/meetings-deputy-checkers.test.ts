import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { CODE, EMAIL, ext, recordSteps } from './record-fixture.js';
import { startDemo, unique } from './helpers.js';

/**
 * The seats the server offers a deputy (`Attendance.deputyForChoices`, the rule of recordAttendance's refusals), and
 * the minutes checkers' attestations: never replaced by a new election without trace, and checked only by a checker
 * who still fills a seat.
 */
const demo = startDemo({ region: true });

const MEETING = `id status version
  attendance { person { id } status deputyFor { id } }
  minutesCheckers { person { id } checkedAt }
  viewerCan { electCheckers checkMinutes checkMinutesLockReason }
  agenda { id version }`;
const { get, transition, attend, deputyOf } = recordSteps(demo, MEETING);
const { get: getChoices } = recordSteps(demo, 'attendance { person { id } deputyForChoices { id } }');

/** A body of three seats (the county's chair and a second county member, Laukaa's member), Jyväskylä its secretary. */
async function body() {
  const made = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Varajäsenelin') }, tier: 'STEERING' });
  const [, , laukaaSeat] = await factory.seat(demo.server, demo.admin, made.id, [
    [EMAIL.county, 'CHAIR'],
    [EMAIL.jkl, 'SECRETARY'],
    [EMAIL.laukaa, 'MEMBER'],
  ]);
  const member = await factory.makePerson(demo.server, demo.admin, {
    name: unique('Jäsen'),
    partyId: demo.region.party(CODE.county),
  });
  await factory.makeMembership(demo.server, demo.admin, { bodyId: made.id, personId: member.id, role: 'MEMBER' });
  return { bodyId: made.id, member: member.id, laukaaSeat: laukaaSeat! };
}

async function meeting(bodyId: string) {
  const { id } = await factory.makeMeeting(demo.server, demo.admin, { bodyId });
  await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: id, title: 'Asia', proposal: 'Hyväksytään.' });
  for (const status of ['AGENDA_PUBLISHED', 'IN_PROGRESS']) await transition(id, status);
  return id;
}

const choices = async (id: string) =>
  Object.fromEntries(
    (await getChoices(id)).attendance.map((a: { person: { id: string }; deputyForChoices: { id: string }[] }) => [
      a.person.id,
      a.deputyForChoices.map((p) => p.id),
    ]),
  );

const elect = async (id: string, personIds: string[]) =>
  demo.server.gql(
    'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
    { m: id, v: (await get(id)).version, p: personIds },
    { token: demo.admin },
  );
const check = async (id: string, token: string) =>
  demo.server.gql(
    'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id status } }',
    { m: id, v: (await get(id)).version },
    { token },
  );

/** The chair and Laukaa's member present and elected checkers, the item decided, the minutes a draft. */
async function draftWithCheckers() {
  const seats = await body();
  const id = await meeting(seats.bodyId);
  const [chair, laukaa] = [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa)];
  for (const person of [chair, laukaa]) factory.ok(await attend(id, person), 'present');
  factory.ok(await elect(id, [chair, laukaa]), 'the checkers');
  const [item] = (await get(id)).agenda;
  factory.ok(
    await demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, mode: UNANIMOUS) { id } }',
      { id: item.id, v: item.version },
      { token: demo.admin },
    ),
    'the decision',
  );
  for (const status of ['HELD', 'MINUTES_DRAFT']) await transition(id, status);
  return { ...seats, id, chair, laukaa };
}

describe('Attendance.deputyForChoices', () => {
  it('lists the seats recordAttendance would accept for each attendee now', async () => {
    const { bodyId, member } = await body();
    const id = await meeting(bodyId);
    const [chair, laukaa, jkl] = [
      demo.region.person(EMAIL.county),
      demo.region.person(EMAIL.laukaa),
      demo.region.person(EMAIL.jkl),
    ];
    const [first, second, county] = [
      await deputyOf(bodyId, CODE.laukaa),
      await deputyOf(bodyId, CODE.laukaa),
      await deputyOf(bodyId, CODE.county),
    ];
    for (const person of [chair, laukaa, jkl, first, county]) factory.ok(await attend(id, person), 'present');
    factory.ok(await attend(id, member, 'ABSENT'), 'the county member absent');
    factory.ok(await attend(id, second, 'ABSENT'), 'the second deputy absent');
    // Laukaa's member is present: their deputies present have no seat; one recorded absent may name it.
    expect(await choices(id)).toEqual({
      [chair]: [],
      [laukaa]: [],
      [jkl]: [],
      [member]: [],
      [first]: [],
      [second]: [laukaa],
      [county]: [member],
    });
    // Laukaa's member absent, the first deputy stands in: the seat is theirs, and no other deputy present may take it.
    factory.ok(await attend(id, laukaa, 'ABSENT'), 'the member absent');
    factory.ok(await attend(id, first, 'PRESENT', laukaa), 'the first deputy stands in');
    factory.ok(await attend(id, second, 'PRESENT'), 'the second deputy present');
    expect(await choices(id)).toMatchObject({ [first]: [laukaa], [second]: [], [county]: [member] });
    // What it lists, recordAttendance accepts; what it leaves out, it refuses.
    expect(ext(await attend(id, second, 'PRESENT', laukaa))).toMatchObject({ reason: 'SEAT_TAKEN' });
    expect(ext(await attend(id, county, 'PRESENT', laukaa))).toMatchObject({ reason: 'OTHER_PARTY' });
    factory.ok(await attend(id, county, 'PRESENT', member), "the county's deputy stands in");
  });
});

describe('the minutes checkers', () => {
  it('are not re-elected over a check: the election is refused until the minutes are reopened', async () => {
    const { id, chair, laukaa } = await draftWithCheckers();
    factory.ok(await check(id, await factory.signIn(demo.server, EMAIL.county)), "the chair's check");
    const before = (await get(id)).minutesCheckers;
    expect(before.filter((c: { checkedAt: string | null }) => c.checkedAt)).toHaveLength(1);

    const refused = await elect(id, [chair, laukaa]);
    expect(ext(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MINUTES_CHECKED',
      checkedBy: [chair],
      fields: { personIds: expect.any(String) },
    });
    // The attestation stays as it was.
    expect((await get(id)).minutesCheckers).toEqual(before);
    // The page offers no election meanwhile.
    expect((await get(id)).viewerCan.electCheckers).toBe(false);
  });

  it('check only while they fill a seat: a checker whose seat has gone is refused NOT_A_VOTING_MEMBER', async () => {
    const { id, laukaaSeat } = await draftWithCheckers();
    const liisa = await factory.signIn(demo.server, EMAIL.laukaa);
    // Laukaa's person becomes an observer of the body after the election: present, but no longer a voting member.
    factory.ok(
      await demo.server.gql(
        'mutation ($id: ID!, $v: Int!) { updateMembership(id: $id, expectedVersion: $v, input: { role: OBSERVER }) { id } }',
        { id: laukaaSeat.id, v: laukaaSeat.version },
        { token: demo.admin },
      ),
      'the member an observer',
    );
    expect(ext(await check(id, liisa))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_A_VOTING_MEMBER',
      personIds: [demo.region.person(EMAIL.laukaa)],
    });
    // The page says why, and offers no check.
    const asLiisa = (await demo.server.gql(`query ($id: ID!) { meeting(id: $id) { ${MEETING} } }`, { id }, { token: liisa }))
      .data!.meeting;
    expect(asLiisa.viewerCan).toMatchObject({ checkMinutes: false, checkMinutesLockReason: 'NOT_A_VOTING_MEMBER' });
    expect((await get(id)).minutesCheckers.every((c: { checkedAt: string | null }) => c.checkedAt === null)).toBe(true);
    // The chair, still seated, checks.
    factory.ok(await check(id, await factory.signIn(demo.server, EMAIL.county)), "the chair's check");
  });
});

describe('a past state (asOf)', () => {
  it('answers the quorum and the minutes checkers as they stood then, not as they are now', async () => {
    const { id, member } = await draftWithCheckers();
    const then = new Date().toISOString();
    factory.ok(await attend(id, member, 'PRESENT'), 'the second county member arrives');
    factory.ok(await check(id, await factory.signIn(demo.server, EMAIL.county)), "the chair's check");
    const read = async (asOf?: string) => {
      const r = await demo.server.gql(
        `query ($id: ID!, $asOf: DateTime) { meeting(id: $id, asOf: $asOf) {
          quorum { present members } minutesCheckers { person { id } checkedAt } } }`,
        { id, asOf },
        { token: demo.admin },
      );
      factory.ok(r, 'reading the meeting');
      const m = r.data.meeting;
      return { quorum: m.quorum, checked: m.minutesCheckers.filter((c: { checkedAt: string | null }) => c.checkedAt).length };
    };
    expect(await read()).toEqual({ quorum: { present: 3, members: 3 }, checked: 1 });
    expect(await read(then)).toEqual({ quorum: { present: 2, members: 3 }, checked: 0 });
  });
});
