import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { eventually, startServer, unique, type TestServer } from './helpers.js';
import type { TargetGroup } from '../../server/graphql/generated/resolvers.js';

/*
 * An update whose every sent field holds what is stored changes nothing: it answers the record at its version, with no
 * new version and no audit event; a stale expectedVersion is still CONFLICT. Each update mutation (the meetings' too),
 * over HTTP, with the values sent as a form sends them (every field, lists in another order, empty texts null).
 */

let server: TestServer;
let admin = '';
let demo: factory.Region;
/** This file's own indicator: codes unique per run, so parallel files on one PostgreSQL do not meet. */
const code = `N${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let indicatorId = '';
let agreementId = '';

beforeAll(async () => {
  server = await startServer();
});
beforeAll(async () => {
  ({ admin } = await factory.loginDemo(server, 'admin'));
  demo = await factory.region(server);
  const csv = [
    'Indikaattori ID;Indikaattori;Alue ID;Alue;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo',
    `${code};Tyhjä muutos;179;Jyväskylä;2021;yhteensä;10;`,
  ].join('\n');
  const imported = await server.gql(
    'mutation ($csv: String!) { importIndicatorValues(csv: $csv) { indicators { id } } }',
    { csv },
    { token: admin },
  );
  factory.ok(imported, 'importIndicatorValues');
  indicatorId = imported.data.importIndicatorValues.indicators[0].id;
  agreementId = (await factory.makeAgreement(server, admin)).id;
});
afterAll(() => server?.stop());

const party = (c: string) => demo.party(c);

/** Runs a mutation as the secretariat and answers its single field, failing the test on errors. */
async function run(mutation: string, variables: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const r = await server.gql(mutation, variables, { token: admin });
  factory.ok(r, mutation);
  return Object.values(r.data as Record<string, { id: string; version: number }>)[0]!;
}

/** The update mutation `name` with `$input` of `inputType`, answering id and version. */
const update = (name: string, inputType: string) =>
  `mutation ($id: ID!, $v: Int!, $input: ${inputType}!) { ${name}(id: $id, expectedVersion: $v, input: $input) { id version } }`;

/** The newest audit event of a record, as the audit trail serves it. */
async function newestEvent(
  entityType: string,
  id: string,
): Promise<{ id: string; name: string; entityVersion: number } | undefined> {
  const r = await server.gql(
    'query ($t: String, $id: ID) { changes(entityType: $t, entityId: $id, order: NEWEST_FIRST, first: 1) { edges { node { id name entityVersion } } } }',
    { t: entityType, id },
    { token: admin },
  );
  factory.ok(r, 'changes');
  return r.data.changes.edges[0]?.node;
}

interface Case {
  /** The mutation, with `$id`, `$v` and `$input`. */
  mutation: string;
  entityType: string;
  /** Makes the record (or picks one). */
  make(): Promise<{ id: string; version: number }>;
  /** A real change of the record. */
  change: unknown;
  /** Every field as stored after the change, as a form sends it. */
  same: unknown;
}

const CASES: Record<string, () => Promise<Case>> = {
  async updateCooperationBody() {
    const fi = unique('Verkosto');
    return {
      mutation: update('updateCooperationBody', 'UpdateCooperationBodyInput'),
      entityType: 'cooperation_body',
      make: () => factory.makeBody(server, admin, { names: { fi }, tier: 'OPERATIONAL', themeCodes: ['YOUTH'] }),
      change: { mandate: 'Uusi tehtävä' },
      same: {
        names: { fi, sv: null, en: null },
        tier: 'OPERATIONAL',
        cadence: null,
        mandate: 'Uusi tehtävä',
        themeCodes: ['YOUTH'],
        parentId: null,
      },
    };
  },
  async updateMembership() {
    const body = await factory.makeBody(server, admin);
    const person = await factory.makePerson(server, admin, { partyId: party('179') });
    return {
      mutation: update('updateMembership', 'UpdateMembershipInput'),
      entityType: 'membership',
      make: () =>
        factory.makeMembership(server, admin, { bodyId: body.id, personId: person.id, role: 'MEMBER', startsOn: '2026-01-01' }),
      change: { role: 'SECRETARY' },
      same: { role: 'SECRETARY', capacity: null, startsOn: '2026-01-01', endsOn: null },
    };
  },
  async endMembership() {
    const body = await factory.makeBody(server, admin);
    const person = await factory.makePerson(server, admin, { partyId: party('179') });
    return {
      mutation:
        'mutation ($id: ID!, $v: Int!, $input: Date!) { endMembership(id: $id, expectedVersion: $v, endsOn: $input) { id version } }',
      entityType: 'membership',
      make: () => factory.makeMembership(server, admin, { bodyId: body.id, personId: person.id, role: 'MEMBER' }),
      change: '2026-06-30',
      same: '2026-06-30',
    };
  },
  async updateAgreement() {
    const fi = unique('Sopimus');
    const partyIds = [party('179'), party('410'), party('15')];
    return {
      mutation: update('updateAgreement', 'UpdateAgreementInput'),
      entityType: 'agreement',
      make: () => factory.makeAgreement(server, admin, { titles: { fi }, partyIds }),
      change: { validFrom: '2026-01-01' },
      same: {
        titles: { fi, sv: null },
        type: 'COOPERATION_PROTOCOL',
        validFrom: '2026-01-01',
        validTo: null,
        partyIds: [...partyIds].reverse(),
      },
    };
  },
  async updateAgreementSection() {
    const section = { kind: 'PRINCIPLES', title: unique('Periaatteet'), body: 'Teksti', sortOrder: 1 };
    return {
      mutation: update('updateAgreementSection', 'UpdateAgreementSectionInput'),
      entityType: 'agreement_section',
      make: () =>
        run(
          'mutation ($a: ID!, $input: AgreementSectionInput!) { addAgreementSection(agreementId: $a, input: $input) { id version } }',
          {
            a: agreementId,
            input: section,
          },
        ),
      change: { body: 'Uusi teksti' },
      same: { ...section, body: 'Uusi teksti' },
    };
  },
  async updateNegotiation() {
    const fields = { title: unique('Neuvottelu'), year: 2026, heldOn: '2026-03-01', partyIds: [party('179'), party('15')] };
    return {
      mutation: update('updateNegotiation', 'UpdateNegotiationInput'),
      entityType: 'negotiation',
      make: () =>
        run('mutation ($input: CreateNegotiationInput!) { createNegotiation(input: $input) { id version } }', {
          input: { kind: 'HYTE_ANNUAL', ...fields },
        }),
      change: { outcomeSummary: 'Sovittiin' },
      same: {
        ...fields,
        partyIds: [...fields.partyIds].reverse(),
        municipalityGroup: null,
        legalBasis: null,
        outcomeSummary: 'Sovittiin',
      },
    };
  },
  async updateAgreementGoal() {
    const need = await factory.makeNeed(server, admin, { themeCodes: [], municipalityIds: [party('179')] });
    const actionIds = await Promise.all(
      ['Yksi', 'Kaksi'].map(
        async (title) => (await factory.makeAction(server, admin, { needId: need.id, title, ownerPartyId: party('179') })).id,
      ),
    );
    const title = unique('Tavoite');
    return {
      mutation: update('updateAgreementGoal', 'UpdateAgreementGoalInput'),
      entityType: 'agreement_goal',
      make: () =>
        run(
          'mutation ($a: ID!, $input: AgreementGoalInput!) { createAgreementGoal(agreementId: $a, input: $input) { id version } }',
          {
            a: agreementId,
            input: { title, needIds: [need.id], actionIds },
          },
        ),
      change: { description: 'Kuvaus' },
      same: {
        title,
        description: 'Kuvaus',
        ownerPartyId: null,
        ownerBodyId: null,
        sortOrder: 0,
        needIds: [need.id],
        actionIds: [...actionIds].reverse(),
      },
    };
  },
  async updateGoalMeasure() {
    const goal = await run(
      'mutation ($a: ID!, $input: AgreementGoalInput!) { createAgreementGoal(agreementId: $a, input: $input) { id version } }',
      { a: agreementId, input: { title: unique('Mittarin tavoite') } },
    );
    const measure = { indicatorId, partyId: party('179'), baselineYear: 2021, targetYear: 2027, targetValue: 8 };
    return {
      mutation: update('updateGoalMeasure', 'UpdateGoalMeasureInput'),
      entityType: 'goal_measure',
      make: () =>
        run('mutation ($g: ID!, $input: GoalMeasureInput!) { addGoalMeasure(goalId: $g, input: $input) { id version } }', {
          g: goal.id,
          input: measure,
        }),
      change: { targetValue: 7.5 },
      same: { ...measure, baselineValue: null, targetValue: 7.5, note: null },
    };
  },
  async updateParty() {
    // The last municipality of the list: one no other test file edits.
    const list = await server.gql(
      '{ parties(kind: MUNICIPALITY) { id version names { fi sv en } subRegion } }',
      {},
      { token: admin },
    );
    factory.ok(list, 'parties');
    const p = list.data.parties.at(-1);
    const subRegion = unique('Seutu');
    return {
      mutation: update('updateParty', 'UpdatePartyInput'),
      entityType: 'party',
      make: async () => p,
      change: { subRegion },
      same: { names: p.names, subRegion },
    };
  },
  async updatePerson() {
    const name = unique('Testi Henkilö');
    return {
      mutation: update('updatePerson', 'UpdatePersonInput'),
      entityType: 'person',
      make: () => factory.makePerson(server, admin, { name, partyId: party('179') }, 'id version') as Promise<factory.Made>,
      change: { email: 'testi@example.org' },
      same: { name, title: null, partyId: party('179'), email: 'testi@example.org', phone: null },
    };
  },
  async updateServiceNeed() {
    const title = unique('Tarve');
    const input = {
      title,
      targetGroups: ['YOUTH', 'OLDER_PEOPLE'] as TargetGroup[],
      themeCodes: ['YOUTH'],
      municipalityIds: [party('182')],
    };
    return {
      mutation: update('updateServiceNeed', 'UpdateServiceNeedInput'),
      entityType: 'service_need',
      make: () => factory.makeNeed(server, admin, input),
      change: { priority: 'HIGH' },
      same: { ...input, partyIds: null, ownerBodyId: null, priority: 'HIGH', legalBasis: null, indicators: null },
    };
  },
  async updateAction() {
    const need = await factory.makeNeed(server, admin);
    const title = unique('Toimenpide');
    return {
      mutation: update('updateAction', 'UpdateActionInput'),
      entityType: 'need_action',
      make: () => factory.makeAction(server, admin, { needId: need.id, title }),
      change: { dueDate: '2027-01-31' },
      same: { title, description: null, dueDate: '2027-01-31', ownerPartyId: party('182') },
    };
  },
  async updateMeeting() {
    const body = await factory.makeBody(server, admin);
    const title = unique('Kokous');
    return {
      mutation: update('updateMeeting', 'UpdateMeetingInput'),
      entityType: 'meeting',
      make: () => factory.makeMeeting(server, admin, { bodyId: body.id, title, startsAt: '2027-03-01T10:00:00Z' }),
      change: { location: 'Valtuustosali' },
      // The same moment in Finnish time.
      same: { title, startsAt: '2027-03-01T12:00:00+02:00', location: 'Valtuustosali' },
    };
  },
  async updateAgendaItem() {
    const body = await factory.makeBody(server, admin);
    const meeting = await factory.makeMeeting(server, admin, { bodyId: body.id });
    const needs = [(await factory.makeNeed(server, admin)).id, (await factory.makeNeed(server, admin)).id];
    const title = unique('Asia');
    return {
      mutation: update('updateAgendaItem', 'UpdateAgendaItemInput'),
      entityType: 'agenda_item',
      make: () =>
        factory.makeAgendaItem(server, admin, { meetingId: meeting.id, title, proposal: 'Hyväksytään.', relatedNeedIds: needs }),
      change: { caseNumber: 'JKL/12/2027' },
      same: {
        title,
        proposal: 'Hyväksytään.',
        presenterId: null,
        preparerId: null,
        caseNumber: 'JKL/12/2027',
        publicity: 'PUBLIC',
        legalBasis: null,
        relatedNeedIds: [...needs].reverse(),
      },
    };
  },
  async setAppealInstructions() {
    const body = await factory.makeBody(server, admin);
    return {
      mutation:
        'mutation ($id: ID!, $v: Int!, $input: AppealInstructionsInput!) { setAppealInstructions(bodyId: $id, expectedVersion: $v, input: $input) { id: bodyId version } }',
      entityType: 'appeal_instructions',
      // The body's first template: version 1 (the default text is version 0).
      make: () =>
        run(
          'mutation ($id: ID!, $input: AppealInstructionsInput!) { setAppealInstructions(bodyId: $id, expectedVersion: 0, input: $input) { id: bodyId version } }',
          { id: body.id, input: { fi: 'Oikaisuvaatimusohje.' } },
        ),
      change: { fi: 'Oikaisuvaatimusohje.', sv: 'Anvisning för omprövningsbegäran.' },
      same: { fi: 'Oikaisuvaatimusohje.', sv: 'Anvisning för omprövningsbegäran.', en: null },
    };
  },
};

describe('an update that changes nothing', () => {
  it.each(Object.keys(CASES))(
    '%s answers the record at its version, records no event, and still refuses a stale version',
    async (name) => {
      const c = await CASES[name]!();
      const { id, version } = await c.make();
      // A real change: a new version, and its event is the newest in the audit trail.
      const changed = await run(c.mutation, { id, v: version, input: c.change });
      expect(changed.version).toBe(version + 1);
      // The audit trail serves an event once every write before it has committed: read until it is there.
      const event = await eventually(
        () => newestEvent(c.entityType, id),
        (e) => e?.entityVersion === changed.version,
        10_000,
        "the change's event",
      );

      const same = await run(c.mutation, { id, v: changed.version, input: c.same });
      expect(same).toEqual({ id, version: changed.version });
      expect(await newestEvent(c.entityType, id)).toEqual(event);

      const stale = await server.gql(c.mutation, { id, v: version, input: c.same }, { token: admin });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: changed.version });
    },
  );
});

describe('a recorded upsert that changes nothing', () => {
  it('setNeedIndicatorTarget with the values stored answers the target at its version and records no event', async () => {
    const need = await factory.makeNeed(server, admin, { municipalityIds: [party('179')] });
    const SET = 'mutation ($input: NeedIndicatorTargetInput!) { setNeedIndicatorTarget(input: $input) { version targetValue } }';
    const input = { needId: need.id, indicatorId, partyId: party('179'), baselineYear: 2021, targetYear: 2030, targetValue: 8 };
    const first = await server.gql(SET, { input }, { token: admin });
    factory.ok(first, 'setNeedIndicatorTarget');
    const key = `${need.id}:${indicatorId}`;
    const event = await eventually(
      () => newestEvent('need_indicator_target', key),
      (e) => e?.entityVersion === first.data.setNeedIndicatorTarget.version,
      10_000,
      "the target's event",
    );
    // The same values again (the note sent empty, as a form sends it): the target as it is, no new event.
    const same = await server.gql(SET, { input: { ...input, note: null, baselineValue: null } }, { token: admin });
    expect(same.data?.setNeedIndicatorTarget).toEqual(first.data.setNeedIndicatorTarget);
    expect(await newestEvent('need_indicator_target', key)).toEqual(event);
    // A new target value is a change: a new version and its event.
    const moved = await server.gql(SET, { input: { ...input, targetValue: 7 } }, { token: admin });
    expect(moved.data?.setNeedIndicatorTarget).toEqual({
      version: first.data.setNeedIndicatorTarget.version + 1,
      targetValue: 7,
    });
  });
});
