import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { CODE, EMAIL, ext, recordSteps } from './record-fixture.js';
import { eventually, startDemo, unique } from './helpers.js';

/**
 * No impossible figures in the lawful record: no more votes than voting members present, only a deputy member of
 * the seat's party stands in for a member (one per seat), and § numbers never repeat within a body's year when a
 * meeting moves to another year.
 */
const demo = startDemo({ region: true });

const MEETING = `id status version quorum { members present required reached }
  attendance { person { id } status deputyFor { id } }
  agenda { id section title version decisionMode votes { for against abstain } }`;
const { get, transition, attend, deputyOf } = recordSteps(demo, MEETING);
const vote = (item: { id: string; version: number }, votes: { for: number; against: number; abstain: number }) =>
  demo.server.gql(
    `mutation ($id: ID!, $v: Int!, $votes: VoteCountInput) {
      recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin äänin.", mode: VOTE, votes: $votes) {
        id version votes { for against abstain } } }`,
    { id: item.id, v: item.version, votes },
    { token: demo.admin },
  );

/**
 * A body of three seats (the county's chair, Laukaa's and the county's members; quorum two) with Jyväskylä as its
 * secretary, a meeting of it IN_PROGRESS with one item, and a deputy member each of Laukaa and the county.
 */
async function meetingInProgress() {
  const county2 = await factory.makePerson(demo.server, demo.admin, {
    name: unique('Jäsen'),
    partyId: demo.region.party(CODE.county),
  });
  const body = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Äänestyselin') }, tier: 'STEERING' }, [
    [EMAIL.county, 'CHAIR'],
    [EMAIL.jkl, 'SECRETARY'],
    [EMAIL.laukaa, 'MEMBER'],
  ]);
  await factory.makeMembership(demo.server, demo.admin, { bodyId: body.id, personId: county2.id, role: 'MEMBER' });
  const deputies = {
    laukaa: await deputyOf(body.id, CODE.laukaa),
    county: await deputyOf(body.id, CODE.county),
  };
  const { id } = await factory.makeMeeting(demo.server, demo.admin, { bodyId: body.id });
  await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: id, proposal: 'Hyväksytään.' });
  for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS']) await transition(id, to);
  return { id, bodyId: body.id, deputies };
}

describe('votes', () => {
  it('are refused when more are cast than voting members are present; a deputy casts the vote of the seat', async () => {
    const { id, deputies } = await meetingInProgress();
    const [chair, laukaa] = [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa)];
    factory.ok(await attend(id, chair), 'chair present');
    factory.ok(await attend(id, demo.region.person(EMAIL.jkl)), 'the secretary (no seat) present');
    factory.ok(await attend(id, laukaa, 'REMOTE'), 'Laukaa present');
    expect((await get(id)).quorum).toEqual({ members: 3, present: 2, required: 2, reached: true });

    const [item] = (await get(id)).agenda;
    const tester = await vote(item, { for: 100, against: 50, abstain: 0 });
    expect(ext(tester)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_VOTES',
      cast: 150,
      quorum: { present: 2, members: 3 },
      fields: { votes: expect.stringContaining('only 2 voting members are present') },
    });
    // One more than the seats filled: the secretary, present, holds no seat and casts no vote.
    expect(ext(await vote(item, { for: 1, against: 1, abstain: 1 }))).toMatchObject({ reason: 'TOO_MANY_VOTES' });
    expect((await get(id)).agenda[0]).toMatchObject({ version: item.version, decisionMode: null, votes: null });

    const ok = await vote(item, { for: 1, against: 0, abstain: 1 });
    factory.ok(ok, 'two votes of two members present');
    expect(ok.data.recordDecision.votes).toEqual({ for: 1, against: 0, abstain: 1 });

    // Laukaa's member leaves and her deputy comes: still two seats filled, so still two votes at most.
    factory.ok(await attend(id, laukaa, 'ABSENT'), 'Laukaa absent');
    factory.ok(await attend(id, deputies.laukaa, 'PRESENT', laukaa), "Laukaa's deputy present");
    const again = (await get(id)).agenda[0];
    expect(ext(await vote(again, { for: 2, against: 1, abstain: 0 }))).toMatchObject({
      reason: 'TOO_MANY_VOTES',
      quorum: { present: 2 },
    });
    factory.ok(await vote(again, { for: 1, against: 1, abstain: 0 }), 'two votes, one of them the deputy');
  });
});

describe('deputies', () => {
  it("are only the body's deputy members of the seat's party, one present per seat, and only they fill it", async () => {
    const { id, bodyId, deputies } = await meetingInProgress();
    const [chair, laukaa, jkl] = [
      demo.region.person(EMAIL.county),
      demo.region.person(EMAIL.laukaa),
      demo.region.person(EMAIL.jkl),
    ];
    factory.ok(await attend(id, laukaa), 'Laukaa present');
    const present = async () => (await get(id)).quorum.present;
    expect(await present()).toBe(1);

    // The tester's outsider: a person of no party and no membership.
    const outsider = await factory.makePerson(demo.server, demo.admin, { name: 'Ulkopuolinen' });
    expect(ext(await attend(id, outsider.id, 'PRESENT', chair))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_A_DEPUTY',
      fields: { 'input.personId': expect.any(String) },
    });
    // Laukaa's deputy for the county's chair: not a seat of her party.
    expect(ext(await attend(id, deputies.laukaa, 'PRESENT', chair))).toMatchObject({
      reason: 'OTHER_PARTY',
      fields: { 'input.deputyForPersonId': expect.any(String) },
    });
    // The secretary holds no seat to fill.
    expect(ext(await attend(id, deputies.laukaa, 'PRESENT', jkl))).toMatchObject({
      reason: 'NOT_A_SEAT',
      fields: { 'input.deputyForPersonId': expect.any(String) },
    });
    // A member holds her own seat.
    expect(ext(await attend(id, laukaa, 'PRESENT', chair))).toMatchObject({
      reason: 'HOLDS_A_SEAT',
      fields: { 'input.personId': expect.any(String) },
    });
    const seen = await get(id);
    expect(seen.quorum.present).toBe(1);
    expect(seen.attendance.map((a: { person: { id: string } }) => a.person.id)).toEqual([laukaa]);

    // The county's deputy member stands in for the chair and fills the seat.
    factory.ok(await attend(id, deputies.county, 'REMOTE', chair), "the county's deputy for the chair");
    expect(await present()).toBe(2);
    // Not a second deputy present for the same seat, of whatever party.
    const second = await deputyOf(bodyId, CODE.county);
    expect(ext(await attend(id, second, 'PRESENT', chair))).toMatchObject({
      reason: 'SEAT_TAKEN',
      fields: { 'input.deputyForPersonId': expect.any(String) },
    });
    expect(await present()).toBe(2);
    // Once the first is recorded absent, the second may stand in.
    factory.ok(await attend(id, deputies.county, 'ABSENT', chair), 'the first deputy absent');
    factory.ok(await attend(id, second, 'PRESENT', chair), 'the second deputy for the chair');
    expect(await present()).toBe(2);
  });
});

describe('§ numbers of a meeting moved to another year', () => {
  const sections = async (id: string) => (await get(id)).agenda.map((i: { section: number }) => i.section);
  const move = async (id: string, startsAt: string) =>
    demo.server.gql(
      'mutation ($id: ID!, $v: Int!, $s: DateTime!) { updateMeeting(id: $id, expectedVersion: $v, input: { startsAt: $s }) { id startsAt } }',
      { id, v: (await get(id)).version, s: startsAt },
      { token: demo.admin },
    );
  async function meetings() {
    const body = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Pykäläelin') }, tier: 'STEERING' });
    const s1 = (await factory.makeMeeting(demo.server, demo.admin, { bodyId: body.id, startsAt: '2026-12-28T08:00:00Z' })).id;
    const s2 = (await factory.makeMeeting(demo.server, demo.admin, { bodyId: body.id, startsAt: '2026-12-29T08:00:00Z' })).id;
    const y2027 = (await factory.makeMeeting(demo.server, demo.admin, { bodyId: body.id, startsAt: '2027-01-05T08:00:00Z' })).id;
    // As the tester had it: S1 §1, §4, §7, the other meeting of 2026 the numbers between.
    for (let i = 0; i < 3; i++) {
      await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: s1 });
      await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: s2 });
      await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: s2 });
    }
    await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: y2027 });
    expect(await sections(s1)).toEqual([1, 4, 7]);
    expect(await sections(y2027)).toEqual([1]);
    return { s1, s2, y2027 };
  }

  it('renumbers a draft agenda into the new year, in agenda order and in the audit stream', async () => {
    const { s1, y2027 } = await meetings();
    const [first] = (await get(s1)).agenda;
    factory.ok(await move(s1, '2027-02-01T10:00:00Z'), 'moving S1 to 2027');
    expect(await sections(s1)).toEqual([2, 3, 4]);
    expect(await sections(y2027)).toEqual([1]);
    // The next item of 2027 follows them.
    await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: y2027 });
    expect(await sections(y2027)).toEqual([1, 5]);
    const events = await eventually(
      () =>
        demo.server.gql(
          'query ($id: ID) { changes(entityId: $id, first: 10, order: NEWEST_FIRST) { edges { node { name before after } } } }',
          { id: first.id },
          { token: demo.admin },
        ),
      (r) => (r.data?.changes.edges ?? []).some((e: any) => e.node.name === 'agenda_item.updated'),
      10_000,
      'the renumbering in the audit stream',
    );
    const renumbered = events.data!.changes.edges.find((e: any) => e.node.name === 'agenda_item.updated').node;
    expect(renumbered.before).toMatchObject({ section: 1, year: 2026 });
    expect(renumbered.after).toMatchObject({ section: 2, year: 2027 });
    // Back to 2026 (at New Year's Eve 23:30 in Finland, still 2026): the next numbers of 2026.
    factory.ok(await move(s1, '2026-12-31T21:30:00Z'), 'back to 2026');
    expect(await sections(s1)).toEqual([10, 11, 12]);
  });

  it('refuses moving a published agenda to another year, and keeps its numbers within the year', async () => {
    const { s1 } = await meetings();
    await transition(s1, 'AGENDA_PUBLISHED');
    // 2027-01-01 00:30 in Finland is 2026-12-31 22:30 UTC: already the next year.
    for (const startsAt of ['2027-02-01T10:00:00Z', '2026-12-31T22:30:00Z']) {
      expect(ext(await move(s1, startsAt))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SECTIONS_PUBLISHED',
        year: 2026,
        fields: { 'input.startsAt': expect.stringContaining('2027') },
      });
    }
    expect(await sections(s1)).toEqual([1, 4, 7]);
    factory.ok(await move(s1, '2026-12-30T10:00:00Z'), 'moving within 2026');
    expect(await sections(s1)).toEqual([1, 4, 7]);
  });
});
