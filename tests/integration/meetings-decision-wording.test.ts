import { describe, expect, it } from 'vitest';
import type { AddAgendaItemInput } from '../../server/graphql/generated/resolvers.js';
import * as factory from './factories.js';
import { eventually, startDemo, unique } from './helpers.js';

/**
 * A decision recorded after the meeting (while the minutes are drafted) gets its wording then, and a tabled or
 * returned item reads as such, not as its proposal; an elected checker is not offered the check while an item is
 * undecided, and is told why.
 */
const EMAIL = { county: 'hyvinvointialue@demo.local', jkl: 'jyvaskyla@demo.local', laukaa: 'laukaa@demo.local' };
const ext = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const demo = startDemo({ users: { chair: EMAIL.county, member: EMAIL.laukaa, analyst: factory.DEMO.analyst }, region: true });

const MEETING = `id status version viewerCan { checkMinutes checkMinutesLockReason } allowedTransitions
  agenda { id section title version proposal decision decisionMode }`;
const get = async (id: string, as = demo.token.admin) =>
  (await demo.server.gql(`query ($id: ID!) { meeting(id: $id) { ${MEETING} } }`, { id }, { token: as })).data!.meeting;
const transition = (id: string, v: number, to: string) =>
  demo.server.gql(
    'mutation ($id: ID!, $v: Int!, $to: MeetingStatus!) { transitionMeeting(id: $id, expectedVersion: $v, to: $to) { id } }',
    { id, v, to },
    { token: demo.token.admin },
  );
const decide = (
  item: { id: string; version: number },
  mode: string,
  decision?: string | null,
  fields = 'id decision decisionMode',
) =>
  demo.server.gql(
    `mutation ($id: ID!, $v: Int!, $d: String, $m: DecisionMode!) {
      recordDecision(itemId: $id, expectedVersion: $v, decision: $d, mode: $m) { ${fields} } }`,
    { id: item.id, v: item.version, d: decision, m: mode },
    { token: demo.token.chair },
  );

/** An item's proposal, or the item (a secret one, say). */
type ItemSpec = string | null | Pick<AddAgendaItemInput, 'proposal' | 'publicity' | 'legalBasis'>;

/** A PLANNED meeting of a new body (the county chairs, Laukaa is a member) with the given items. */
async function plannedWith(items: ItemSpec[]) {
  const { id: bodyId } = await factory.makeBody(
    demo.server,
    demo.token.admin,
    { names: { fi: unique('Sanamuotoelin') }, tier: 'STEERING' },
    [
      [EMAIL.county, 'CHAIR'],
      [EMAIL.jkl, 'SECRETARY'],
      [EMAIL.laukaa, 'MEMBER'],
    ],
  );
  const { id } = await factory.makeMeeting(demo.server, demo.token.admin, { bodyId });
  for (const [i, spec] of items.entries())
    await factory.makeAgendaItem(demo.server, demo.token.admin, {
      meetingId: id,
      title: `Asia ${i + 1}`,
      ...(spec !== null && typeof spec === 'object' ? spec : { proposal: spec }),
    });
  return id;
}

/** The meeting of `plannedWith` (chair and member present, quorum), moved to MINUTES_DRAFT. */
async function draftWith(items: ItemSpec[]) {
  const id = await plannedWith(items);
  for (const s of ['AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT']) {
    const { version } = (
      await demo.server.gql('query ($id: ID!) { meeting(id: $id) { version } }', { id }, { token: demo.token.admin })
    ).data!.meeting;
    expect((await transition(id, version, s)).errors).toBeUndefined();
    if (s === 'IN_PROGRESS')
      for (const email of [EMAIL.county, EMAIL.laukaa])
        await demo.server.gql(
          'mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
          { input: { meetingId: id, personId: demo.region.person(email), status: 'PRESENT' } },
          { token: demo.token.admin },
        );
  }
  return id;
}

describe('a decision recorded while the minutes are drafted', () => {
  it('reads as the mode when tabled or returned, as the proposal when adopted, and as the wording written', async () => {
    const id = await draftWith(['Ehdotetaan, että asia hyväksytään.', 'Hyväksytään.', 'Hyväksytään.', 'Hyväksytään.', null]);
    const [tabled, returned, adopted, written, bare] = (await get(id)).agenda;
    expect((await decide(tabled, 'TABLED')).data?.recordDecision).toMatchObject({
      decision: 'Asia jätettiin pöydälle.',
      decisionMode: 'TABLED',
    });
    expect((await decide(returned, 'RETURNED_FOR_PREPARATION', '  ')).data?.recordDecision.decision).toBe(
      'Asia palautettiin valmisteluun.',
    );
    expect((await decide(adopted, 'UNANIMOUS')).data?.recordDecision.decision).toBe('Hyväksytään.');
    expect(
      (await decide(written, 'TABLED', 'Asia jätettiin pöydälle lisäselvityksiä varten.')).data?.recordDecision.decision,
    ).toBe('Asia jätettiin pöydälle lisäselvityksiä varten.');
    // Nothing to adopt and nothing written: the contract's refusal, naming the argument; nothing recorded.
    const refused = await decide(bare, 'UNANIMOUS');
    expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_WORDING' });
    expect(Object.keys(ext(refused).fields)).toEqual(['decision']);
    expect((await get(id)).agenda[4]).toMatchObject({ decision: null, decisionMode: null });
    // Audited: the tabled item's change carries the standard phrase (the stream shows a write once every older
    // transaction has ended, a moment later on a shared PostgreSQL: wait for it).
    await eventually(
      () =>
        demo.server.gql(
          'query ($e: ID!) { changes(entityId: $e) { edges { node { after } } } }',
          { e: tabled.id },
          { token: demo.token.admin },
        ),
      (r) => JSON.stringify(r.data).includes('Asia jätettiin pöydälle.'),
      10_000,
      "the tabled item's decision in the audit stream",
    );
  });
});

describe('checking the minutes', () => {
  it('is not offered to a checker while an item is undecided, with the reason; then it is', async () => {
    const id = await draftWith(['Hyväksytään.', 'Hyväksytään.']);
    const agenda = await demo.server.gql(
      'query ($id: ID!) { meeting(id: $id) { agenda { id version } } }',
      { id },
      { token: demo.token.admin },
    );
    const [a, b] = agenda.data!.meeting.agenda;
    await decide(a, 'UNANIMOUS', 'Hyväksytään.');
    const { version: v } = (
      await demo.server.gql('query ($id: ID!) { meeting(id: $id) { version } }', { id }, { token: demo.token.admin })
    ).data!.meeting;
    const elected = await demo.server.gql(
      'mutation ($m: ID!, $v: Int!, $p: [ID!]!) { electMinutesCheckers(meetingId: $m, expectedVersion: $v, personIds: $p) { id } }',
      { m: id, v, p: [demo.region.person(EMAIL.county), demo.region.person(EMAIL.laukaa)] },
      { token: demo.token.admin },
    );
    expect(elected.errors).toBeUndefined();
    // The check (and the transition that is the same check) is not offered while § 2 is undecided…
    const offered = await demo.server.gql(
      'query ($id: ID!) { meeting(id: $id) { viewerCan { checkMinutes } allowedTransitions } }',
      { id },
      { token: demo.token.member },
    );
    expect(offered.data!.meeting).toEqual({ viewerCan: { checkMinutes: false }, allowedTransitions: [] });
    // …and the checker is told why.
    expect((await get(id, demo.token.member)).viewerCan).toEqual({
      checkMinutes: false,
      checkMinutesLockReason: 'UNDECIDED_ITEMS',
    });
    // Those who are not checkers get no reason: the check is not theirs.
    expect((await get(id, demo.token.admin)).viewerCan).toEqual({ checkMinutes: false, checkMinutesLockReason: null });
    await decide(b, 'TABLED', 'Asia jätettiin pöydälle.');
    const after = await get(id, demo.token.member);
    expect(after.viewerCan).toEqual({ checkMinutes: true, checkMinutesLockReason: null });
    expect(after.allowedTransitions).toContain('MINUTES_CHECKED');
  });
});

describe('the wording recorded without one', () => {
  const WORDINGS = 'decisionWordingIsDefault defaultDecisionWordings { mode wording source }';
  const agenda = async (id: string, as = demo.token.admin) =>
    (
      await demo.server.gql(
        `query ($id: ID!) { meeting(id: $id) { agenda { id version restricted proposal decision decisionMode ${WORDINGS} } } }`,
        { id },
        { token: as },
      )
    ).data!.meeting.agenda;
  const recorded = async (item: { id: string; version: number }, mode: string, decision?: string | null) => {
    const r = await decide(item, mode, decision, `id version decision decisionMode ${WORDINGS}`);
    expect(r.errors).toBeUndefined();
    return r.data!.recordDecision;
  };
  const TABLED = { mode: 'TABLED', wording: 'Asia jätettiin pöydälle.', source: 'STANDARD_PHRASE' };
  const RETURNED = { mode: 'RETURNED_FOR_PREPARATION', wording: 'Asia palautettiin valmisteluun.', source: 'STANDARD_PHRASE' };
  const adopting = (wording: string | null) =>
    ['UNANIMOUS', 'VOTE', 'NOTED'].map((mode) => ({ mode, wording, source: wording ? 'PROPOSAL' : 'NONE' }));

  it('is told per mode beforehand, and whether the recorded wording is it, so a mode is corrected without one', async () => {
    const id = await draftWith(['Hyväksytään.', null]);
    const [adopted, bare] = await agenda(id);
    expect(adopted.decisionWordingIsDefault).toBe(false);
    expect(adopted.defaultDecisionWordings).toEqual(expect.arrayContaining([...adopting('Hyväksytään.'), TABLED, RETURNED]));
    expect(adopted.defaultDecisionWordings).toHaveLength(5);
    expect(bare.defaultDecisionWordings).toEqual(expect.arrayContaining([...adopting(null), TABLED, RETURNED]));
    expect(bare.defaultDecisionWordings).toHaveLength(5);

    // Tabled without a wording: the standard phrase, chosen by the server.
    let item = await recorded(adopted, 'TABLED');
    expect(item).toMatchObject({ decision: 'Asia jätettiin pöydälle.', decisionWordingIsDefault: true });
    // Corrected to UNANIMOUS without a wording (what the client sends for a chosen one): the proposal, chosen again.
    item = await recorded(item, 'UNANIMOUS', null);
    expect(item).toMatchObject({ decision: 'Hyväksytään.', decisionMode: 'UNANIMOUS', decisionWordingIsDefault: true });
    // A wording written is not the server's; a correction of the mode keeps it (the client sends it back).
    item = await recorded(item, 'UNANIMOUS', 'Hyväksytään muutoksin.');
    expect(item.decisionWordingIsDefault).toBe(false);
    item = await recorded(item, 'TABLED', item.decision);
    expect(item).toMatchObject({ decision: 'Hyväksytään muutoksin.', decisionWordingIsDefault: false });
    // The standard phrase of another mode is not this mode's choice.
    item = await recorded(item, 'TABLED', 'Asia palautettiin valmisteluun.');
    expect(item.decisionWordingIsDefault).toBe(false);

    // No proposal: tabling records the phrase; adopting would need the wording, as the defaults said (NONE).
    const tabled = await recorded(bare, 'TABLED');
    expect(tabled).toMatchObject({ decision: 'Asia jätettiin pöydälle.', decisionWordingIsDefault: true });
    expect(ext(await decide(tabled, 'UNANIMOUS', null))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_WORDING' });
    // Read back with the meeting, the same.
    expect((await agenda(id)).map((i: { decisionWordingIsDefault: boolean }) => i.decisionWordingIsDefault)).toEqual([
      false,
      true,
    ]);
  });

  it('is withheld where the decision is: a secret item read by an analyst, a draft agenda', async () => {
    const secret = { proposal: 'SALAINEN-EHDOTUS', publicity: 'SECRET' as const, legalBasis: 'JulkL 24.1 § 25 k' };
    const id = await draftWith([secret]);
    const [item] = await agenda(id);
    expect(await recorded(item, 'UNANIMOUS')).toMatchObject({ decision: 'SALAINEN-EHDOTUS', decisionWordingIsDefault: true });
    // The body's member reads it all…
    const [asMember] = await agenda(id, demo.token.member);
    expect(asMember).toMatchObject({ restricted: false, decision: 'SALAINEN-EHDOTUS', decisionWordingIsDefault: true });
    expect(asMember.defaultDecisionWordings).toContainEqual({
      mode: 'UNANIMOUS',
      wording: 'SALAINEN-EHDOTUS',
      source: 'PROPOSAL',
    });
    // …the analyst sees the title only: neither the decision nor the proposal, nor anything told of them.
    const [asAnalyst] = await agenda(id, demo.token.analyst);
    expect(asAnalyst).toMatchObject({
      restricted: true,
      proposal: null,
      decision: null,
      decisionWordingIsDefault: false,
      defaultDecisionWordings: [],
    });
    expect(JSON.stringify(asAnalyst)).not.toContain('SALAINEN');

    // A PLANNED meeting's agenda is a draft: a member who does not run the meeting gets none of its items.
    const planned = await plannedWith(['LUONNOS-EHDOTUS']);
    expect((await agenda(planned))[0].defaultDecisionWordings).toContainEqual({
      mode: 'UNANIMOUS',
      wording: 'LUONNOS-EHDOTUS',
      source: 'PROPOSAL',
    });
    expect(await agenda(planned, demo.token.member)).toEqual([]);
  });
});
