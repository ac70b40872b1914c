import { describe, expect, it } from 'vitest';
import type { CooperationTier, CreateServiceNeedInput } from '../../server/graphql/generated/resolvers.js';
import * as factory from './factories.js';
import { eventually, instantBetween, nextWhere, startDemo, subscribe, unique, waitFor } from './helpers.js';

const demo = startDemo({ users: ['jyvaskyla', 'county', 'laukaa', 'analyst'], region: true });

const JKL = '179';
const JAMSA = '182';
const LAUKAA = '410';
const COUNTY = '15';
const party = (code: string) => demo.region.party(code);

const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions ?? {};

const NEED_FIELDS = `id title status statusNote version priority estimatedResidents targetGroups
  themes { code } municipalities { code } otherParties { code } ownerBody { id tier }
  responsibilities { role description party { code } } hasGap
  actions { id title status version overdue dueDate ownerParty { code } }
  allowedTransitions viewerCan { edit comment setResponsibility createAction }
  provenance { field party { code } user { email } at }`;
const CREATE = `mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { ${NEED_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { ${NEED_FIELDS} } }`;
const TRANSITION = `mutation ($id: ID!, $v: Int!, $to: NeedStatus!, $note: String, $body: ID) {
  transitionServiceNeed(id: $id, expectedVersion: $v, to: $to, note: $note, escalateToBodyId: $body) { ${NEED_FIELDS} } }`;
const GET = `query ($id: ID!, $asOf: DateTime) { serviceNeed(id: $id, asOf: $asOf) { ${NEED_FIELDS} asOf
  comments { body author { email } party { code } }
  history { name kind actor { email } party { code } changedFields before after } } }`;
const SET_RESP = `mutation ($needId: ID!, $partyId: ID!, $role: ResponsibilityRole!, $d: String) {
  setResponsibility(needId: $needId, partyId: $partyId, role: $role, description: $d) { id responsibilities { role party { code } } } }`;
const CREATE_ACTION = `mutation ($input: CreateActionInput!) { createAction(input: $input) { id title status version overdue ownerParty { code } viewerCanUpdate } }`;
const UPDATE_ACTION = `mutation ($id: ID!, $v: Int!, $input: UpdateActionInput!) { updateAction(id: $id, expectedVersion: $v, input: $input) { id status version } }`;
const COMMENT = `mutation ($needId: ID!, $body: String!) { addNeedComment(needId: $needId, body: $body) { id body author { email } } }`;
const LIST = `query ($filter: ServiceNeedFilter, $first: Int, $after: String, $sort: ServiceNeedSort) {
  serviceNeeds(filter: $filter, first: $first, after: $after, sort: $sort) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id title estimatedResidents responsibilities { party { code } } municipalities { code } } } } }`;
const CHANGED = `subscription ($id: ID) { serviceNeedChanged(id: $id) { kind name need { id title status estimatedResidents } action { id status } comment { body author { displayName } } actor { displayName } } }`;

/** A need of its own for one test; by default recorded by the secretariat for Jämsä with no owner body. */
/** The audit trail of one entity as the secretariat reads it, once `until` holds of its events (the feed may lag). */
const changesOf = (id: string, until: (edges: any[]) => boolean, what: string) =>
  eventually(
    () =>
      demo.server.gql(
        'query ($id: ID) { changes(entityId: $id, first: 100) { edges { node { name after } } } }',
        { id },
        { token: demo.token.admin },
      ),
    (r) => until(r.data?.changes.edges ?? []),
    10_000,
    what,
  );

const makeNeed = (input: Partial<CreateServiceNeedInput> = {}, as = demo.token.admin) =>
  factory.makeNeed(demo.server, as, input, NEED_FIELDS);

/** A body of its own with demo accounts seated in it: [email, role]. */
const makeBody = async (seats: factory.Seat[], tier: CooperationTier = 'OPERATIONAL') =>
  (await factory.makeBody(demo.server, demo.token.admin, { tier }, seats)).id;

const get = async (id: string, as: string, asOf?: string) =>
  (await demo.server.gql(GET, { id, asOf }, { token: as })).data?.serviceNeed;

describe('the lifecycle', () => {
  it('starts IDENTIFIED at version 1 and moves only along allowed transitions', async () => {
    const need = await makeNeed();
    expect(need).toMatchObject({
      status: 'IDENTIFIED',
      version: 1,
      allowedTransitions: ['UNDER_ANALYSIS', 'ESCALATED', 'REJECTED'],
    });
    let v = 1;
    for (const to of ['UNDER_ANALYSIS', 'AGREED', 'IN_PROGRESS']) {
      const r = await demo.server.gql(TRANSITION, { id: need.id, v, to, note: `kohti ${to}` }, { token: demo.token.admin });
      expect(r.errors).toBeUndefined();
      expect(r.data!.transitionServiceNeed).toMatchObject({ status: to, version: ++v, statusNote: `kohti ${to}` });
    }
    const bad = await demo.server.gql(TRANSITION, { id: need.id, v, to: 'RESOLVED' }, { token: demo.token.admin });
    expect(failure(bad)).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'IN_PROGRESS',
      to: 'RESOLVED',
      allowed: ['MONITORING', 'AGREED', 'ESCALATED'],
    });
  });

  it('refuses a rejection without a reason and records the reason when given', async () => {
    const need = await makeNeed();
    const none = await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'REJECTED' }, { token: demo.token.admin });
    expect(failure(none)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { note: expect.any(String) } });
    const ok = await demo.server.gql(
      TRANSITION,
      { id: need.id, v: 1, to: 'REJECTED', note: 'Ei yhteinen' },
      { token: demo.token.admin },
    );
    expect(ok.data!.transitionServiceNeed).toMatchObject({
      status: 'REJECTED',
      statusNote: 'Ei yhteinen',
      allowedTransitions: ['IDENTIFIED'],
    });
  });

  it("keeps in statusNote only the latest transition's note: one without a note clears it; each event keeps its own", async () => {
    const need = await makeNeed();
    const first = await demo.server.gql(
      TRANSITION,
      { id: need.id, v: 1, to: 'UNDER_ANALYSIS', note: 'eka' },
      { token: demo.token.admin },
    );
    expect(first.data!.transitionServiceNeed).toMatchObject({ status: 'UNDER_ANALYSIS', statusNote: 'eka' });
    const second = await demo.server.gql(TRANSITION, { id: need.id, v: 2, to: 'AGREED' }, { token: demo.token.admin });
    expect(second.errors).toBeUndefined();
    expect(second.data!.transitionServiceNeed).toMatchObject({ status: 'AGREED', version: 3, statusNote: null });
    expect((await get(need.id, demo.token.admin)).statusNote).toBeNull();
    // The history keeps each transition's own note, before and after.
    const moves = (await get(need.id, demo.token.admin)).history.filter((h: any) => h.name === 'need.transitioned');
    expect(moves.map((h: any) => [h.before.statusNote, h.after.status, h.after.statusNote])).toEqual([
      [null, 'UNDER_ANALYSIS', 'eka'],
      ['eka', 'AGREED', null],
    ]);
    expect(moves[1].changedFields).toEqual(expect.arrayContaining(['status', 'statusNote']));
    // So does the audit trail.
    const changes = await changesOf(
      need.id,
      (edges) => edges.filter((e: any) => e.node.name === 'need.transitioned').length === 2,
      'both transitions in the stream',
    );
    expect(
      changes
        .data!.changes.edges.filter((e: any) => e.node.name === 'need.transitioned')
        .map((e: any) => [e.node.after.status, e.node.after.statusNote]),
    ).toEqual([
      ['UNDER_ANALYSIS', 'eka'],
      ['AGREED', null],
    ]);
  });

  it('decides permission before the input: who may not move the need is FORBIDDEN, who may not see it NOT_FOUND', async () => {
    // Jyväskylä is concerned (reads the need) but is not its lead: it may not move it.
    const need = await makeNeed({ municipalityIds: [party(JKL)] });
    const reader = await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'REJECTED' }, { token: demo.token.jyvaskyla });
    expect(failure(reader)).toMatchObject({ code: 'FORBIDDEN' });
    const escalate = await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'ESCALATED' }, { token: demo.token.jyvaskyla });
    expect(failure(escalate)).toMatchObject({ code: 'FORBIDDEN' });
    // Laukaa is not concerned: the need does not exist for it.
    const stranger = await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'REJECTED' }, { token: demo.token.laukaa });
    expect(failure(stranger)).toMatchObject({ code: 'NOT_FOUND' });
    // Who may move it still hears what the request lacks.
    const editor = await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'REJECTED' }, { token: demo.token.admin });
    expect(failure(editor)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { note: 'Give the reason for rejecting' } });
    const noBody = await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'ESCALATED' }, { token: demo.token.admin });
    expect(failure(noBody)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { escalateToBodyId: expect.any(String) } });
    expect((await get(need.id, demo.token.admin)).version).toBe(1);
  });

  it('escalates only to a body of a higher tier, which then owns the need', async () => {
    const low = await makeBody([], 'OPERATIONAL');
    const peer = await makeBody([], 'OPERATIONAL');
    const high = await makeBody([], 'STEERING');
    const need = await makeNeed({ ownerBodyId: low });
    const same = await demo.server.gql(
      TRANSITION,
      { id: need.id, v: 1, to: 'ESCALATED', body: peer },
      { token: demo.token.admin },
    );
    expect(failure(same)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { escalateToBodyId: expect.any(String) } });
    const up = await demo.server.gql(
      TRANSITION,
      { id: need.id, v: 1, to: 'ESCALATED', body: high, note: 'Strateginen linjaus' },
      { token: demo.token.admin },
    );
    expect(up.data!.transitionServiceNeed).toMatchObject({ status: 'ESCALATED', ownerBody: { id: high, tier: 'STEERING' } });
    expect(up.data!.transitionServiceNeed.provenance.map((p: any) => p.field)).toEqual(
      expect.arrayContaining(['ownerBody', 'status']),
    );
  });

  it('answers a stale version with CONFLICT and the current version', async () => {
    const need = await makeNeed();
    const first = await demo.server.gql(
      UPDATE,
      { id: need.id, v: 1, input: { title: 'Ensimmäinen' } },
      { token: demo.token.admin },
    );
    expect(first.data!.updateServiceNeed.version).toBe(2);
    const second = await demo.server.gql(UPDATE, { id: need.id, v: 1, input: { title: 'Toinen' } }, { token: demo.token.admin });
    expect(failure(second)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const stale = await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'UNDER_ANALYSIS' }, { token: demo.token.admin });
    expect(failure(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await get(need.id, demo.token.admin)).title).toBe('Ensimmäinen');
  });

  it('changes nothing when every field sent holds what is stored: same version, no event; a stale version is still a CONFLICT', async () => {
    const indicators = [{ source: 'SOTKANET', code: '4559', label: 'Nuorisotyöttömät' }];
    const need = await makeNeed({ municipalityIds: [party(JKL)], summary: 'Sama kuvaus', indicators });
    const SAME = `mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) {
      updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { id title version updatedAt } }`;
    const stored = (
      await demo.server.gql(
        'query ($id: ID!) { serviceNeed(id: $id) { updatedAt } }',
        { id: need.id },
        { token: demo.token.admin },
      )
    ).data!.serviceNeed.updatedAt;
    const sub = await subscribe(demo.server, demo.server.ws(demo.token.jyvaskyla), CHANGED, { id: need.id });
    for (const input of [
      { title: need.title },
      { title: need.title, summary: 'Sama kuvaus', targetGroups: need.targetGroups, indicators, partyIds: [] },
    ]) {
      const same = await demo.server.gql(SAME, { id: need.id, v: 1, input }, { token: demo.token.admin });
      expect(same.errors).toBeUndefined();
      // Before: version 2 and a new updatedAt, a need.updated event and a subscription event for nothing.
      expect(same.data!.updateServiceNeed).toEqual({ id: need.id, title: need.title, version: 1, updatedAt: stored });
    }
    const stale = await demo.server.gql(SAME, { id: need.id, v: 4, input: { title: need.title } }, { token: demo.token.admin });
    expect(failure(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    // A real change afterwards is version 2, and the first event either channel carries.
    const real = await demo.server.gql(
      SAME,
      { id: need.id, v: 1, input: { title: `${need.title} (muutettu)` } },
      { token: demo.token.admin },
    );
    expect(real.data!.updateServiceNeed.version).toBe(2);
    expect((await sub.next()).serviceNeedChanged).toMatchObject({
      name: 'need.updated',
      need: { title: `${need.title} (muutettu)` },
    });
    const changes = await changesOf(
      need.id,
      (edges) => edges.some((e: any) => e.node.name === 'need.updated'),
      'the real change in the stream',
    );
    expect(changes.data!.changes.edges.map((e: any) => [e.node.name, e.node.after.version])).toEqual([
      ['need.created', 1],
      ['need.updated', 2],
    ]);
  });

  it('refuses unknown themes and parties that are not municipalities, naming the field', async () => {
    const r = await demo.server.gql(
      CREATE,
      { input: { title: 'x', targetGroups: [], themeCodes: ['NOPE'], municipalityIds: [party(COUNTY)] } },
      { token: demo.token.admin },
    );
    expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(Object.keys(failure(r).fields)).toEqual(expect.arrayContaining(['input.themeCodes']));
  });
});

describe('who may record a need', () => {
  it('lets a representative record a need of their own party in a body they sit in', async () => {
    const body = await makeBody([['laukaa@demo.local', 'MEMBER']]);
    const need = await makeNeed({ municipalityIds: [party(LAUKAA)], ownerBodyId: body }, demo.token.laukaa);
    expect(need.provenance.find((p: any) => p.field === 'title')).toMatchObject({
      party: { code: LAUKAA },
      user: { email: 'laukaa@demo.local' },
    });
  });

  it('refuses a representative a need owned by a body they do not sit in', async () => {
    const body = await makeBody([]);
    const r = await demo.server.gql(
      CREATE,
      { input: { title: 'x', targetGroups: [], themeCodes: [], municipalityIds: [party(LAUKAA)], ownerBodyId: body } },
      { token: demo.token.laukaa },
    );
    expect(failure(r).code).toBe('FORBIDDEN');
  });

  it('refuses a representative a need that does not concern their own party, and an analyst any', async () => {
    const r = await demo.server.gql(
      CREATE,
      { input: { title: 'x', targetGroups: [], themeCodes: [], municipalityIds: [party(JAMSA)] } },
      { token: demo.token.laukaa },
    );
    expect(failure(r).code).toBe('FORBIDDEN');
    const a = await demo.server.gql(
      CREATE,
      { input: { title: 'x', targetGroups: [], themeCodes: [], municipalityIds: [party(JAMSA)] } },
      { token: demo.token.analyst },
    );
    expect(failure(a).code).toBe('FORBIDDEN');
  });
});

describe('indicators', () => {
  const INDICATORS = `id version indicators { source code label } history { changedFields after }`;

  it('keeps each source and code once, the first sent with its label, when a need is recorded and when it is updated', async () => {
    const sent = [
      { source: 'SOTKANET', code: '127', label: 'Väkiluku' },
      { source: 'SOTKANET', code: '186' },
      { source: 'SOTKANET', code: '127', label: 'Väkiluku 31.12.' },
      { source: ' SOTKANET ', code: '186 ' },
    ];
    const made = (
      await demo.server.gql(
        `mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { ${INDICATORS} } }`,
        {
          input: {
            title: unique('Indikaattorit'),
            targetGroups: [],
            themeCodes: [],
            municipalityIds: [party(JKL)],
            indicators: sent,
          },
        },
        { token: demo.token.jyvaskyla },
      )
    ).data!.createServiceNeed;
    // Before: all four were stored, and the need showed Väkiluku twice.
    expect(made.indicators).toEqual([
      { source: 'SOTKANET', code: '127', label: 'Väkiluku' },
      { source: 'SOTKANET', code: '186', label: null },
    ]);
    const updated = await demo.server.gql(
      `mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) { updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { ${INDICATORS} } }`,
      {
        id: made.id,
        v: made.version,
        input: {
          indicators: [
            { source: 'SOTKANET', code: '127' },
            { source: 'SOTKANET', code: '127' },
            { source: 'THL', code: '127' },
          ],
        },
      },
      { token: demo.token.jyvaskyla },
    );
    expect(updated.errors, JSON.stringify(updated.errors)).toBeUndefined();
    const kept = [
      { source: 'SOTKANET', code: '127', label: null },
      { source: 'THL', code: '127', label: null },
    ];
    expect(updated.data!.updateServiceNeed.indicators).toEqual(kept);
    // The recorded change holds what was stored, not what was sent.
    const change = updated.data!.updateServiceNeed.history.at(-1);
    expect(change.changedFields).toEqual(['indicators']);
    expect(change.after.indicators.map((i: { source: string; code: string }) => [i.source, i.code])).toEqual([
      ['SOTKANET', '127'],
      ['THL', '127'],
    ]);
  });
});

describe('who may read', () => {
  it('lets a member of the owner body read, and answers null to a representative of a party not concerned', async () => {
    const body = await makeBody([['laukaa@demo.local', 'MEMBER']]);
    const need = await makeNeed({ ownerBodyId: body });
    expect((await get(need.id, demo.token.laukaa)).id).toBe(need.id);
    const other = await demo.server.gql(GET, { id: need.id }, { token: demo.token.jyvaskyla });
    expect(other.errors).toBeUndefined();
    expect(other.data!.serviceNeed).toBeNull();
  });

  it('lets a representative of a municipality concerned read, and an analyst read everything', async () => {
    const need = await makeNeed({ municipalityIds: [party(JKL)] });
    expect((await get(need.id, demo.token.jyvaskyla)).id).toBe(need.id);
    expect((await get(need.id, demo.token.analyst)).id).toBe(need.id);
    expect(await get(need.id, demo.token.laukaa)).toBeNull();
  });

  it('lets a party with a responsibility read, and lists only what the caller may see', async () => {
    const tag = unique('lista');
    const seen = await makeNeed({ title: `${tag} a` });
    await makeNeed({ title: `${tag} b` });
    await demo.server.gql(SET_RESP, { needId: seen.id, partyId: party(LAUKAA), role: 'INFORMED' }, { token: demo.token.admin });
    const mine = await demo.server.gql(LIST, { filter: { text: tag } }, { token: demo.token.laukaa });
    expect(mine.data!.serviceNeeds.totalCount).toBe(1);
    expect(mine.data!.serviceNeeds.edges[0].node.id).toBe(seen.id);
    const all = await demo.server.gql(LIST, { filter: { text: tag } }, { token: demo.token.analyst });
    expect(all.data!.serviceNeeds.totalCount).toBe(2);
  });

  it('refuses anonymous callers', async () => {
    const r = await demo.server.gql(LIST, {});
    expect(failure(r).code).toBe('UNAUTHENTICATED');
  });
});

describe('who may edit', () => {
  it("lets the owner body's chair edit and change the status, and refuses an ordinary member", async () => {
    const body = await makeBody([
      ['jyvaskyla@demo.local', 'CHAIR'],
      ['hyvinvointialue@demo.local', 'MEMBER'],
    ]);
    const need = await makeNeed({ ownerBodyId: body });
    const asChair = await get(need.id, demo.token.jyvaskyla);
    expect(asChair.viewerCan.edit).toBe(true);
    const ok = await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'UNDER_ANALYSIS' }, { token: demo.token.jyvaskyla });
    expect(ok.errors).toBeUndefined();
    const asMember = await get(need.id, demo.token.county);
    expect(asMember).toMatchObject({ viewerCan: { edit: false, comment: true }, allowedTransitions: [] });
    const refused = await demo.server.gql(UPDATE, { id: need.id, v: 2, input: { title: 'x' } }, { token: demo.token.county });
    expect(failure(refused).code).toBe('FORBIDDEN');
  });

  it('lets the LEAD party edit, and refuses a CONTRIBUTOR', async () => {
    const need = await makeNeed({ municipalityIds: [party(JKL), party(LAUKAA)] });
    await demo.server.gql(SET_RESP, { needId: need.id, partyId: party(JKL), role: 'LEAD' }, { token: demo.token.admin });
    await demo.server.gql(
      SET_RESP,
      { needId: need.id, partyId: party(LAUKAA), role: 'CONTRIBUTOR' },
      { token: demo.token.admin },
    );
    const ok = await demo.server.gql(UPDATE, { id: need.id, v: 1, input: { priority: 'HIGH' } }, { token: demo.token.jyvaskyla });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateServiceNeed.provenance.find((p: any) => p.field === 'priority')).toMatchObject({
      party: { code: JKL },
    });
    const refused = await demo.server.gql(
      UPDATE,
      { id: need.id, v: 2, input: { priority: 'LOW' } },
      { token: demo.token.laukaa },
    );
    expect(failure(refused).code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND, not FORBIDDEN, to an edit of a need the caller may not see', async () => {
    const need = await makeNeed();
    const r = await demo.server.gql(UPDATE, { id: need.id, v: 1, input: { title: 'x' } }, { token: demo.token.laukaa });
    expect(failure(r).code).toBe('NOT_FOUND');
  });
});

describe('responsibilities', () => {
  it('lets a party concerned set its own part, and shows the gap until there is a lead', async () => {
    const need = await makeNeed({ partyIds: [party(COUNTY)] });
    expect(need.hasGap).toBe(true);
    const r = await demo.server.gql(
      SET_RESP,
      { needId: need.id, partyId: party(COUNTY), role: 'CONTRIBUTOR', d: 'Kuntoutus' },
      { token: demo.token.county },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.setResponsibility.responsibilities).toEqual([{ role: 'CONTRIBUTOR', party: { code: COUNTY } }]);
    const lead = await demo.server.gql(
      SET_RESP,
      { needId: need.id, partyId: party(JAMSA), role: 'LEAD' },
      { token: demo.token.admin },
    );
    expect(lead.data!.setResponsibility.responsibilities[0]).toEqual({ role: 'LEAD', party: { code: JAMSA } });
    expect((await get(need.id, demo.token.admin)).hasGap).toBe(false);
  });

  it("refuses a party making itself LEAD, and setting another party's part", async () => {
    const need = await makeNeed({ partyIds: [party(COUNTY)], municipalityIds: [party(LAUKAA)] });
    const lead = await demo.server.gql(
      SET_RESP,
      { needId: need.id, partyId: party(COUNTY), role: 'LEAD' },
      { token: demo.token.county },
    );
    expect(failure(lead).code).toBe('FORBIDDEN');
    const other = await demo.server.gql(
      SET_RESP,
      { needId: need.id, partyId: party(COUNTY), role: 'INFORMED' },
      { token: demo.token.laukaa },
    );
    expect(failure(other).code).toBe('FORBIDDEN');
  });
});

describe('actions', () => {
  it('lets a party add and update its own action, with conflicts on a stale version', async () => {
    const need = await makeNeed({ municipalityIds: [party(LAUKAA)] });
    const a = await demo.server.gql(
      CREATE_ACTION,
      { input: { needId: need.id, title: 'Tilat', ownerPartyId: party(LAUKAA), dueDate: '2020-01-01' } },
      { token: demo.token.laukaa },
    );
    expect(a.errors).toBeUndefined();
    expect(a.data!.createAction).toMatchObject({ status: 'PLANNED', version: 1, overdue: true, viewerCanUpdate: true });
    const id = a.data!.createAction.id;
    const done = await demo.server.gql(UPDATE_ACTION, { id, v: 1, input: { status: 'DONE' } }, { token: demo.token.laukaa });
    expect(done.data!.updateAction).toMatchObject({ status: 'DONE', version: 2 });
    const stale = await demo.server.gql(
      UPDATE_ACTION,
      { id, v: 1, input: { status: 'CANCELLED' } },
      { token: demo.token.laukaa },
    );
    expect(failure(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const list = await demo.server.gql(
      'query ($p: ID!) { partyActions(partyId: $p) { id overdue } }',
      { p: party(LAUKAA) },
      { token: demo.token.laukaa },
    );
    expect(list.data!.partyActions).toContainEqual({ id, overdue: false });
  });

  it('leaves an action as it is when every field sent holds what is stored: same version, no event', async () => {
    const need = await makeNeed({ municipalityIds: [party(LAUKAA)] });
    const input = { title: 'Sama', description: null, dueDate: '2030-05-31', ownerPartyId: party(LAUKAA) };
    const a = await demo.server.gql(CREATE_ACTION, { input: { needId: need.id, ...input } }, { token: demo.token.laukaa });
    const id = a.data!.createAction.id;
    const same = await demo.server.gql(
      UPDATE_ACTION,
      { id, v: 1, input: { ...input, status: 'PLANNED' } },
      { token: demo.token.laukaa },
    );
    // Before: version 2 and an action.updated event for nothing.
    expect(same.data!.updateAction).toMatchObject({ status: 'PLANNED', version: 1 });
    const stale = await demo.server.gql(UPDATE_ACTION, { id, v: 3, input: { title: 'Sama' } }, { token: demo.token.laukaa });
    expect(failure(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const done = await demo.server.gql(UPDATE_ACTION, { id, v: 1, input: { status: 'DONE' } }, { token: demo.token.laukaa });
    expect(done.data!.updateAction).toMatchObject({ status: 'DONE', version: 2 });
    const events = await changesOf(
      id,
      (edges) => edges.some((e: any) => e.node.after?.status === 'DONE'),
      'the real change in the stream',
    );
    expect(events.data!.changes.edges.map((e: any) => [e.node.name, e.node.after.status])).toEqual([
      ['action.created', 'PLANNED'],
      ['action.updated', 'DONE'],
    ]);
  });

  it("refuses a party adding an action for another party, and updating another party's action", async () => {
    const need = await makeNeed({ municipalityIds: [party(LAUKAA), party(JKL)] });
    const forOther = await demo.server.gql(
      CREATE_ACTION,
      { input: { needId: need.id, title: 'x', ownerPartyId: party(JKL) } },
      { token: demo.token.laukaa },
    );
    expect(failure(forOther).code).toBe('FORBIDDEN');
    const a = await demo.server.gql(
      CREATE_ACTION,
      { input: { needId: need.id, title: 'Laukaan oma', ownerPartyId: party(LAUKAA) } },
      { token: demo.token.laukaa },
    );
    const other = await demo.server.gql(
      UPDATE_ACTION,
      { id: a.data!.createAction.id, v: 1, input: { status: 'DONE' } },
      { token: demo.token.jyvaskyla },
    );
    expect(failure(other).code).toBe('FORBIDDEN');
  });

  it('makes the owner of an action a CONTRIBUTOR when it was not yet concerned', async () => {
    const need = await makeNeed();
    await demo.server.gql(
      CREATE_ACTION,
      { input: { needId: need.id, title: 'Kysy Laukaalta', ownerPartyId: party(LAUKAA) } },
      { token: demo.token.admin },
    );
    const asLaukaa = await get(need.id, demo.token.laukaa);
    expect(asLaukaa.responsibilities).toEqual([{ role: 'CONTRIBUTOR', description: null, party: { code: LAUKAA } }]);
  });
});

describe('comments', () => {
  it('lets readers comment, shows authors to them, and hides authors from analysts', async () => {
    const need = await makeNeed({ municipalityIds: [party(JKL)] });
    const c = await demo.server.gql(COMMENT, { needId: need.id, body: 'Hyvä huomio' }, { token: demo.token.jyvaskyla });
    expect(c.data!.addNeedComment.author.email).toBe('jyvaskyla@demo.local');
    expect((await get(need.id, demo.token.admin)).comments).toEqual([
      { body: 'Hyvä huomio', author: { email: 'jyvaskyla@demo.local' }, party: { code: JKL } },
    ]);
    const asAnalyst = await get(need.id, demo.token.analyst);
    expect(asAnalyst.comments).toEqual([{ body: 'Hyvä huomio', author: null, party: null }]);
    expect(asAnalyst.history.find((h: any) => h.name === 'comment.added')).toMatchObject({ actor: null, party: null });
  });

  it('refuses an analyst commenting, and a representative of a party not concerned', async () => {
    const need = await makeNeed({ municipalityIds: [party(JKL)] });
    expect(failure(await demo.server.gql(COMMENT, { needId: need.id, body: 'x' }, { token: demo.token.analyst })).code).toBe(
      'FORBIDDEN',
    );
    expect(failure(await demo.server.gql(COMMENT, { needId: need.id, body: 'x' }, { token: demo.token.laukaa })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lists in a past view the comments written by then, hiding their authors from analysts as now', async () => {
    const need = await makeNeed({ municipalityIds: [party(JKL)] });
    await demo.server.gql(COMMENT, { needId: need.id, body: 'Ensin' }, { token: demo.token.jyvaskyla });
    const between = await instantBetween();
    await demo.server.gql(COMMENT, { needId: need.id, body: 'Myöhemmin' }, { token: demo.token.jyvaskyla });
    expect((await get(need.id, demo.token.admin, between)).comments).toEqual([
      { body: 'Ensin', author: { email: 'jyvaskyla@demo.local' }, party: { code: JKL } },
    ]);
    expect((await get(need.id, demo.token.analyst, between)).comments).toEqual([{ body: 'Ensin', author: null, party: null }]);
  });
});

describe('small counts of residents', () => {
  it('are stored but never returned: not in the record, a list, asOf or the history', async () => {
    const tag = unique('pieni');
    const need = await makeNeed({ title: tag, estimatedResidents: 3 });
    expect(need.estimatedResidents).toBeNull();
    const list = await demo.server.gql(LIST, { filter: { text: tag } }, { token: demo.token.admin });
    expect(list.data!.serviceNeeds.edges[0].node.estimatedResidents).toBeNull();
    const before = await instantBetween();
    const up = await demo.server.gql(
      UPDATE,
      { id: need.id, v: 1, input: { estimatedResidents: 40 } },
      { token: demo.token.admin },
    );
    expect(up.data!.updateServiceNeed.estimatedResidents).toBe(40);
    expect((await get(need.id, demo.token.admin, before)).estimatedResidents).toBeNull();
    const history = (await get(need.id, demo.token.analyst)).history;
    const json = JSON.stringify(history);
    expect(json).not.toContain('"estimatedResidents":3');
    expect(history[0].after.estimatedResidents).toBeNull();
    expect(history.at(-1).before.estimatedResidents).toBeNull();
    expect(history.at(-1).after.estimatedResidents).toBe(40);
    const down = await demo.server.gql(
      UPDATE,
      { id: need.id, v: 2, input: { estimatedResidents: 4 } },
      { token: demo.token.admin },
    );
    expect(down.data!.updateServiceNeed.estimatedResidents).toBeNull();
    // All three writes, once the stream shows them (a write waits there for every older transaction to end).
    const changes = await eventually(
      () =>
        demo.server.gql(
          'query ($id: ID) { changes(entityId: $id, first: 100) { edges { node { after } } } }',
          { id: need.id },
          { token: demo.token.admin },
        ),
      (r) => (r.data?.changes.edges.length ?? 0) >= 3,
      10_000,
      "the need's three events",
    );
    expect(changes.errors).toBeUndefined();
    expect(JSON.stringify(changes.data)).not.toMatch(/"estimatedResidents":[34]\b/);
  });
});

describe('history and asOf', () => {
  it('rebuilds the need as it stood, and is null before it existed', async () => {
    const beforeCreation = new Date(Date.now() - 60_000).toISOString();
    const need = await makeNeed({ title: 'Alkuperäinen' });
    await demo.server.gql(SET_RESP, { needId: need.id, partyId: party(JAMSA), role: 'LEAD' }, { token: demo.token.admin });
    const between = await instantBetween();
    await demo.server.gql(UPDATE, { id: need.id, v: 1, input: { title: 'Muutettu' } }, { token: demo.token.admin });
    await demo.server.gql(SET_RESP, { needId: need.id, partyId: party(JAMSA), role: 'CONTRIBUTOR' }, { token: demo.token.admin });
    const past = await get(need.id, demo.token.admin, between);
    expect(past).toMatchObject({
      title: 'Alkuperäinen',
      version: 1,
      asOf: expect.any(String),
      responsibilities: [{ role: 'LEAD' }],
      allowedTransitions: [],
    });
    expect(await get(need.id, demo.token.admin, beforeCreation)).toBeNull();
    const now = await get(need.id, demo.token.admin);
    expect(now.title).toBe('Muutettu');
    const titles = now.history.filter((h: any) => h.name === 'need.updated');
    expect(titles[0]).toMatchObject({
      actor: { email: 'admin@demo.local' },
      changedFields: ['title'],
      before: { title: 'Alkuperäinen' },
      after: { title: 'Muutettu' },
    });
    expect(now.history.map((h: any) => h.name)).toEqual([
      'need.created',
      'responsibility.set',
      'need.updated',
      'responsibility.set',
    ]);
  });
});

describe('the register', () => {
  it('pages with cursors, counts the total and refuses more than 100', async () => {
    const tag = unique('sivu');
    for (let i = 0; i < 5; i++) await makeNeed({ title: `${tag} ${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await demo.server.gql(
        LIST,
        { filter: { text: tag }, first: 2, after, sort: 'TITLE_ASC' },
        { token: demo.token.admin },
      );
      expect(r.data.serviceNeeds.totalCount).toBe(5);
      seen.push(...r.data.serviceNeeds.edges.map((e: any) => e.node.title));
      if (!r.data.serviceNeeds.pageInfo.hasNextPage) break;
      after = r.data.serviceNeeds.pageInfo.endCursor;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${tag} ${i}`));
    const tooMany = await demo.server.gql(LIST, { first: 101 }, { token: demo.token.admin });
    expect(failure(tooMany)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } });
  });

  it('filters by responsible party, priority, status and gaps', async () => {
    const tag = unique('suodin');
    const a = await makeNeed({ title: `${tag} a`, priority: 'HIGH' });
    const b = await makeNeed({ title: `${tag} b`, priority: 'LOW' });
    await demo.server.gql(SET_RESP, { needId: a.id, partyId: party(LAUKAA), role: 'LEAD' }, { token: demo.token.admin });
    const q = async (filter: Record<string, unknown>) =>
      (
        await demo.server.gql(LIST, { filter: { text: tag, ...filter } }, { token: demo.token.admin })
      ).data!.serviceNeeds.edges.map((e: any) => e.node.id);
    expect(await q({ responsiblePartyId: party(LAUKAA) })).toEqual([a.id]);
    expect(await q({ priority: ['LOW'] })).toEqual([b.id]);
    expect(await q({ withoutLead: true })).toEqual([b.id]);
    expect(await q({ status: ['AGREED'] })).toEqual([]);
  });

  it('seeds a demo register that each demo account sees a part of', async () => {
    // Seeded needs only: on a shared PostgreSQL other files add needs that Laukaa or Jyväskylä see.
    const count = async (t: string) => {
      let seeded = 0;
      let after: string | null = null;
      do {
        const page: any = (
          await demo.server.gql(
            'query ($after: String) { serviceNeeds(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { demo } } } }',
            { after },
            { token: t },
          )
        ).data!.serviceNeeds;
        seeded += page.edges.filter((e: any) => e.node.demo).length;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return seeded;
    };
    const [all, laukaa, jkl] = [
      await count(demo.token.analyst),
      await count(demo.token.laukaa),
      await count(demo.token.jyvaskyla),
    ];
    expect(all).toBeGreaterThanOrEqual(15);
    expect(laukaa).toBeGreaterThan(0);
    expect(laukaa).toBeLessThan(all);
    expect(jkl).toBeGreaterThan(laukaa);
  });
});

// Subscriptions stay open until the server stops: closing one while the next starts would race the helper's bus-size check.
describe('live changes', () => {
  it('delivers a status change, an action and a comment to a reader of the need', async () => {
    const need = await makeNeed({ municipalityIds: [party(JKL)] });
    const sub = await subscribe(demo.server, demo.server.ws(demo.token.jyvaskyla), CHANGED, { id: need.id });
    await demo.server.gql(TRANSITION, { id: need.id, v: 1, to: 'UNDER_ANALYSIS' }, { token: demo.token.admin });
    expect((await sub.next()).serviceNeedChanged).toMatchObject({
      kind: 'UPDATED',
      name: 'need.transitioned',
      need: { status: 'UNDER_ANALYSIS' },
      actor: { displayName: expect.any(String) },
    });
    await demo.server.gql(
      CREATE_ACTION,
      { input: { needId: need.id, title: 'Toimi', ownerPartyId: party(JKL) } },
      { token: demo.token.jyvaskyla },
    );
    expect((await sub.next()).serviceNeedChanged).toMatchObject({ name: 'action.created', action: { status: 'PLANNED' } });
    await demo.server.gql(COMMENT, { needId: need.id, body: 'Live' }, { token: demo.token.admin });
    expect((await sub.next()).serviceNeedChanged).toMatchObject({
      name: 'comment.added',
      comment: { body: 'Live', author: { displayName: expect.any(String) } },
    });
  });

  it("carries the line each change adds to the need's history, as the history lists it (analysts: no comment author)", async () => {
    const need = await makeNeed({ municipalityIds: [party(JKL)] });
    const LINE = '{ id name kind changedFields before after actor { displayName } party { code } }';
    const query = `subscription ($id: ID) { serviceNeedChanged(id: $id) {
      name actor { displayName } comment { body author { displayName } party { code } } historyEntry ${LINE} } }`;
    const reader = await subscribe(demo.server, demo.server.ws(demo.token.jyvaskyla), query, { id: need.id });
    const analyst = await subscribe(demo.server, demo.server.ws(demo.token.analyst), query, { id: need.id });
    const HISTORY = `query ($id: ID!) { serviceNeed(id: $id) { history ${LINE} } }`;
    const lastLine = async (as: string) => {
      const r = await demo.server.gql(HISTORY, { id: need.id }, { token: as });
      expect(r.errors).toBeUndefined();
      return r.data!.serviceNeed.history.at(-1);
    };

    await demo.server.gql(UPDATE, { id: need.id, v: 1, input: { title: 'Uusi otsikko' } }, { token: demo.token.admin });
    const updated = (await reader.next()).serviceNeedChanged;
    expect(updated).toMatchObject({ name: 'need.updated', historyEntry: { name: 'need.updated', changedFields: ['title'] } });
    expect(updated.historyEntry).toEqual(await lastLine(demo.token.jyvaskyla));
    const updatedAsAnalyst = (await analyst.next()).serviceNeedChanged;
    expect(updatedAsAnalyst.actor).toEqual({ displayName: expect.any(String) });
    expect(updatedAsAnalyst.historyEntry).toEqual(await lastLine(demo.token.analyst));

    await demo.server.gql(COMMENT, { needId: need.id, body: 'Rivi historiaan' }, { token: demo.token.jyvaskyla });
    const commentedEvent = (await reader.next()).serviceNeedChanged;
    expect(commentedEvent).toMatchObject({
      actor: { displayName: expect.any(String) },
      comment: { body: 'Rivi historiaan', author: { displayName: expect.any(String) }, party: { code: JKL } },
    });
    const commented = commentedEvent.historyEntry;
    expect(commented).toMatchObject({ name: 'comment.added', actor: { displayName: expect.any(String) }, party: { code: JKL } });
    expect(commented).toEqual(await lastLine(demo.token.jyvaskyla));
    const commentedAsAnalyst = (await analyst.next()).serviceNeedChanged;
    expect(commentedAsAnalyst).toMatchObject({ actor: null, comment: { body: 'Rivi historiaan', author: null, party: null } });
    const asAnalyst = commentedAsAnalyst.historyEntry;
    expect(asAnalyst).toMatchObject({ id: commented.id, name: 'comment.added', actor: null, party: null });
    expect(asAnalyst).toEqual(await lastLine(demo.token.analyst));
  });

  it('never sends a non-reader an event about a need they may not see (the first event received is the marker)', async () => {
    const sub = await subscribe(demo.server, demo.server.ws(demo.token.laukaa), CHANGED, {});
    const hidden = await makeNeed();
    await demo.server.gql(UPDATE, { id: hidden.id, v: 1, input: { title: 'Salainen muutos' } }, { token: demo.token.admin });
    await demo.server.gql(COMMENT, { needId: hidden.id, body: 'Salainen' }, { token: demo.token.admin });
    const marker = await makeNeed({ municipalityIds: [party(LAUKAA)] });
    const { match, before } = await nextWhere(sub, (e: any) => e.serviceNeedChanged?.need?.id === marker.id);
    expect(match.serviceNeedChanged).toMatchObject({ kind: 'CREATED', name: 'need.created', need: { id: marker.id } });
    // Other files' needs may pass by; nothing about the hidden one may.
    expect(JSON.stringify(before)).not.toContain(hidden.id);
    expect(sub.errors).toEqual([]);
  });

  it("refuses a subscription to one need the subscriber may not see, and lets a reader's start", async () => {
    const hidden = await makeNeed();
    const sub = await subscribe(demo.server, demo.server.ws(demo.token.laukaa), CHANGED, { id: hidden.id });
    await waitFor(() => sub.errors.length > 0, 5_000, 'the subscription to be refused');
    expect(JSON.stringify(sub.errors)).toContain('NOT_FOUND');
    const visible = await makeNeed({ municipalityIds: [party(LAUKAA)] });
    const ok = await subscribe(demo.server, demo.server.ws(demo.token.laukaa), CHANGED, { id: visible.id });
    expect(ok.errors).toEqual([]);
  });

  it('stops delivering when the subscriber loses the right to read, and hides small counts in events', async () => {
    const need = await makeNeed({ partyIds: [party(COUNTY)], estimatedResidents: 2 });
    const sub = await subscribe(demo.server, demo.server.ws(demo.token.county), CHANGED, {});
    await demo.server.gql(UPDATE, { id: need.id, v: 1, input: { title: 'Ensin näkyvä' } }, { token: demo.token.admin });
    const visible = await nextWhere(sub, (e: any) => e.serviceNeedChanged?.need?.id === need.id);
    expect(visible.match.serviceNeedChanged).toMatchObject({
      need: { id: need.id, title: 'Ensin näkyvä', estimatedResidents: null },
    });
    await demo.server.gql(UPDATE, { id: need.id, v: 2, input: { partyIds: [] } }, { token: demo.token.admin });
    await demo.server.gql(UPDATE, { id: need.id, v: 3, input: { title: 'Ei enää näkyvä' } }, { token: demo.token.admin });
    const marker = await makeNeed({ partyIds: [party(COUNTY)] });
    const { before } = await nextWhere(sub, (e: any) => e.serviceNeedChanged?.need?.id === marker.id);
    expect(JSON.stringify(before)).not.toContain(need.id);
  });
});
