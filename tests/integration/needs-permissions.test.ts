import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { eventually, startDemo, unique } from './helpers.js';

// NeedPermissions names the parties and roles setResponsibility and createAction allow (from the same policy the
// mutations apply), so the need page offers only those; a refusal of another party names the field it was chosen in.

const demo = startDemo({ users: ['laukaa', 'jyvaskyla', 'analyst'], region: true });

const LAUKAA = '410';
const JYVASKYLA = '179';
const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const CAN =
  'viewerCan { edit setResponsibility nameLead responsibilityPartyIds responsibilityRoles createAction actionOwnerPartyIds }';
const SET = `mutation ($n: ID!, $p: ID!, $r: ResponsibilityRole!) { setResponsibility(needId: $n, partyId: $p, role: $r) { id } }`;
const ACTION = 'mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }';

/** A need Laukaa's representative recorded (no lead yet: they edit its fields, but are not its editor). */
const recorded = () =>
  factory.makeNeed(demo.server, demo.token.laukaa, {
    title: unique('Laukaan kirjaama tarve'),
    targetGroups: [],
    themeCodes: [],
    municipalityIds: [demo.region.party(LAUKAA), demo.region.party(JYVASKYLA)],
  });

const viewerCan = async (id: string, who: string) =>
  (await demo.server.gql(`query ($id: ID!) { serviceNeed(id: $id) { ${CAN} } }`, { id }, { token: who })).data!.serviceNeed
    .viewerCan;

describe("what NeedPermissions offers, and the server's refusals beyond it", () => {
  it('offers the recording representative only their own party and no LEAD, and every offer is accepted', async () => {
    const need = await recorded();
    const can = await viewerCan(need.id, demo.token.laukaa);
    expect(can).toEqual({
      edit: true,
      setResponsibility: true,
      nameLead: false,
      responsibilityPartyIds: [demo.region.party(LAUKAA)],
      responsibilityRoles: ['CONTRIBUTOR', 'INFORMED'],
      createAction: true,
      actionOwnerPartyIds: [demo.region.party(LAUKAA)],
    });
    for (const role of can.responsibilityRoles) {
      const r = await demo.server.gql(SET, { n: need.id, p: demo.region.party(LAUKAA), r: role }, { token: demo.token.laukaa });
      expect(r.errors).toBeUndefined();
    }
    const action = await demo.server.gql(
      ACTION,
      { input: { needId: need.id, title: 'Oma toimenpide', ownerPartyId: demo.region.party(LAUKAA) } },
      { token: demo.token.laukaa },
    );
    expect(action.errors).toBeUndefined();
  });

  it('names the field when the representative chooses beyond the offer: another party, or LEAD', async () => {
    const need = await recorded();
    const other = await demo.server.gql(
      SET,
      { n: need.id, p: demo.region.party(JYVASKYLA), r: 'CONTRIBUTOR' },
      { token: demo.token.laukaa },
    );
    expect(failure(other)).toMatchObject({ code: 'FORBIDDEN', fields: { partyId: 'Choose your own party' } });
    const lead = await demo.server.gql(
      SET,
      { n: need.id, p: demo.region.party(LAUKAA), r: 'LEAD' },
      { token: demo.token.laukaa },
    );
    expect(failure(lead)).toMatchObject({ code: 'FORBIDDEN', fields: { role: expect.any(String) } });
    const action = await demo.server.gql(
      ACTION,
      { input: { needId: need.id, title: 'Toisen toimenpide', ownerPartyId: demo.region.party(JYVASKYLA) } },
      { token: demo.token.laukaa },
    );
    expect(failure(action)).toMatchObject({ code: 'FORBIDDEN', fields: { 'input.ownerPartyId': 'Choose your own party' } });
  });

  it('offers the secretariat any party and every role, and an analyst nothing', async () => {
    const need = await recorded();
    expect(await viewerCan(need.id, demo.token.admin)).toMatchObject({
      setResponsibility: true,
      nameLead: true,
      responsibilityPartyIds: null,
      responsibilityRoles: ['LEAD', 'CONTRIBUTOR', 'INFORMED'],
      createAction: true,
      actionOwnerPartyIds: null,
    });
    expect(await viewerCan(need.id, demo.token.analyst)).toEqual({
      edit: false,
      setResponsibility: false,
      nameLead: false,
      responsibilityPartyIds: [],
      responsibilityRoles: [],
      createAction: false,
      actionOwnerPartyIds: [],
    });
  });
});

describe('a LEAD party is named and changed only by those who name the lead', () => {
  const PARTS = `query ($id: ID!) { serviceNeed(id: $id) { version responsibilities { role description version party { code } } } }`;
  const EVENTS = `query ($id: ID) { changes(entityType: "need_responsibility", entityId: $id, first: 20) { edges { node { name after } } } }`;

  /** A need the secretariat recorded for Jyväskylä and Laukaa and named Jyväskylä its lead. */
  const ledByJyvaskyla = async () => {
    const need = await factory.makeNeed(demo.server, demo.token.admin, {
      title: unique('Jyväskylän vetämä tarve'),
      targetGroups: [],
      themeCodes: [],
      municipalityIds: [demo.region.party(JYVASKYLA), demo.region.party(LAUKAA)],
    });
    const named = await demo.server.gql(
      SET,
      { n: need.id, p: demo.region.party(JYVASKYLA), r: 'LEAD' },
      { token: demo.token.admin },
    );
    expect(named.errors).toBeUndefined();
    return need;
  };
  const parts = async (id: string) => (await demo.server.gql(PARTS, { id }, { token: demo.token.admin })).data!.serviceNeed;
  /**
   * The events of a party's part in a need, once at least `atLeast` are in the stream. The stream shows a write
   * only when every transaction older than it has ended, which on a shared PostgreSQL can be a moment later.
   */
  const partEvents = async (needId: string, code: string, atLeast: number) =>
    (
      await eventually(
        () => demo.server.gql(EVENTS, { id: `${needId}:${demo.region.party(code)}` }, { token: demo.token.admin }),
        (r) => (r.data?.changes.edges.length ?? 0) >= atLeast,
        10_000,
        `${atLeast} events of ${code}'s part`,
      )
    ).data!.changes.edges;

  it("refuses the lead's own representative stepping down or naming another lead, and writes nothing", async () => {
    const need = await ledByJyvaskyla();
    const before = await parts(need.id);
    expect(before.responsibilities).toEqual([{ role: 'LEAD', description: null, version: 1, party: { code: JYVASKYLA } }]);
    // What the page is told agrees with the refusals: the lead edits the need but neither names nor changes a lead.
    expect(await viewerCan(need.id, demo.token.jyvaskyla)).toMatchObject({
      edit: true,
      setResponsibility: true,
      nameLead: false,
      responsibilityRoles: ['CONTRIBUTOR', 'INFORMED'],
    });
    for (const role of ['CONTRIBUTOR', 'INFORMED']) {
      const demoted = await demo.server.gql(
        SET,
        { n: need.id, p: demo.region.party(JYVASKYLA), r: role },
        { token: demo.token.jyvaskyla },
      );
      expect(failure(demoted)).toMatchObject({ code: 'FORBIDDEN', fields: { partyId: "Not allowed to change the lead's part" } });
    }
    const joint = await demo.server.gql(
      SET,
      { n: need.id, p: demo.region.party(LAUKAA), r: 'LEAD' },
      { token: demo.token.jyvaskyla },
    );
    expect(failure(joint)).toMatchObject({ code: 'FORBIDDEN', fields: { role: 'Not allowed to name the lead' } });
    expect(await parts(need.id)).toEqual(before);
    // Other parties' parts stay the lead's to set.
    const other = await demo.server.gql(
      SET,
      { n: need.id, p: demo.region.party(LAUKAA), r: 'CONTRIBUTOR' },
      { token: demo.token.jyvaskyla },
    );
    expect(other.errors).toBeUndefined();
    // Once this later write is in the stream, so is every earlier one: the refusals wrote no event.
    await partEvents(need.id, LAUKAA, 1);
    expect(await partEvents(need.id, JYVASKYLA, 1)).toHaveLength(1);
  });

  it('lets the secretariat change the lead and name a joint lead', async () => {
    const need = await ledByJyvaskyla();
    const joint = await demo.server.gql(
      SET,
      { n: need.id, p: demo.region.party(LAUKAA), r: 'LEAD' },
      { token: demo.token.admin },
    );
    expect(joint.errors).toBeUndefined();
    const demoted = await demo.server.gql(
      SET,
      { n: need.id, p: demo.region.party(JYVASKYLA), r: 'CONTRIBUTOR' },
      { token: demo.token.admin },
    );
    expect(demoted.errors).toBeUndefined();
    const after = await parts(need.id);
    expect(after.responsibilities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'LEAD', party: { code: LAUKAA } }),
        expect.objectContaining({ role: 'CONTRIBUTOR', version: 2, party: { code: JYVASKYLA } }),
      ]),
    );
    expect(await partEvents(need.id, JYVASKYLA, 2)).toHaveLength(2);
  });

  it('keeps a need to two LEAD parties when the secretariat names three at once, and refuses a third one after', async () => {
    const need = await factory.makeNeed(demo.server, demo.token.admin, {
      title: unique('Kolmen vetäjän tarve'),
      targetGroups: [],
      themeCodes: [],
      municipalityIds: [demo.region.party(JYVASKYLA), demo.region.party(LAUKAA)],
    });
    const parties = [JYVASKYLA, LAUKAA, '992'].map((code) => demo.region.party(code));
    const answers = await Promise.all(
      parties.map((p) => demo.server.gql(SET, { n: need.id, p, r: 'LEAD' }, { token: demo.token.admin })),
    );
    expect(answers.filter((a) => a.errors === undefined)).toHaveLength(2);
    expect(answers.map(failure).filter((f) => f.code)).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { role: 'A need has at most 2 LEAD parties' } }),
    ]);
    const leads = (await parts(need.id)).responsibilities.filter((r: { role: string }) => r.role === 'LEAD');
    expect(leads).toHaveLength(2);
    const refused = parties.find((p, i) => answers[i]!.errors !== undefined)!;
    const again = await demo.server.gql(SET, { n: need.id, p: refused, r: 'LEAD' }, { token: demo.token.admin });
    expect(failure(again)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { role: 'A need has at most 2 LEAD parties' } });
    // A lead's own part is changed freely within the limit: naming it LEAD again is no third lead.
    const kept = parties.find((p) => p !== refused)!;
    expect((await demo.server.gql(SET, { n: need.id, p: kept, r: 'LEAD' }, { token: demo.token.admin })).errors).toBeUndefined();
  });
});
