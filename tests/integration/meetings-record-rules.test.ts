import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { CODE, EMAIL, ext, recordSteps } from './record-fixture.js';
import { startDemo, unique } from './helpers.js';

/**
 * The lawful record's rules an outside tester found missing: published § numbers never change, vote counts only
 * with a vote, attendance only of the meeting's participants, minutes checkers only among the voting members
 * present, and one person present per seat (a deputy never beside the member they stand in for).
 */
const demo = startDemo({ region: true });

const MEETING = `id status version
  attendance { person { id } status deputyFor { id } fillsSeat }
  minutesCheckers { person { id } }
  agenda { id section position title version decisionMode votes { for against abstain } }`;
const { get, transition, attend, deputyOf } = recordSteps(demo, MEETING);
const attendance = async (id: string) =>
  (await get(id)).attendance.map((a: { person: { id: string }; status: string; deputyFor: { id: string } | null }) => ({
    person: a.person.id,
    status: a.status,
    deputyFor: a.deputyFor?.id ?? null,
  }));

/**
 * A body of three seats (the county's chair, Laukaa's member and a second county member; quorum two), Jyväskylä as
 * its secretary, an observer and a deputy member of Laukaa; a meeting of it with `items` items.
 */
async function body(opts: { laukaaRole?: string } = {}) {
  const body = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Sääntöelin') }, tier: 'STEERING' }, [
    [EMAIL.county, 'CHAIR'],
    [EMAIL.jkl, 'SECRETARY'],
    [EMAIL.laukaa, opts.laukaaRole ?? 'MEMBER'],
  ]);
  const member = await factory.makePerson(demo.server, demo.admin, {
    name: unique('Jäsen'),
    partyId: demo.region.party(CODE.county),
  });
  await factory.makeMembership(demo.server, demo.admin, { bodyId: body.id, personId: member.id, role: 'MEMBER' });
  const observer = await factory.makePerson(demo.server, demo.admin, {
    name: unique('Tarkkailija'),
    partyId: demo.region.party(CODE.county),
  });
  await factory.makeMembership(demo.server, demo.admin, { bodyId: body.id, personId: observer.id, role: 'OBSERVER' });
  return { bodyId: body.id, member: member.id, observer: observer.id, deputy: await deputyOf(body.id, CODE.laukaa) };
}

async function meeting(bodyId: string, items = 1, to: string[] = ['AGENDA_PUBLISHED', 'IN_PROGRESS']) {
  const { id } = await factory.makeMeeting(demo.server, demo.admin, { bodyId });
  for (let i = 0; i < items; i++)
    await factory.makeAgendaItem(demo.server, demo.admin, {
      meetingId: id,
      title: `Asia ${'abc'[i] ?? i}`,
      proposal: 'Hyväksytään.',
    });
  for (const status of to) await transition(id, status);
  return id;
}

describe('§ numbers of a published agenda', () => {
  const reorder = async (id: string, itemIds: string[]) =>
    demo.server.gql(
      'mutation ($m: ID!, $v: Int!, $ids: [ID!]!) { reorderAgenda(meetingId: $m, expectedVersion: $v, itemIds: $ids) { id } }',
      { m: id, v: (await get(id)).version, ids: itemIds },
      { token: demo.admin },
    );
  const remove = (item: { id: string; version: number }) =>
    demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { removeAgendaItem(id: $id, expectedVersion: $v) { id } }',
      { id: item.id, v: item.version },
      { token: demo.admin },
    );
  const numbered = async (id: string) =>
    (await get(id)).agenda.map((i: { title: string; section: number; position: number }) => [i.title, i.section, i.position]);

  it('stay with their items when the agenda is reordered, and an item added takes the next free number', async () => {
    const { bodyId } = await body();
    const id = await meeting(bodyId, 3, []);
    // A draft: the numbers follow the order.
    const [a, b, c] = (await get(id)).agenda;
    factory.ok(await reorder(id, [b.id, a.id, c.id]), 'reordering the draft');
    expect(await numbered(id)).toEqual([
      ['Asia b', 1, 1],
      ['Asia a', 2, 2],
      ['Asia c', 3, 3],
    ]);
    factory.ok(await reorder(id, [a.id, b.id, c.id]), 'back to a, b, c');
    await transition(id, 'AGENDA_PUBLISHED');
    // The tester's reorder: c, a, b. The published numbers stay; the order is the order of handling.
    factory.ok(await reorder(id, [c.id, a.id, b.id]), 'reordering the published agenda');
    expect(await numbered(id)).toEqual([
      ['Asia c', 3, 1],
      ['Asia a', 1, 2],
      ['Asia b', 2, 3],
    ]);
    await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: id, title: 'Lisäasia' });
    expect((await numbered(id))[3]).toEqual(['Lisäasia', 4, 4]);
    // In the meeting too.
    await transition(id, 'IN_PROGRESS');
    const agenda = (await get(id)).agenda;
    factory.ok(await reorder(id, [agenda[3].id, agenda[0].id, agenda[1].id, agenda[2].id]), 'reordering in the meeting');
    expect(await numbered(id)).toEqual([
      ['Lisäasia', 4, 1],
      ['Asia c', 3, 2],
      ['Asia a', 1, 3],
      ['Asia b', 2, 4],
    ]);
  });

  it('keep a published item on the agenda: removal is refused, a draft item is removed and the numbers close up', async () => {
    const { bodyId } = await body();
    const draft = await meeting(bodyId, 3, []);
    factory.ok(await remove((await get(draft)).agenda[0]), 'removing from the draft');
    expect(await numbered(draft)).toEqual([
      ['Asia b', 1, 1],
      ['Asia c', 2, 2],
    ]);

    const id = await meeting(bodyId, 3, ['AGENDA_PUBLISHED']);
    const before = await numbered(id);
    expect(before.map(([, s]: [string, number]) => s)).toEqual([3, 4, 5]);
    const [first] = (await get(id)).agenda;
    expect(ext(await remove(first))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SECTIONS_PUBLISHED',
      section: 3,
      fields: { id: expect.stringContaining('3 §') },
    });
    // An item added after publication is as public as the others.
    const added = await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: id, title: 'Lisäasia' });
    expect(ext(await remove(added))).toMatchObject({ reason: 'SECTIONS_PUBLISHED', section: 6 });
    await transition(id, 'IN_PROGRESS');
    expect(ext(await remove((await get(id)).agenda[1]))).toMatchObject({ reason: 'SECTIONS_PUBLISHED', section: 4 });
    expect(await numbered(id)).toEqual([...before, ['Lisäasia', 6, 4]]);
  });
});

describe('vote counts', () => {
  const decide = (item: { id: string; version: number }, mode: string, votes: unknown) =>
    demo.server.gql(
      `mutation ($id: ID!, $v: Int!, $mode: DecisionMode!, $votes: VoteCountInput) {
        recordDecision(itemId: $id, expectedVersion: $v, decision: "Päätettiin.", mode: $mode, votes: $votes) {
          id decisionMode votes { for against abstain } } }`,
      { id: item.id, v: item.version, mode, votes },
      { token: demo.admin },
    );

  it('belong only to a decision by vote', async () => {
    const { bodyId, member } = await body();
    const id = await meeting(bodyId);
    factory.ok(await attend(id, demo.region.person(EMAIL.county)), 'chair present');
    factory.ok(await attend(id, member), 'member present');
    const [item] = (await get(id)).agenda;
    // The tester's: unanimous, with counts (here within the two members present, so only the mode is wrong).
    for (const mode of ['UNANIMOUS', 'TABLED', 'RETURNED_FOR_PREPARATION', 'NOTED']) {
      expect(ext(await decide(item, mode, { for: 1, against: 1, abstain: 0 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'VOTES_ONLY_FOR_VOTE',
        mode,
        fields: { votes: expect.stringContaining(mode) },
      });
    }
    // Zero counts are counts too.
    expect(ext(await decide(item, 'UNANIMOUS', { for: 0, against: 0, abstain: 0 }))).toMatchObject({
      reason: 'VOTES_ONLY_FOR_VOTE',
    });
    expect(ext(await decide(item, 'VOTE', null))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { votes: expect.any(String) },
    });
    expect((await get(id)).agenda[0]).toMatchObject({ version: item.version, decisionMode: null, votes: null });

    const unanimous = await decide(item, 'UNANIMOUS', null);
    factory.ok(unanimous, 'unanimous without counts');
    expect(unanimous.data.recordDecision).toMatchObject({ decisionMode: 'UNANIMOUS', votes: null });
    const voted = await decide((await get(id)).agenda[0], 'VOTE', { for: 1, against: 1, abstain: 0 });
    factory.ok(voted, 'a vote with its counts');
    expect(voted.data.recordDecision.votes).toEqual({ for: 1, against: 1, abstain: 0 });
  });
});

describe('attendance', () => {
  it("is recorded only for the meeting's participants: members in any role, observers included", async () => {
    const { bodyId, observer, deputy } = await body();
    const id = await meeting(bodyId);
    // The tester's outsider: a person with no membership in the body (Laukaa's party, as a person of the region).
    const outsider = await factory.makePerson(demo.server, demo.admin, {
      name: unique('Ulkopuolinen'),
      partyId: demo.region.party(CODE.laukaa),
    });
    for (const status of ['PRESENT', 'REMOTE', 'ABSENT']) {
      expect(ext(await attend(id, outsider.id, status))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NOT_A_PARTICIPANT',
        fields: { 'input.personId': expect.any(String) },
      });
    }
    // A member of another body is no participant of this one either.
    const other = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Toinen elin') } });
    await factory.makeMembership(demo.server, demo.admin, { bodyId: other.id, personId: outsider.id, role: 'MEMBER' });
    expect(ext(await attend(id, outsider.id))).toMatchObject({ reason: 'NOT_A_PARTICIPANT' });
    // A membership that has ended is no participation now.
    const former = await factory.makePerson(demo.server, demo.admin, {
      name: unique('Entinen'),
      partyId: demo.region.party(CODE.county),
    });
    await factory.makeMembership(demo.server, demo.admin, {
      bodyId,
      personId: former.id,
      role: 'MEMBER',
      startsOn: '2020-01-01',
      endsOn: '2020-12-31',
    });
    expect(ext(await attend(id, former.id))).toMatchObject({ reason: 'NOT_A_PARTICIPANT' });
    expect(await attendance(id)).toEqual([]);

    // The participants the API lists may attend: the secretary, an observer, a deputy member.
    const participants = await demo.server.gql(
      'query ($id: ID!) { meeting(id: $id) { participants { person { id } role } } }',
      { id },
      { token: demo.admin },
    );
    factory.ok(participants, 'reading the participants');
    const listed = participants.data.meeting.participants.map((p: { person: { id: string } }) => p.person.id);
    expect(listed).toEqual(expect.arrayContaining([demo.region.person(EMAIL.jkl), observer, deputy]));
    expect(listed).not.toContain(outsider.id);
    expect(listed).not.toContain(former.id);
    for (const person of [demo.region.person(EMAIL.jkl), observer, deputy]) factory.ok(await attend(id, person), 'a participant');
    expect(await attendance(id)).toHaveLength(3);
  });

  it('fills a seat once: no deputy beside the member present, and the member back only once the deputy is absent', async () => {
    const { bodyId, deputy } = await body();
    const id = await meeting(bodyId);
    const laukaa = demo.region.person(EMAIL.laukaa);
    factory.ok(await attend(id, laukaa), 'Laukaa present');
    for (const status of ['PRESENT', 'REMOTE']) {
      expect(ext(await attend(id, deputy, status, laukaa))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'SEAT_HOLDER_PRESENT',
        personId: laukaa,
        fields: { 'input.deputyForPersonId': expect.any(String) },
      });
    }
    expect(await attendance(id)).toEqual([{ person: laukaa, status: 'PRESENT', deputyFor: null }]);
    // The member remote holds the seat as well.
    factory.ok(await attend(id, laukaa, 'REMOTE'), 'Laukaa remote');
    expect(ext(await attend(id, deputy, 'PRESENT', laukaa))).toMatchObject({ reason: 'SEAT_HOLDER_PRESENT' });
    // Recorded absent, the deputy's record may name the seat (nobody stands in).
    factory.ok(await attend(id, deputy, 'ABSENT', laukaa), 'the deputy absent');

    // The member absent: the deputy stands in. The member then present would fill the seat twice.
    factory.ok(await attend(id, laukaa, 'ABSENT'), 'Laukaa absent');
    factory.ok(await attend(id, deputy, 'PRESENT', laukaa), 'the deputy stands in');
    for (const status of ['PRESENT', 'REMOTE']) {
      expect(ext(await attend(id, laukaa, status))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DEPUTY_STANDS_IN',
        personId: deputy,
        fields: { 'input.status': expect.any(String) },
      });
    }
    expect(await attendance(id)).toEqual(
      expect.arrayContaining([
        { person: laukaa, status: 'ABSENT', deputyFor: null },
        { person: deputy, status: 'PRESENT', deputyFor: laukaa },
      ]),
    );
    // The member arrives: the deputy is recorded absent first, then the member takes the seat back.
    factory.ok(await attend(id, deputy, 'ABSENT', laukaa), 'the deputy leaves');
    factory.ok(await attend(id, laukaa, 'PRESENT'), 'Laukaa back');
  });
});

describe('minutes checkers', () => {
  const elect = async (id: string, personIds: string[]) =>
    demo.server.gql(
      'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
      { m: id, v: (await get(id)).version, p: personIds },
      { token: demo.admin },
    );

  it('are elected among the voting members present: never an observer, the secretary or a deputy standing in for no one', async () => {
    // The tester's: Laukaa's person an observer of the body.
    const { bodyId, member, deputy } = await body({ laukaaRole: 'OBSERVER' });
    const id = await meeting(bodyId);
    const [chair, laukaa, jkl] = [
      demo.region.person(EMAIL.county),
      demo.region.person(EMAIL.laukaa),
      demo.region.person(EMAIL.jkl),
    ];
    for (const person of [chair, laukaa, jkl, deputy]) factory.ok(await attend(id, person), 'present');
    const refused: [string, string][] = [
      [laukaa, 'the observer'],
      [jkl, 'the secretary'],
      [deputy, 'a deputy member standing in for no one'],
    ];
    for (const [other, what] of refused) {
      expect(ext(await elect(id, [chair, other])), what).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NOT_A_VOTING_MEMBER',
        personIds: [other],
        fields: { personIds: expect.any(String) },
      });
    }
    expect((await get(id)).minutesCheckers).toEqual([]);
    // Someone not present is still CHECKER_NOT_PRESENT.
    expect(ext(await elect(id, [chair, member]))).toMatchObject({ reason: 'CHECKER_NOT_PRESENT', personIds: [member] });

    // A deputy standing in for an absent member holds the seat and may check.
    factory.ok(await attend(id, member, 'ABSENT'), 'the member absent');
    const county2 = await deputyOf(bodyId, CODE.county);
    // (A checker signs in to check: the deputy has an account.)
    await factory.makeAccount(demo.server, demo.admin, { personId: county2, partyId: demo.region.party(CODE.county) });
    factory.ok(await attend(id, county2, 'PRESENT', member), "the county's deputy for the member");
    factory.ok(await elect(id, [chair, county2]), 'the chair and a deputy standing in');
    // The API says the same of each attendee (`fillsSeat`), and the page offers for election only those it marks.
    const seats = (await get(id)).attendance.map((a: { person: { id: string }; fillsSeat: boolean }) => [
      a.person.id,
      a.fillsSeat,
    ]);
    expect(Object.fromEntries(seats)).toEqual({
      [chair]: true,
      [county2]: true,
      [laukaa]: false,
      [jkl]: false,
      [deputy]: false,
      [member]: false,
    });
    const checkers = (await get(id)).minutesCheckers.map((c: { person: { id: string } }) => c.person.id);
    expect(checkers.sort()).toEqual([chair, county2].sort());

    // The observer, not elected, cannot check the minutes.
    for (const to of ['HELD', 'MINUTES_DRAFT']) await transition(id, to);
    const [item] = (await get(id)).agenda;
    factory.ok(
      await demo.server.gql(
        'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, mode: UNANIMOUS) { id } }',
        { id: item.id, v: item.version },
        { token: demo.admin },
      ),
      'the decision',
    );
    const liisa = await factory.signIn(demo.server, EMAIL.laukaa);
    const check = await demo.server.gql(
      'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id } }',
      { m: id, v: (await get(id)).version },
      { token: liisa },
    );
    expect(ext(check)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_MINUTES_CHECKER' });
  });
});
