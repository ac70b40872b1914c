import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../server/auth/actor.js';
import { storeBatch } from '../../server/modules/documents/documents.batch.js';
import * as documentsRepo from '../../server/modules/documents/documents.repo.js';
import { paragraphUpdate } from '../minutes-doc.js';
import * as factory from './factories.js';
import { CODE, EMAIL, ext, recordSteps } from './record-fixture.js';
import { startDemo, unique } from './helpers.js';

/**
 * A minutes checker must be able to check: one who cannot sign in (no account, or a deactivated one) is not elected,
 * and the page is told so (`Attendance.canCheckMinutes`, `MinutesChecker.hasAccount`). And nothing unchecked is
 * published: a minutes text stored after a check (a batch of the room, checked against the editor's cached rights
 * when it arrived) stops the publication until the minutes are reopened and checked again.
 */
const demo = startDemo({ region: true });

const MEETING = `id status version
  attendance { person { id } fillsSeat canCheckMinutes }
  minutesCheckers { person { id } checkedAt hasAccount }
  minutes { id text }
  agenda { id version }`;
const { get, transition, attend } = recordSteps(demo, MEETING);

const elect = async (m: string, personIds: string[]) =>
  demo.server.gql(
    'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
    { m, v: (await get(m)).version, p: personIds },
    { token: demo.admin },
  );
const onMeeting = async (m: string, mutation: string, token: string) =>
  demo.server.gql(mutation, { m, v: (await get(m)).version }, { token });
const check = (m: string, token: string) =>
  onMeeting(m, 'mutation ($m: ID!, $v: Int!) { checkMinutes(meetingId: $m, expectedVersion: $v) { id status } }', token);
const reopen = (m: string) =>
  onMeeting(
    m,
    'mutation ($m: ID!, $v: Int!) { reopenMinutesForCorrection(meetingId: $m, expectedVersion: $v) { id } }',
    demo.admin,
  );
const publish = async (m: string) =>
  demo.server.gql(
    'mutation ($id: ID!, $v: Int!) { transitionMeeting(id: $id, expectedVersion: $v, to: PUBLISHED) { id status } }',
    { id: m, v: (await get(m)).version },
    { token: demo.admin },
  );
const published = async (m: string) => {
  const r = await demo.server.gql<{ publishedMinutes: { minutesText: string } }>(
    'query ($id: ID!) { publishedMinutes(meetingId: $id) { minutesText } }',
    { id: m },
  );
  factory.ok(r, 'the published minutes');
  return r.data.publishedMinutes;
};

/** A meeting in MINUTES_DRAFT of a body with the county's chair, Laukaa's member and `more` members, all present, its item decided. */
async function draft(more: string[] = []) {
  const body = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Tiliton elin') }, tier: 'STEERING' }, [
    [EMAIL.county, 'CHAIR'],
    [EMAIL.laukaa, 'MEMBER'],
  ]);
  for (const personId of more)
    await factory.makeMembership(demo.server, demo.admin, { bodyId: body.id, personId, role: 'MEMBER' });
  const { id } = await factory.makeMeeting(demo.server, demo.admin, { bodyId: body.id });
  await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: id, title: 'Asia', proposal: 'Hyväksytään.' });
  for (const to of ['AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT']) await transition(id, to);
  for (const p of [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa), ...more])
    factory.ok(await attend(id, p), 'attendance');
  const [item] = (await get(id)).agenda;
  factory.ok(
    await demo.server.gql(
      'mutation ($id: ID!, $v: Int!) { recordDecision(itemId: $id, expectedVersion: $v, decision: "Hyväksyttiin.", mode: UNANIMOUS) { id } }',
      { id: item.id, v: item.version },
      { token: demo.admin },
    ),
    'decision',
  );
  return id;
}

describe('minutes checkers who cannot sign in', () => {
  it('a voting member without an account is not offered and is refused with NO_ACCOUNT, naming them', async () => {
    const name = unique('Paula Tilitön');
    const nobody = await factory.makePerson(demo.server, demo.admin, { name, partyId: demo.region.party(CODE.county) });
    const id = await draft([nobody.id]);
    const seats = Object.fromEntries((await get(id)).attendance.map((a: any) => [a.person.id, [a.fillsSeat, a.canCheckMinutes]]));
    expect(seats).toEqual({
      [demo.region.person(EMAIL.county)]: [true, true],
      [demo.region.person(EMAIL.laukaa)]: [true, true],
      [nobody.id]: [true, false],
    });
    const refused = await elect(id, [demo.region.person(EMAIL.county), nobody.id]);
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_ACCOUNT', personIds: [nobody.id] });
    expect(JSON.stringify(ext(refused))).toContain(name);
    expect((await get(id)).minutesCheckers).toEqual([]);
    factory.ok(
      await elect(id, [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa)]),
      'electing two with accounts',
    );
  });

  it('a checker deactivated after the election: reopening, then electing another, is the way to publish', async () => {
    const person = await factory.makePerson(demo.server, demo.admin, {
      name: unique('Poistuva'),
      partyId: demo.region.party(CODE.county),
    });
    const account = await factory.makeAccount(demo.server, demo.admin, {
      personId: person.id,
      partyId: demo.region.party(CODE.county),
    });
    const id = await draft([person.id]);
    factory.ok(await elect(id, [demo.region.person(EMAIL.county), person.id]), 'election');
    const chair = await demo.server.login(EMAIL.county);
    factory.ok(await check(id, chair), 'the chair checks');
    factory.ok(
      await demo.server.gql(
        'mutation ($id: ID!) { deactivateUser(id: $id) { id status } }',
        { id: account.id },
        { token: demo.admin },
      ),
      'deactivating the second checker',
    );
    const stuck = await get(id);
    expect(Object.fromEntries(stuck.minutesCheckers.map((c: any) => [c.person.id, c.hasAccount]))).toEqual({
      [demo.region.person(EMAIL.county)]: true,
      [person.id]: false,
    });
    expect(stuck.attendance.find((a: any) => a.person.id === person.id)).toMatchObject({
      fillsSeat: true,
      canCheckMinutes: false,
    });
    // An account's status is the secretariat's and its owner's: a member reading the meeting is not told it.
    const asMember = await demo.server.gql<{ meeting: any }>(
      `query ($id: ID!) { meeting(id: $id) { ${MEETING} } }`,
      { id },
      { token: await demo.server.login(EMAIL.laukaa) },
    );
    factory.ok(asMember, 'the meeting read by a member');
    expect(asMember.data.meeting.minutesCheckers.every((c: any) => c.hasAccount)).toBe(true);
    expect(asMember.data.meeting.attendance.find((a: any) => a.person.id === person.id)).toMatchObject({
      fillsSeat: true,
      canCheckMinutes: true,
    });
    // The checks stand: a new election is refused until the minutes are reopened; then a deactivated person is not elected.
    expect(ext(await elect(id, [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa)]))).toMatchObject({
      reason: 'MINUTES_CHECKED',
    });
    factory.ok(await reopen(id), 'reopening');
    expect(ext(await elect(id, [demo.region.person(EMAIL.county), person.id]))).toMatchObject({
      reason: 'NO_ACCOUNT',
      personIds: [person.id],
    });
    factory.ok(await elect(id, [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa)]), 'electing another');
    factory.ok(await check(id, chair), 'the chair checks again');
    factory.ok(await check(id, await demo.server.login(EMAIL.laukaa)), 'the new checker checks');
    factory.ok(await publish(id), 'publishing');
  });
});

describe('a minutes text stored after a check', () => {
  it('stops the second check and the publication (MINUTES_CHANGED_AFTER_CHECK) until reopened and checked again; the copy is what was checked', async () => {
    const id = await draft();
    const minutesId = (await get(id)).minutes.id;
    factory.ok(
      await demo.server.gql(
        'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }',
        { d: minutesId, u: Buffer.from(paragraphUpdate('Kokous avattiin.')).toString('base64') },
        { token: demo.admin },
      ),
      'minutes text',
    );
    factory.ok(await elect(id, [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa)]), 'election');
    const [chair, member] = [await demo.server.login(EMAIL.county), await demo.server.login(EMAIL.laukaa)];
    factory.ok(await check(id, chair), 'first check');

    // The race: a batch the room took in before the check (the editor's cached rights allowed it) is stored after it.
    const me = await demo.server.gql<{ me: { id: string } }>('{ me { id } }', {}, { token: demo.admin });
    factory.ok(me, 'me');
    const editor: UserActor = {
      kind: 'user',
      userId: me.data.me.id,
      displayName: 'Sihteeri',
      partyId: null,
      roles: ['SECRETARIAT'],
      via: 'session',
    };
    const { write, database } = demo.server.app.internals;
    const storeLate = async (text: string) =>
      storeBatch(
        write,
        (await documentsRepo.findDocument(database.db, minutesId))!,
        [{ actor: editor, update: paragraphUpdate(text) }],
        () => {},
      );
    await storeLate('Tarkastamaton lisäys.');

    // The second checker would seal a text the first never saw: refused, and the draft stays a draft.
    expect(ext(await check(id, member))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MINUTES_CHANGED_AFTER_CHECK' });
    expect((await get(id)).status).toBe('MINUTES_DRAFT');

    // The same race at the second check: the publication is refused.
    factory.ok(await reopen(id), 'reopening');
    factory.ok(await check(id, chair), 'first check again');
    factory.ok(await check(id, member), 'second check');
    await storeLate('Toinen tarkastamaton lisäys.');
    expect((await get(id)).status).toBe('MINUTES_CHECKED');
    const refused = await publish(id);
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MINUTES_CHANGED_AFTER_CHECK' });
    expect((await get(id)).status).toBe('MINUTES_CHECKED');

    // The way on: reopen, both check the text as it now stands, publish exactly that.
    factory.ok(await reopen(id), 'reopening again');
    factory.ok(await check(id, chair), 'first check, third time');
    factory.ok(await check(id, member), 'second check, again');
    const text = (await get(id)).minutes.text;
    expect(text).toContain('Tarkastamaton lisäys.');
    expect(text).toContain('Toinen tarkastamaton lisäys.');
    factory.ok(await publish(id), 'publishing');
    expect((await published(id)).minutesText).toBe(text);
  });
});
