import { describe, expect, it } from 'vitest';
import type { CreateCooperationBodyInput } from '../../server/graphql/generated/resolvers.js';
import * as factory from './factories.js';
import { eventually, startDemo, subscribe, unique } from './helpers.js';
import { BODIES } from '../../server/modules/cooperation/cooperation.seed.data.js';

const demo = startDemo({ users: ['jyvaskyla', 'county', 'laukaa', 'analyst'], region: true });

const party = (code: string) => demo.region.party(code);
const person = (email: string) => demo.region.person(email);

/** The error code and fields of a failed operation. */
const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => ({
  code: r.errors?.[0]?.extensions?.code,
  fields: r.errors?.[0]?.extensions?.fields,
  currentVersion: r.errors?.[0]?.extensions?.currentVersion,
});

const BODY_FIELDS = 'id name tier level version parent { id }';
const CREATE_BODY = `mutation ($input: CreateCooperationBodyInput!) { createCooperationBody(input: $input) { ${BODY_FIELDS} } }`;
const UPDATE_BODY = `mutation ($id: ID!, $v: Int!, $input: UpdateCooperationBodyInput!) {
  updateCooperationBody(id: $id, expectedVersion: $v, input: $input) { id tier version parent { id } } }`;
const ADD_MEMBER = `mutation ($input: AddMembershipInput!) {
  addMembership(input: $input) { id role capacity startsOn endsOn active version person { id } party { code } } }`;
const END_MEMBER = `mutation ($id: ID!, $v: Int!, $endsOn: Date!) {
  endMembership(id: $id, expectedVersion: $v, endsOn: $endsOn) { id endsOn active version } }`;
const AGREEMENT_FIELDS =
  'id title type validFrom validTo version ratificationProgress { total approved approvedWithChanges rejected pending }';
const CREATE_AGREEMENT = `mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const RECORD = `mutation ($input: RecordRatificationInput!) {
  recordRatification(input: $input) { id outcome section decidingBody decisionDate version party { code } recordedBy { displayName } } }`;

/** A body of its own for one test (parallel files share one PostgreSQL). */
const makeBody = (input: Partial<CreateCooperationBodyInput> = {}) =>
  factory.makeBody(demo.server, demo.token.admin, input, [], BODY_FIELDS);

const makePerson = async (code: string) => (await factory.makePerson(demo.server, demo.token.admin, { partyId: party(code) })).id;

async function addMember(as: string, bodyId: string, personId: string, role = 'MEMBER', extra: Record<string, unknown> = {}) {
  return demo.server.gql(ADD_MEMBER, { input: { bodyId, personId, role, capacity: 'OFFICE_HOLDER', ...extra } }, { token: as });
}

const makeAgreement = (codes = ['179', '410', '15']) =>
  factory.makeAgreement(
    demo.server,
    demo.token.admin,
    { validFrom: '2026-01-01', validTo: '2027-12-31', partyIds: codes.map(party) },
    AGREEMENT_FIELDS,
  );

const ratify = (as: string, agreementId: string, code: string, extra: Record<string, unknown> = {}) =>
  demo.server.gql(
    RECORD,
    {
      input: {
        agreementId,
        partyId: party(code),
        decidingBody: 'Kunnanvaltuusto',
        decisionDate: '2025-11-03',
        section: '§ 89',
        outcome: 'APPROVED',
        ...extra,
      },
    },
    { token: as },
  );

describe('the seeded demo region', () => {
  it('has the four tiers with real body names and parent lines from the networks up to the forum', async () => {
    const r = await demo.server.gql(
      '{ cooperationBodies { name tier level cadence parent { name } themes { code } chair { name } secretary { name } } }',
      {},
      { token: demo.token.analyst },
    );
    expect(r.errors).toBeUndefined();
    const byName = new Map(r.data!.cooperationBodies.map((b: any) => [b.name, b]));
    expect(byName.get('Valtuustokauden strateginen foorumi')).toMatchObject({
      tier: 'STRATEGIC',
      level: 1,
      cadence: 'PER_COUNCIL_TERM',
      parent: null,
    });
    expect(byName.get('Kuntakokous')).toMatchObject({
      tier: 'STEERING',
      level: 2,
      parent: { name: 'Valtuustokauden strateginen foorumi' },
    });
    expect(byName.get('Kunnanjohtajakokous')).toMatchObject({ tier: 'COORDINATION', cadence: 'MONTHLY' });
    expect(byName.get('Turvallisuus- ja valmiustoimikunta')).toMatchObject({ tier: 'COORDINATION' });
    for (const n of [
      'Toimitilaverkosto',
      'ICT-verkosto',
      'Työllisyyspalvelujen verkosto',
      'Alueellinen oppilashuoltoverkosto',
      'Alueellinen hyte-verkosto',
    ]) {
      expect(byName.get(n)).toMatchObject({ tier: 'OPERATIONAL', level: 4 });
    }
    expect((byName.get('Alueellinen oppilashuoltoverkosto') as any).themes.map((t: any) => t.code)).toContain('STUDENT_WELFARE');
    expect((byName.get('Kuntakokous') as any).secretary.name).toMatch(/\(demo\)$/);
  });

  it('seats the Jyväskylä and county representatives in the forum and the assembly, and Laukaa in the assembly and the pupil welfare network', async () => {
    const r = await demo.server.gql(
      '{ cooperationBodies { name memberships { active person { user { email } } } } }',
      {},
      { token: demo.token.admin },
    );
    // Only the seeded bodies: on a shared PostgreSQL other tests' bodies exist too, named as those tests like.
    const seeded = new Set(BODIES.map((b) => b.names.fi));
    const seats = (email: string) =>
      r
        .data!.cooperationBodies.filter((b: any) => seeded.has(b.name))
        .filter((b: any) => b.memberships.some((m: any) => m.active && m.person.user?.email === email))
        .map((b: any) => b.name)
        .sort();
    expect(seats('jyvaskyla@demo.local')).toEqual(expect.arrayContaining(['Kuntakokous', 'Valtuustokauden strateginen foorumi']));
    expect(seats('hyvinvointialue@demo.local')).toEqual(
      expect.arrayContaining(['Kuntakokous', 'Valtuustokauden strateginen foorumi']),
    );
    expect(seats('laukaa@demo.local')).toEqual(['Alueellinen oppilashuoltoverkosto', 'Kuntakokous']);
  });

  it("keeps the county council's approval of the framework agreement on 4.10.2022 under § 89 and shows the successor's round in progress", async () => {
    const r = await demo.server.gql(
      `{ agreements { title type validFrom validTo
          ratifications { party { code } decidingBody decisionDate section outcome }
          ratificationProgress { total approved approvedWithChanges rejected pending } } }`,
      {},
      { token: demo.token.analyst },
    );
    expect(r.errors).toBeUndefined();
    const framework = r.data!.agreements.find((a: any) => a.type === 'FRAMEWORK');
    expect(framework).toMatchObject({ validFrom: '2023-01-01', validTo: '2025-12-31' });
    expect(framework.ratifications.find((x: any) => x.party.code === '15')).toEqual({
      party: { code: '15' },
      decidingBody: 'Aluevaltuusto',
      decisionDate: '2022-10-04',
      section: '§ 89',
      outcome: 'APPROVED',
    });
    const strategic = r.data!.agreements.find((a: any) => a.type === 'STRATEGIC_COOPERATION');
    expect(strategic.validFrom).toBe('2026-01-01');
    // As the contract reads it: an approval with changes is an approval (approvedWithChanges says how many).
    expect(strategic.ratificationProgress).toEqual({ total: 24, approved: 18, approvedWithChanges: 1, rejected: 0, pending: 6 });
    expect(r.data!.agreements.find((a: any) => a.type === 'INTERFACE_PLAN')).toMatchObject({
      validFrom: '2026-01-01',
      validTo: '2029-12-31',
    });
  });

  it('has the HYTE negotiations per municipality group and the once-per-council-term negotiation under 611/2021 § 14', async () => {
    const r = await demo.server.gql(
      '{ negotiations { kind year title municipalityGroup legalBasis parties { code } outcomeSummary } }',
      {},
      { token: demo.token.analyst },
    );
    const kinds = r.data!.negotiations.map((n: any) => n.kind);
    expect(kinds).toContain('HYTE_ANNUAL');
    const term = r.data!.negotiations.find((n: any) => n.kind === 'COUNCIL_TERM');
    expect(term).toMatchObject({ year: 2025, legalBasis: '611/2021 14 §' });
    expect(term.parties).toHaveLength(24);
    expect(r.data!.negotiations.some((n: any) => n.municipalityGroup === 'Luhanka, Joutsa ja Toivakka')).toBe(true);
  });
});

describe('contact details', () => {
  const Q = 'query ($id: ID!) { person(id: $id) { name email phone } }';

  it('are shown to a member of the same body and to the secretariat', async () => {
    const county = person('hyvinvointialue@demo.local');
    expect((await demo.server.gql(Q, { id: county }, { token: demo.token.jyvaskyla })).data!.person.email).toMatch(/@/);
    expect((await demo.server.gql(Q, { id: county }, { token: demo.token.admin })).data!.person.phone).toBeTruthy();
  });

  it('are hidden from someone who shares no body, and from analysts', async () => {
    // A person of this test's own, in no body: on a shared PostgreSQL other tests seat the demo users together.
    const created = await demo.server.gql(
      'mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      { input: { name: unique('Henkilö'), email: 'someone@example.invalid', phone: '+358 40 000 0000' } },
      { token: demo.token.admin },
    );
    const id = created.data!.createPerson.id;
    const laukaa = await demo.server.gql(Q, { id }, { token: demo.token.laukaa });
    expect(laukaa.data!.person).toMatchObject({ email: null, phone: null });
    const analyst = await demo.server.gql(Q, { id }, { token: demo.token.analyst });
    expect(analyst.data!.person).toMatchObject({ email: null, phone: null });
    const secretariat = await demo.server.gql(Q, { id }, { token: demo.token.admin });
    expect(secretariat.data!.person.email).toBe('someone@example.invalid');
    const jkl = await demo.server.gql(Q, { id: person('jyvaskyla@demo.local') }, { token: demo.token.analyst });
    expect(jkl.data!.person).toMatchObject({ email: null, phone: null });
    expect(jkl.data!.person.name).toMatch(/\(demo\)/);
  });
});

describe('bodies', () => {
  it('are created by the secretariat', async () => {
    const body = await makeBody({ tier: 'COORDINATION', cadence: 'MONTHLY', themeCodes: ['HYTE'] });
    expect(body).toMatchObject({ tier: 'COORDINATION', level: 3, version: 1 });
  });

  it('cannot be created by a representative or an analyst', async () => {
    for (const as of [demo.token.jyvaskyla, demo.token.analyst]) {
      const r = await demo.server.gql(CREATE_BODY, { input: { names: { fi: unique('X') }, tier: 'OPERATIONAL' } }, { token: as });
      expect(failure(r).code).toBe('FORBIDDEN');
    }
  });

  it('accept a parent of the same or a higher tier', async () => {
    const parent = await makeBody({ tier: 'COORDINATION' });
    const same = await makeBody({ tier: 'COORDINATION', parentId: parent.id });
    const lower = await makeBody({ tier: 'OPERATIONAL', parentId: parent.id });
    expect(same).toMatchObject({ parent: { id: parent.id } });
    expect(lower).toMatchObject({ parent: { id: parent.id } });
  });

  it('refuse a parent of a lower tier, naming input.parentId', async () => {
    const network = await makeBody({ tier: 'OPERATIONAL' });
    const r = await demo.server.gql(
      CREATE_BODY,
      { input: { names: { fi: unique('Y') }, tier: 'STEERING', parentId: network.id } },
      { token: demo.token.admin },
    );
    expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.parentId': expect.stringMatching(/tier/) } });
  });

  it('refuse a parent that would make a cycle', async () => {
    const a = await makeBody();
    const b = await makeBody({ parentId: a.id });
    const c = await makeBody({ parentId: b.id });
    const r = await demo.server.gql(
      UPDATE_BODY,
      { id: a.id, v: a.version, input: { parentId: c.id } },
      { token: demo.token.admin },
    );
    expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.parentId': expect.stringMatching(/cycle/) } });
    const self = await demo.server.gql(
      UPDATE_BODY,
      { id: a.id, v: a.version, input: { parentId: a.id } },
      { token: demo.token.admin },
    );
    expect(failure(self).code).toBe('BAD_USER_INPUT');
  });

  it('answer a stale version with CONFLICT and the current version', async () => {
    const body = await makeBody();
    const first = await demo.server.gql(
      UPDATE_BODY,
      { id: body.id, v: 1, input: { cadence: 'QUARTERLY' } },
      { token: demo.token.admin },
    );
    expect(first.data!.updateCooperationBody.version).toBe(2);
    const stale = await demo.server.gql(
      UPDATE_BODY,
      { id: body.id, v: 1, input: { cadence: 'MONTHLY' } },
      { token: demo.token.admin },
    );
    expect(failure(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('name the bad field: an empty Finnish name and an unknown theme', async () => {
    const empty = await demo.server.gql(
      CREATE_BODY,
      { input: { names: { fi: '  ' }, tier: 'OPERATIONAL' } },
      { token: demo.token.admin },
    );
    expect(failure(empty)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.names.fi': 'Required' } });
    const theme = await demo.server.gql(
      CREATE_BODY,
      { input: { names: { fi: unique('Z') }, tier: 'OPERATIONAL', themeCodes: ['NO_SUCH'] } },
      { token: demo.token.admin },
    );
    expect(failure(theme)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.themeCodes': expect.any(String) } });
  });
});

describe('memberships', () => {
  it("are managed by the body's chair, not by an ordinary member or an outsider", async () => {
    const body = await makeBody();
    expect((await addMember(demo.token.admin, body.id, person('jyvaskyla@demo.local'), 'CHAIR')).errors).toBeUndefined();
    expect((await addMember(demo.token.admin, body.id, person('hyvinvointialue@demo.local'), 'MEMBER')).errors).toBeUndefined();
    const newcomer = await makePerson('179');
    const byChair = await addMember(demo.token.jyvaskyla, body.id, newcomer);
    expect(byChair.errors).toBeUndefined();
    expect(byChair.data!.addMembership).toMatchObject({ role: 'MEMBER', party: { code: '179' }, active: true });
    expect(failure(await addMember(demo.token.county, body.id, await makePerson('15'))).code).toBe('FORBIDDEN');
    expect(failure(await addMember(demo.token.laukaa, body.id, await makePerson('410'))).code).toBe('FORBIDDEN');
    const m = byChair.data!.addMembership;
    expect(
      failure(await demo.server.gql(END_MEMBER, { id: m.id, v: m.version, endsOn: '2030-01-01' }, { token: demo.token.county }))
        .code,
    ).toBe('FORBIDDEN');
  });

  it("are managed by the body's secretary", async () => {
    const body = await makeBody();
    await addMember(demo.token.admin, body.id, person('laukaa@demo.local'), 'SECRETARY');
    const r = await addMember(demo.token.laukaa, body.id, await makePerson('410'), 'EXPERT');
    expect(r.errors).toBeUndefined();
  });

  it('refuse an end date before the start, naming the field', async () => {
    const body = await makeBody();
    const p = await makePerson('182');
    const bad = await addMember(demo.token.admin, body.id, p, 'MEMBER', { startsOn: '2026-01-01', endsOn: '2025-12-31' });
    expect(failure(bad)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.endsOn': expect.stringMatching(/before/) } });
    const sameDay = await addMember(demo.token.admin, body.id, p, 'MEMBER', { startsOn: '2026-01-01', endsOn: '2026-01-01' });
    expect(sameDay.errors).toBeUndefined();
    const m = (await addMember(demo.token.admin, body.id, p, 'MEMBER', { startsOn: '2026-01-01' })).data!.addMembership;
    const early = await demo.server.gql(
      END_MEMBER,
      { id: m.id, v: m.version, endsOn: '2025-06-30' },
      { token: demo.token.admin },
    );
    expect(failure(early)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { endsOn: expect.any(String) } });
  });

  it('keep their history when they end, and a stale version is a CONFLICT', async () => {
    const body = await makeBody();
    const m = (await addMember(demo.token.admin, body.id, await makePerson('992'), 'MEMBER', { startsOn: '2024-01-01' })).data!
      .addMembership;
    const ended = await demo.server.gql(
      END_MEMBER,
      { id: m.id, v: m.version, endsOn: '2025-01-31' },
      { token: demo.token.admin },
    );
    expect(ended.data!.endMembership).toMatchObject({ endsOn: '2025-01-31', active: false, version: 2 });
    const list = await demo.server.gql(
      'query ($id: ID!) { cooperationBody(id: $id) { memberships { id active endsOn } } }',
      { id: body.id },
      { token: demo.token.analyst },
    );
    expect(list.data!.cooperationBody.memberships).toEqual([{ id: m.id, active: false, endsOn: '2025-01-31' }]);
    const stale = await demo.server.gql(END_MEMBER, { id: m.id, v: 1, endsOn: '2025-02-28' }, { token: demo.token.admin });
    expect(failure(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });
});

describe('one seat per person and body', () => {
  const UPDATE_MEMBER = `mutation ($id: ID!, $v: Int!, $input: UpdateMembershipInput!) {
    updateMembership(id: $id, expectedVersion: $v, input: $input) { id role startsOn endsOn version } }`;
  const seats = async (bodyId: string) =>
    (
      await demo.server.gql(
        'query ($id: ID!) { cooperationBody(id: $id) { memberships { role active person { id } } } }',
        { id: bodyId },
        { token: demo.token.admin },
      )
    ).data!.cooperationBody.memberships as { role: string; active: boolean; person: { id: string } }[];

  it('refuses a second overlapping membership of the same person, whatever its role, naming input.personId', async () => {
    const body = await makeBody();
    const p = await makePerson('179');
    const first = await addMember(demo.token.admin, body.id, p, 'MEMBER');
    expect(first.errors).toBeUndefined();
    for (const role of ['MEMBER', 'VICE_CHAIR']) {
      expect(failure(await addMember(demo.token.admin, body.id, p, role))).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { 'input.personId': expect.stringMatching(/updateMembership/) },
      });
    }
    // A later term that starts after the current one ends does not overlap.
    const m = first.data!.addMembership;
    await demo.server.gql(END_MEMBER, { id: m.id, v: m.version, endsOn: '2099-01-31' }, { token: demo.token.admin });
    const overlapping = await addMember(demo.token.admin, body.id, p, 'CHAIR', { startsOn: '2099-01-31' });
    expect(failure(overlapping).fields).toEqual({ 'input.personId': expect.any(String) });
    const next = await addMember(demo.token.admin, body.id, p, 'CHAIR', { startsOn: '2099-02-01' });
    expect(next.errors).toBeUndefined();
    // Moving either term onto the other is refused on the changed field.
    const n = next.data!.addMembership;
    const moved = await demo.server.gql(
      UPDATE_MEMBER,
      { id: n.id, v: n.version, input: { startsOn: '2099-01-15' } },
      { token: demo.token.admin },
    );
    expect(failure(moved)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.startsOn': expect.any(String) } });
    expect((await seats(body.id)).map((s) => s.role).sort()).toEqual(['CHAIR', 'MEMBER']);
  });

  it('changes the role with updateMembership, and seats the person again once the membership has ended', async () => {
    const body = await makeBody();
    const p = await makePerson('410');
    const m = (await addMember(demo.token.admin, body.id, p, 'MEMBER', { startsOn: '2024-01-01' })).data!.addMembership;
    const promoted = await demo.server.gql(
      UPDATE_MEMBER,
      { id: m.id, v: m.version, input: { role: 'VICE_CHAIR' } },
      { token: demo.token.admin },
    );
    expect(promoted.data!.updateMembership).toMatchObject({ role: 'VICE_CHAIR', version: 2 });
    await demo.server.gql(END_MEMBER, { id: m.id, v: 2, endsOn: '2025-01-31' }, { token: demo.token.admin });
    const again = await addMember(demo.token.admin, body.id, p, 'MEMBER');
    expect(again.errors).toBeUndefined();
    expect(await seats(body.id)).toHaveLength(2);
  });

  it('gives one seat to three concurrent adds of the same person', async () => {
    const body = await makeBody();
    const p = await makePerson('182');
    const results = await Promise.all(
      ['MEMBER', 'MEMBER', 'VICE_CHAIR'].map((role) => addMember(demo.token.admin, body.id, p, role)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => failure(r))).toEqual([
      { code: 'BAD_USER_INPUT', fields: { 'input.personId': expect.any(String) }, currentVersion: undefined },
      { code: 'BAD_USER_INPUT', fields: { 'input.personId': expect.any(String) }, currentVersion: undefined },
    ]);
    expect((await seats(body.id)).filter((s) => s.person.id === p)).toHaveLength(1);
  });

  it('holds in the seeded demo region: nobody has two current seats in one body', async () => {
    const r = await demo.server.gql('{ cooperationBodies { id } }', {}, { token: demo.token.admin });
    for (const { id } of r.data!.cooperationBodies as { id: string }[]) {
      const current = (await seats(id)).filter((s) => s.active).map((s) => s.person.id);
      expect(new Set(current).size).toBe(current.length);
    }
  });
});

describe('agreements', () => {
  it('are created by the secretariat with every party pending', async () => {
    const a = await demo.server.gql(
      CREATE_AGREEMENT,
      {
        input: {
          titles: { fi: unique('Sopimus') },
          type: 'FRAMEWORK',
          validFrom: '2026-01-01',
          validTo: '2026-01-02',
          partyIds: [party('179'), party('15')],
        },
      },
      { token: demo.token.admin },
    );
    expect(a.data!.createAgreement.ratificationProgress).toEqual({
      total: 2,
      approved: 0,
      approvedWithChanges: 0,
      rejected: 0,
      pending: 2,
    });
  });

  it('cannot be created by a representative', async () => {
    const r = await demo.server.gql(
      CREATE_AGREEMENT,
      { input: { titles: { fi: unique('S') }, type: 'FRAMEWORK', partyIds: [party('179')] } },
      { token: demo.token.jyvaskyla },
    );
    expect(failure(r).code).toBe('FORBIDDEN');
  });

  it('refuse a validity that does not end after it starts, naming input.validTo', async () => {
    for (const validTo of ['2026-01-01', '2025-12-31']) {
      const r = await demo.server.gql(
        CREATE_AGREEMENT,
        { input: { titles: { fi: unique('S') }, type: 'FRAMEWORK', validFrom: '2026-01-01', validTo, partyIds: [party('179')] } },
        { token: demo.token.admin },
      );
      expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.validTo': expect.any(String) } });
    }
  });

  it('refuse an update whose one date, taken with the stored other, does not end the validity after it starts, naming the date sent', async () => {
    const a = await makeAgreement(); // valid 2026-01-01 – 2027-12-31
    const U =
      'mutation ($id: ID!, $v: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, expectedVersion: $v, input: $input) { version } }';
    const refused = async (input: object) =>
      failure(await demo.server.gql(U, { id: a.id, v: 1, input }, { token: demo.token.admin }));
    expect(await refused({ validFrom: '2027-12-31' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.validFrom': 'The validity must end after it starts' },
    });
    expect(await refused({ validTo: '2025-12-31' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.validTo': 'The validity must end after it starts' },
    });
    expect(await refused({ validFrom: '2028-06-01', validTo: '2028-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.validTo': 'The validity must end after it starts' },
    });
  });

  it('answer a stale version with CONFLICT', async () => {
    const a = await makeAgreement();
    const U =
      'mutation ($id: ID!, $v: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, expectedVersion: $v, input: $input) { version validTo } }';
    expect(
      (await demo.server.gql(U, { id: a.id, v: 1, input: { validTo: '2028-12-31' } }, { token: demo.token.admin })).data!
        .updateAgreement,
    ).toEqual({ version: 2, validTo: '2028-12-31' });
    expect(
      failure(await demo.server.gql(U, { id: a.id, v: 1, input: { validTo: '2029-12-31' } }, { token: demo.token.admin })),
    ).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('take a party sent twice once when their parties change (in the recorded change too), and refuse an unknown party naming input.partyIds', async () => {
    const a = await makeAgreement(['179']);
    const U = `mutation ($id: ID!, $v: Int!, $input: UpdateAgreementInput!) {
      updateAgreement(id: $id, expectedVersion: $v, input: $input) { version ratificationProgress { total pending } } }`;
    const changed = await demo.server.gql(
      U,
      { id: a.id, v: 1, input: { partyIds: [party('179'), party('410'), party('410')] } },
      { token: demo.token.admin },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateAgreement).toEqual({ version: 2, ratificationProgress: { total: 2, pending: 2 } });
    // The recorded change names each party once too.
    const events = await eventually(
      () =>
        demo.server.gql(
          'query ($id: ID) { changes(entityId: $id, first: 10, order: NEWEST_FIRST) { edges { node { name after } } } }',
          { id: a.id },
          { token: demo.token.admin },
        ),
      (r) => (r.data?.changes.edges ?? []).some((e: any) => e.node.name === 'agreement.updated'),
    );
    const updated = events.data!.changes.edges.find((e: any) => e.node.name === 'agreement.updated').node;
    expect([...updated.after.partyIds].sort()).toEqual([party('179'), party('410')].sort());
    const unknownParty = '00000000-0000-4000-8000-000000000000';
    const refused = await demo.server.gql(
      U,
      { id: a.id, v: 2, input: { partyIds: [party('179'), unknownParty] } },
      { token: demo.token.admin },
    );
    expect(failure(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.partyIds': expect.any(String) } });
  });
});

describe('ratifications', () => {
  it("are recorded by a party's representative for their own party", async () => {
    const a = await makeAgreement();
    const r = await ratify(demo.token.jyvaskyla, a.id, '179', { decidingBody: 'Kaupunginvaltuusto' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordRatification).toMatchObject({
      outcome: 'APPROVED',
      party: { code: '179' },
      decidingBody: 'Kaupunginvaltuusto',
      recordedBy: { displayName: expect.any(String) },
    });
  });

  it('cannot be recorded by a representative for another party, nor by an analyst', async () => {
    const a = await makeAgreement();
    expect(failure(await ratify(demo.token.jyvaskyla, a.id, '410')).code).toBe('FORBIDDEN');
    expect(failure(await ratify(demo.token.analyst, a.id, '179')).code).toBe('FORBIDDEN');
  });

  it('are recorded by the secretariat for any party', async () => {
    const a = await makeAgreement();
    expect((await ratify(demo.token.admin, a.id, '410')).errors).toBeUndefined();
    expect((await ratify(demo.token.admin, a.id, '15', { decidingBody: 'Aluevaltuusto' })).errors).toBeUndefined();
  });

  it('keep the § reference as written, "§ 89" and "89 §" alike', async () => {
    const a = await makeAgreement();
    expect((await ratify(demo.token.admin, a.id, '179', { section: '§ 89' })).data!.recordRatification.section).toBe('§ 89');
    expect((await ratify(demo.token.admin, a.id, '410', { section: '89 §' })).data!.recordRatification.section).toBe('89 §');
    const bad = await ratify(demo.token.admin, a.id, '15', { section: '§' });
    expect(failure(bad)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.section': expect.any(String) } });
  });

  it('replace the earlier record of the same party, and the progress counts approvals with changes apart', async () => {
    const a = await makeAgreement();
    const first = await ratify(demo.token.admin, a.id, '179', { outcome: 'REJECTED' });
    const second = await ratify(demo.token.admin, a.id, '179', { outcome: 'APPROVED_WITH_CHANGES' });
    expect(second.data!.recordRatification.id).toBe(first.data!.recordRatification.id);
    expect(second.data!.recordRatification.version).toBe(3);
    const r = await demo.server.gql(
      'query ($id: ID!) { agreement(id: $id) { ratifications { outcome } ratificationProgress { total approved approvedWithChanges rejected pending } } }',
      { id: a.id },
      { token: demo.token.analyst },
    );
    expect(r.data!.agreement.ratifications).toHaveLength(3);
    expect(r.data!.agreement.ratificationProgress).toEqual({
      total: 3,
      approved: 1,
      approvedWithChanges: 1,
      rejected: 0,
      pending: 2,
    });
  });

  it('name the bad field: a party outside the agreement and a malformed date', async () => {
    const a = await makeAgreement(['179']);
    expect(failure(await ratify(demo.token.admin, a.id, '410'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.partyId': expect.any(String) },
    });
    const date = await ratify(demo.token.admin, a.id, '179', { decidingBody: '' });
    expect(failure(date)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.decidingBody': 'Required' } });
  });
});

describe('live updates', () => {
  it("deliver a ratification recorded by one user to another user's subscription, with the progress changed", async () => {
    const a = await makeAgreement();
    const sub = await subscribe(
      demo.server,
      demo.server.ws(demo.token.county),
      `subscription ($id: ID!) { agreementChanged(id: $id) { kind actor { displayName }
         ratification { party { code } outcome section }
         agreement { id ratificationProgress { approved pending } } } }`,
      { id: a.id },
    );
    await ratify(demo.token.jyvaskyla, a.id, '179', { section: '89 §' });
    const event = await sub.next();
    expect(event.agreementChanged).toMatchObject({
      kind: 'UPDATED',
      ratification: { party: { code: '179' }, outcome: 'APPROVED', section: '89 §' },
      agreement: { id: a.id, ratificationProgress: { approved: 1, pending: 2 } },
    });
    expect(event.agreementChanged.actor.displayName).toMatch(/Jyväskylä/);
    sub.close();
  });

  it("deliver a new membership to the body's watchers", async () => {
    const body = await makeBody();
    const sub = await subscribe(
      demo.server,
      demo.server.ws(demo.token.analyst),
      'subscription ($id: ID!) { cooperationBodyChanged(id: $id) { kind body { id } membership { role person { name } } } }',
      { id: body.id },
    );
    await addMember(demo.token.admin, body.id, await makePerson('500'), 'OBSERVER');
    const event = await sub.next();
    expect(event.cooperationBodyChanged).toMatchObject({
      kind: 'CREATED',
      body: { id: body.id },
      membership: { role: 'OBSERVER' },
    });
    sub.close();
  });
});

describe('negotiations', () => {
  const C = 'mutation ($input: CreateNegotiationInput!) { createNegotiation(input: $input) { id kind year parties { code } } }';
  const input = () => ({
    kind: 'HYTE_ANNUAL',
    title: unique('Hyte'),
    year: 2026,
    municipalityGroup: 'Multia ja Keuruu',
    partyIds: [party('495'), party('249'), party('15')],
  });

  it('are recorded by the secretariat', async () => {
    const r = await demo.server.gql(C, { input: input() }, { token: demo.token.admin });
    expect(r.data!.createNegotiation).toMatchObject({ kind: 'HYTE_ANNUAL', year: 2026 });
    expect(r.data!.createNegotiation.parties).toHaveLength(3);
  });

  it('cannot be recorded by a representative', async () => {
    expect(failure(await demo.server.gql(C, { input: input() }, { token: demo.token.county })).code).toBe('FORBIDDEN');
  });
});

describe('the recorded change of an update that sends the parties', () => {
  /** The keys whose values differ between an event's before and after. */
  const changedKeys = (node: { before: Record<string, unknown>; after: Record<string, unknown> }) =>
    [...new Set([...Object.keys(node.before), ...Object.keys(node.after)])]
      .filter((k) => JSON.stringify(node.before[k]) !== JSON.stringify(node.after[k]))
      .sort();
  /** The event `name` of the record at `version`, once the audit trail serves it. */
  const eventAt = async (id: string, name: string, version: number) =>
    (
      await eventually(
        () =>
          demo.server.gql(
            'query ($id: ID) { changes(entityId: $id, order: NEWEST_FIRST, first: 1) { edges { node { name entityVersion before after } } } }',
            { id },
            { token: demo.token.admin },
          ),
        (r) => r.data?.changes.edges[0]?.node.name === name && r.data.changes.edges[0].node.entityVersion === version,
        10_000,
        name,
      )
    ).data!.changes.edges[0].node;
  const sorted = (codes: string[]) => codes.map(party).sort();

  it("carries an agreement's parties before and after, so parties sent as they were show no change", async () => {
    const a = await makeAgreement(['179', '410', '15']);
    const U = `mutation ($id: ID!, $v: Int!, $input: UpdateAgreementInput!) {
      updateAgreement(id: $id, expectedVersion: $v, input: $input) { version } }`;
    const asSent = { validTo: '2028-12-31', partyIds: ['15', '410', '179'].map(party) };
    factory.ok(await demo.server.gql(U, { id: a.id, v: 1, input: asSent }, { token: demo.token.admin }), 'updateAgreement');
    const same = await eventAt(a.id, 'agreement.updated', 2);
    expect(changedKeys(same)).toEqual(['validTo', 'version']);
    expect(same.before.partyIds).toEqual(sorted(['179', '410', '15']));
    factory.ok(
      await demo.server.gql(U, { id: a.id, v: 2, input: { partyIds: [party('179')] } }, { token: demo.token.admin }),
      'update',
    );
    const fewer = await eventAt(a.id, 'agreement.updated', 3);
    expect(changedKeys(fewer)).toEqual(['partyIds', 'version']);
    expect([fewer.before.partyIds, fewer.after.partyIds]).toEqual([sorted(['179', '410', '15']), [party('179')]]);
  });

  it("carries a negotiation's parties before and after, so parties sent as they were show no change", async () => {
    const created = await demo.server.gql(
      'mutation ($input: CreateNegotiationInput!) { createNegotiation(input: $input) { id version } }',
      { input: { kind: 'HYTE_ANNUAL', title: unique('Hyte'), year: 2026, partyIds: ['495', '249', '15'].map(party) } },
      { token: demo.token.admin },
    );
    factory.ok(created, 'createNegotiation');
    const id = created.data!.createNegotiation.id;
    const U = `mutation ($id: ID!, $v: Int!, $input: UpdateNegotiationInput!) {
      updateNegotiation(id: $id, expectedVersion: $v, input: $input) { version } }`;
    const asSent = { outcomeSummary: 'Sovittiin', partyIds: ['15', '249', '495'].map(party) };
    factory.ok(await demo.server.gql(U, { id, v: 1, input: asSent }, { token: demo.token.admin }), 'updateNegotiation');
    const same = await eventAt(id, 'negotiation.updated', 2);
    expect(changedKeys(same)).toEqual(['outcomeSummary', 'version']);
    expect(same.before.partyIds).toEqual(sorted(['495', '249', '15']));
    factory.ok(await demo.server.gql(U, { id, v: 2, input: { partyIds: [party('15')] } }, { token: demo.token.admin }), 'update');
    const fewer = await eventAt(id, 'negotiation.updated', 3);
    expect(changedKeys(fewer)).toEqual(['partyIds', 'version']);
    expect([fewer.before.partyIds, fewer.after.partyIds]).toEqual([sorted(['495', '249', '15']), [party('15')]]);
  });
});
