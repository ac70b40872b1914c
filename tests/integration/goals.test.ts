import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { eventually, startServer, subscribe, unique, type TestServer } from './helpers.js';

let server: TestServer;
let token: Record<'admin' | 'jyvaskyla' | 'county' | 'analyst', string>;
let demo: factory.Region;
/** This file's own indicator: codes unique per run, so parallel files on one PostgreSQL do not meet. */
const code = `G${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let indicatorId = '';
let agreementId = '';

const failure = (r: { errors?: { extensions?: Record<string, any> }[] }) => ({
  code: r.errors?.[0]?.extensions?.code,
  fields: r.errors?.[0]?.extensions?.fields,
  currentVersion: r.errors?.[0]?.extensions?.currentVersion,
});

// Three hooks, each with its own time budget: starting and seeding the server is the slow part on a busy machine.
beforeAll(async () => {
  server = await startServer();
});
beforeAll(async () => {
  token = await factory.loginDemo(server, 'admin', 'jyvaskyla', 'county', 'analyst');
});
beforeAll(async () => {
  demo = await factory.region(server);
  // Values for Jyväskylä 2020–2024; nothing for Laukaa (410).
  const csv = [
    'Indikaattori ID;Indikaattori;Alue ID;Alue;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo',
    ...[
      [2020, '10'],
      [2021, '10'],
      [2022, '9,5'],
      [2023, '9'],
      [2024, '8,5'],
    ].map(([year, value]) => `${code};Tavoitetesti;179;Jyväskylä;${year};yhteensä;${value};`),
  ].join('\n');
  const imported = await server.gql(
    'mutation ($csv: String!) { importIndicatorValues(csv: $csv) { imported indicators { id } } }',
    { csv },
    { token: token.admin },
  );
  expect(imported.errors).toBeUndefined();
  indicatorId = imported.data!.importIndicatorValues.indicators[0].id;
  const agreement = await factory.makeAgreement(server, token.admin, {
    titles: { fi: unique('Tavoitesopimus') },
    type: 'STRATEGIC_COOPERATION',
    partyIds: [party('179'), party('15')],
  });
  agreementId = agreement.id;
});
afterAll(() => server?.stop());

const party = (c: string) => demo.party(c);

const GOAL_FIELDS = `id title description version ownerParty { code } ownerBody { id } measures { id } needs { id } actions { id status }
  progress { share status measures measuresWithData measuresReached actions actionsDone }`;
const CREATE = `mutation ($a: ID!, $input: AgreementGoalInput!) { createAgreementGoal(agreementId: $a, input: $input) { ${GOAL_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateAgreementGoalInput!) { updateAgreementGoal(id: $id, expectedVersion: $v, input: $input) { ${GOAL_FIELDS} } }`;
const MEASURE_FIELDS =
  'id version baselineYear baselineValue storedBaselineValue targetYear targetValue latest { year value } progress status party { code } indicator { id }';
const ADD_MEASURE = `mutation ($g: ID!, $input: GoalMeasureInput!) { addGoalMeasure(goalId: $g, input: $input) { ${MEASURE_FIELDS} } }`;
const UPDATE_MEASURE = `mutation ($id: ID!, $v: Int!, $input: UpdateGoalMeasureInput!) { updateGoalMeasure(id: $id, expectedVersion: $v, input: $input) { ${MEASURE_FIELDS} } }`;
const GOAL = `query ($id: ID!) { agreementGoal(id: $id) { ${GOAL_FIELDS} } }`;

async function makeGoal(input: Record<string, unknown> = {}) {
  const r = await server.gql(CREATE, { a: agreementId, input: { title: unique('Tavoite'), ...input } }, { token: token.admin });
  expect(r.errors).toBeUndefined();
  return r.data!.createAgreementGoal;
}

async function addMeasure(goalId: string, input: Record<string, unknown>) {
  const r = await server.gql(
    ADD_MEASURE,
    { g: goalId, input: { indicatorId, partyId: party('179'), baselineYear: 2021, targetYear: 2027, ...input } },
    { token: token.admin },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.addGoalMeasure;
}

describe('goal CRUD and rights', () => {
  it('lets the secretariat create, update and delete a goal, recording each change in the audit stream', async () => {
    const goal = await makeGoal({ description: 'Kuvaus', ownerPartyId: party('179') });
    expect(goal).toMatchObject({
      version: 1,
      ownerParty: { code: '179' },
      progress: { status: 'NO_DATA', share: null, measures: 0 },
    });
    const updated = await server.gql(
      UPDATE,
      { id: goal.id, v: 1, input: { title: 'Uusi nimi', ownerPartyId: null } },
      { token: token.admin },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateAgreementGoal).toMatchObject({
      title: 'Uusi nimi',
      ownerParty: null,
      description: 'Kuvaus',
      version: 2,
    });
    const stale = await server.gql(UPDATE, { id: goal.id, v: 1, input: { title: 'Vanha' } }, { token: token.admin });
    expect(failure(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const listed = await server.gql(
      'query ($a: ID!) { agreement(id: $a) { goals { id } } }',
      { a: agreementId },
      { token: token.analyst },
    );
    expect(listed.data!.agreement.goals.map((g: any) => g.id)).toContain(goal.id);
    const deleted = await server.gql(
      'mutation ($id: ID!, $v: Int!) { deleteAgreementGoal(id: $id, expectedVersion: $v) }',
      { id: goal.id, v: 2 },
      { token: token.admin },
    );
    expect(deleted.data!.deleteAgreementGoal).toBe(goal.id);
    expect((await server.gql(GOAL, { id: goal.id }, { token: token.admin })).data!.agreementGoal).toBeNull();
    const events = await eventually(
      () =>
        server.gql(
          'query ($id: ID) { changes(entityType: "agreement_goal", entityId: $id) { edges { node { name kind } } } }',
          { id: goal.id },
          { token: token.analyst },
        ),
      (r) => r.data?.changes.edges.length === 3,
      10_000,
      'three goal events',
    );
    expect(events.data!.changes.edges.map((e: any) => e.node.name)).toEqual([
      'agreement_goal.created',
      'agreement_goal.updated',
      'agreement_goal.deleted',
    ]);
  });

  it('refuses goals and measures to representatives and analysts, and to anonymous callers', async () => {
    for (const who of [token.jyvaskyla, token.analyst]) {
      const r = await server.gql(CREATE, { a: agreementId, input: { title: 'Ei saa' } }, { token: who });
      expect(failure(r).code).toBe('FORBIDDEN');
    }
    expect(failure(await server.gql(CREATE, { a: agreementId, input: { title: 'Ei saa' } })).code).toBe('UNAUTHENTICATED');
    const goal = await makeGoal();
    const r = await server.gql(
      ADD_MEASURE,
      { g: goal.id, input: { indicatorId, partyId: party('179'), baselineYear: 2021, targetYear: 2027, targetValue: 1 } },
      { token: token.county },
    );
    expect(failure(r).code).toBe('FORBIDDEN');
  });

  it('refuses bad input with the field named', async () => {
    expect(failure(await server.gql(CREATE, { a: agreementId, input: { title: '  ' } }, { token: token.admin }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'input.title': expect.any(String) },
    });
    const noParty = await server.gql(
      CREATE,
      { a: agreementId, input: { title: 'X', ownerPartyId: '00000000-0000-4000-8000-000000000000' } },
      { token: token.admin },
    );
    expect(failure(noParty)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.ownerPartyId': 'No such party' } });
    const noAgreement = await server.gql(
      CREATE,
      { a: '00000000-0000-4000-8000-000000000000', input: { title: 'X' } },
      { token: token.admin },
    );
    expect(failure(noAgreement).code).toBe('NOT_FOUND');
    const goal = await makeGoal();
    const backwards = await server.gql(
      ADD_MEASURE,
      { g: goal.id, input: { indicatorId, partyId: party('179'), baselineYear: 2024, targetYear: 2021, targetValue: 1 } },
      { token: token.admin },
    );
    expect(failure(backwards)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.targetYear': expect.any(String) } });
    await addMeasure(goal.id, { targetValue: 8 });
    const twin = await server.gql(
      ADD_MEASURE,
      { g: goal.id, input: { indicatorId, partyId: party('179'), baselineYear: 2022, targetYear: 2027, targetValue: 7 } },
      { token: token.admin },
    );
    expect(failure(twin)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.indicatorId': expect.any(String) } });
  });

  it('links needs and actions, and counts the actions in the progress', async () => {
    const { id: needId } = await factory.makeNeed(server, token.admin, { themeCodes: [], municipalityIds: [party('179')] });
    const action = (title: string) => factory.makeAction(server, token.admin, { needId, title, ownerPartyId: party('179') });
    const a1 = await action('Eka');
    const a2 = await action('Toka');
    const goal = await makeGoal({ needIds: [needId], actionIds: [a1.id, a2.id] });
    expect(goal.needs).toEqual([{ id: needId }]);
    expect(goal.progress).toMatchObject({ status: 'IN_PROGRESS', share: 0, actions: 2, actionsDone: 0 });
    const done = await server.gql(
      'mutation ($id: ID!, $v: Int!) { updateAction(id: $id, expectedVersion: $v, input: { status: DONE }) { status } }',
      { id: a1.id, v: a1.version },
      { token: token.admin },
    );
    expect(done.errors).toBeUndefined();
    const after = (await server.gql(GOAL, { id: goal.id }, { token: token.admin })).data!.agreementGoal;
    expect(after.progress).toMatchObject({ share: 0.5, actions: 2, actionsDone: 1 });
    // Laukaa's representative does not see the need, so neither its link nor its actions; the progress is the same.
    const laukaa = await server.login('laukaa@demo.local');
    const seen = (await server.gql(GOAL, { id: goal.id }, { token: laukaa })).data!.agreementGoal;
    expect(seen).toMatchObject({ needs: [], actions: [], progress: { share: 0.5 } });
    const badLink = await server.gql(
      CREATE,
      { a: agreementId, input: { title: 'X', actionIds: ['00000000-0000-4000-8000-000000000000'] } },
      { token: token.admin },
    );
    expect(failure(badLink)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.actionIds': 'No such action' } });
  });
});

describe('audit of edits', () => {
  /** The keys whose values differ between an event's before and after. */
  const changedKeys = (node: { before: Record<string, unknown>; after: Record<string, unknown> }) =>
    [...new Set([...Object.keys(node.before), ...Object.keys(node.after)])]
      .filter((k) => JSON.stringify(node.before[k]) !== JSON.stringify(node.after[k]))
      .sort();
  const lastEvent = async (entityType: string, id: string, name: string) =>
    (
      await eventually(
        () =>
          server.gql(
            'query ($t: String, $id: ID) { changes(entityType: $t, entityId: $id, order: NEWEST_FIRST, first: 1) { edges { node { name before after } } } }',
            { t: entityType, id },
            { token: token.admin },
          ),
        (r) => r.data?.changes.edges[0]?.node.name === name,
        10_000,
        name,
      )
    ).data!.changes.edges[0].node;

  it('records only the description when a goal edit changes only that (the links sent as they were)', async () => {
    const { id: needId } = await factory.makeNeed(server, token.admin, { themeCodes: [], municipalityIds: [party('179')] });
    const actions = await Promise.all(
      ['Yksi', 'Kaksi', 'Kolme'].map((title) =>
        factory.makeAction(server, token.admin, { needId, title, ownerPartyId: party('179') }),
      ),
    );
    const actionIds = actions.map((a) => a.id);
    const goal = await makeGoal({ description: 'Vanha', needIds: [needId], actionIds });
    // As the goal form sends it: every field, the links unchanged (in another order).
    const updated = await server.gql(
      UPDATE,
      {
        id: goal.id,
        v: goal.version,
        input: { title: goal.title, description: 'Uusi kuvaus', needIds: [needId], actionIds: [...actionIds].reverse() },
      },
      { token: token.admin },
    );
    expect(updated.errors).toBeUndefined();
    const node = await lastEvent('agreement_goal', goal.id, 'agreement_goal.updated');
    expect(changedKeys(node)).toEqual(['description', 'version']);
    expect(node.before.actionIds).toEqual([...actionIds].sort());
    // Changed links do show.
    const relinked = await server.gql(
      UPDATE,
      { id: goal.id, v: updated.data!.updateAgreementGoal.version, input: { actionIds: [actionIds[0]] } },
      { token: token.admin },
    );
    expect(relinked.errors).toBeUndefined();
    const next = await lastEvent('agreement_goal', goal.id, 'agreement_goal.updated');
    expect(next.after.version).toBe(goal.version + 2);
    expect(changedKeys(next)).toEqual(['actionIds', 'version']);
  });

  it("keeps a measure's baseline the imported one when an edit changes only the target", async () => {
    const goal = await makeGoal();
    const m = await addMeasure(goal.id, { targetValue: 8 });
    expect(m).toMatchObject({ baselineValue: 10, storedBaselineValue: null });
    // As the measure form sends an edit of the target alone: the baseline field as it started, empty.
    const saved = await server.gql(
      UPDATE_MEASURE,
      {
        id: m.id,
        v: m.version,
        input: {
          indicatorId,
          partyId: party('179'),
          baselineYear: 2021,
          baselineValue: null,
          targetYear: 2027,
          targetValue: 7.5,
          note: null,
        },
      },
      { token: token.admin },
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateGoalMeasure).toMatchObject({ baselineValue: 10, storedBaselineValue: null, targetValue: 7.5 });
    const node = await lastEvent('goal_measure', m.id, 'goal_measure.updated');
    expect(changedKeys(node)).toEqual(['targetValue', 'version']);
  });
});

describe('progress', () => {
  it('has no data while the indicator has no value for the measured party', async () => {
    const goal = await makeGoal();
    const m = await addMeasure(goal.id, { partyId: party('410'), baselineValue: 10, targetValue: 8 });
    expect(m).toMatchObject({ latest: null, progress: null, status: 'NO_DATA', baselineValue: 10 });
    expect((await server.gql(GOAL, { id: goal.id }, { token: token.analyst })).data!.agreementGoal.progress).toMatchObject({
      status: 'NO_DATA',
      share: null,
      measures: 1,
      measuresWithData: 0,
    });
  });

  it('measures from the imported baseline towards a lower target, and changes with a measure update', async () => {
    const goal = await makeGoal();
    const m = await addMeasure(goal.id, { targetValue: 8 });
    // Baseline 10 (imported for 2021), newest 8.5 (2024): three quarters of the way to 8.
    expect(m).toMatchObject({ baselineValue: 10, latest: { year: 2024, value: 8.5 }, status: 'IN_PROGRESS' });
    expect(m.progress).toBeCloseTo(0.75);
    const reached = await server.gql(
      UPDATE_MEASURE,
      { id: m.id, v: m.version, input: { targetValue: 8.5 } },
      { token: token.admin },
    );
    expect(reached.data!.updateGoalMeasure).toMatchObject({ progress: 1, status: 'REACHED', version: 2 });
    const stale = await server.gql(UPDATE_MEASURE, { id: m.id, v: 1, input: { targetValue: 7 } }, { token: token.admin });
    expect(failure(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const g = (await server.gql(GOAL, { id: goal.id }, { token: token.admin })).data!.agreementGoal;
    expect(g.progress).toMatchObject({ status: 'REACHED', share: 1, measuresReached: 1 });
  });

  it('holds the level when the target equals the baseline', async () => {
    const goal = await makeGoal();
    const held = await addMeasure(goal.id, { baselineValue: 8.5, targetValue: 8.5 });
    expect(held).toMatchObject({ progress: 1, status: 'REACHED' });
    const other = await makeGoal();
    const missed = await addMeasure(other.id, { baselineValue: 10, targetValue: 10 });
    expect(missed).toMatchObject({ progress: 0, status: 'IN_PROGRESS' });
  });

  it('removes a measure and answers the goal without it', async () => {
    const goal = await makeGoal();
    const m = await addMeasure(goal.id, { targetValue: 9 });
    const r = await server.gql(
      'mutation ($id: ID!, $v: Int!) { removeGoalMeasure(id: $id, expectedVersion: $v) { measures { id } progress { status } } }',
      { id: m.id, v: m.version },
      { token: token.admin },
    );
    expect(r.data!.removeGoalMeasure).toEqual({ measures: [], progress: { status: 'NO_DATA' } });
  });

  it('tells subscribers of the agreement about goal and measure changes', async () => {
    const sub = await subscribe(
      server,
      server.ws(token.analyst),
      'subscription ($a: ID) { agreementGoalChanged(agreementId: $a) { kind agreementId goalId goal { title progress { status } } measure { id } actor { displayName } } }',
      { a: agreementId },
    );
    const goal = await makeGoal({ title: 'Live-tavoite' });
    expect((await sub.next()).agreementGoalChanged).toMatchObject({
      kind: 'CREATED',
      goalId: goal.id,
      goal: { title: 'Live-tavoite' },
      measure: null,
    });
    const m = await addMeasure(goal.id, { targetValue: 7 });
    expect((await sub.next()).agreementGoalChanged).toMatchObject({
      kind: 'UPDATED',
      goalId: goal.id,
      measure: { id: m.id },
      goal: { progress: { status: 'IN_PROGRESS' } },
    });
    sub.close();
  });
});

describe('follow-up report', () => {
  const REPORT = `query ($g: ID!, $y: Int!) { goalReport(goalId: $g, year: $y) { year progress { share status }
    measures { value { year value } previous { year value } progress expectedProgress status } } }`;

  it('measures each indicator as of the report year, with the year before and the expected pace', async () => {
    const goal = await makeGoal();
    await addMeasure(goal.id, { targetValue: 8, targetYear: 2025 });
    const r = await server.gql(REPORT, { g: goal.id, y: 2022 }, { token: token.analyst });
    expect(r.errors).toBeUndefined();
    const report = r.data!.goalReport;
    expect(report.measures[0]).toMatchObject({
      value: { year: 2022, value: 9.5 },
      previous: { year: 2021, value: 10 },
      status: 'IN_PROGRESS',
    });
    expect(report.measures[0].progress).toBeCloseTo(0.25);
    expect(report.measures[0].expectedProgress).toBeCloseTo(0.25);
    const before = (await server.gql(REPORT, { g: goal.id, y: 2020 }, { token: token.analyst })).data!.goalReport;
    expect(before.measures[0]).toMatchObject({ value: null, status: 'NO_DATA' });
    expect(failure(await server.gql(REPORT, { g: goal.id, y: 1800 }, { token: token.analyst })).code).toBe('BAD_USER_INPUT');
  });

  it('answers the report as a tagged PDF in Finnish, Swedish and English to a signed-in reader only', async () => {
    const goal = await makeGoal({ title: 'PDF-tavoite', description: 'Äö å §' });
    await addMeasure(goal.id, { targetValue: 8 });
    const url = `${server.url}/agreements/${agreementId}/goals/${goal.id}/report.pdf?year=2024`;
    for (const lang of ['fi', 'sv', 'en']) {
      const res = await fetch(`${url}&lang=${lang}`, { headers: { authorization: `Bearer ${token.analyst}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/pdf/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = bytes.toString('latin1');
      expect(text).toContain('/MarkInfo');
      expect(text).toContain('/StructTreeRoot');
      expect(text).toContain(`/Lang (${{ fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[lang]})`);
    }
    expect((await fetch(url)).status).toBe(401);
    const wrongAgreement = await fetch(
      `${server.url}/agreements/00000000-0000-4000-8000-000000000000/goals/${goal.id}/report.pdf`,
      { headers: { authorization: `Bearer ${token.analyst}` } },
    );
    expect(wrongAgreement.status).toBe(404);
    const badYear = await fetch(`${url.replace('year=2024', 'year=abc')}`, {
      headers: { authorization: `Bearer ${token.analyst}` },
    });
    expect(badYear.status).toBe(400);
  });
});

describe('demo goals', () => {
  it('seeds goals with measures for the strategic agreement so that progress shows', async () => {
    const r = await server.gql(
      '{ agreementGoals { title agreement { type } measures { status } progress { status share } } }',
      {},
      { token: token.analyst },
    );
    const demo = r.data!.agreementGoals.filter(
      (g: any) => g.agreement.type === 'STRATEGIC_COOPERATION' && g.measures.length && g.title.startsWith('Iäkkäät'),
    );
    expect(demo).toHaveLength(1);
    expect(demo[0].measures[0].status).toBe('REACHED');
  });
});

describe('ratification record', () => {
  const RECORD = `mutation ($input: RecordRatificationInput!) { recordRatification(input: $input) { decidingBody decisionDate section minutesUrl version } }`;
  const input = (extra: Record<string, unknown>) => ({
    agreementId,
    partyId: party('179'),
    decidingBody: 'Kaupunginvaltuusto',
    decisionDate: '2026-02-02',
    section: '§ 12',
    outcome: 'APPROVED',
    ...extra,
  });

  it("records the party's own decision with a link to its minutes", async () => {
    const r = await server.gql(
      RECORD,
      { input: input({ minutesUrl: ' https://jyvaskyla.fi/poytakirjat/2026/12 ' }) },
      { token: token.jyvaskyla },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordRatification).toMatchObject({
      decidingBody: 'Kaupunginvaltuusto',
      section: '§ 12',
      minutesUrl: 'https://jyvaskyla.fi/poytakirjat/2026/12',
    });
    const events = await eventually(
      () =>
        server.gql(
          'query ($a: ID!) { agreement(id: $a) { ratifications { id party { code } minutesUrl } } }',
          { a: agreementId },
          { token: token.analyst },
        ),
      (x) => x.data?.agreement.ratifications.some((rt: any) => rt.party.code === '179' && rt.minutesUrl),
    );
    const ratification = events.data!.agreement.ratifications.find((rt: any) => rt.party.code === '179');
    const audit = await eventually(
      () =>
        server.gql(
          'query ($id: ID) { changes(entityType: "ratification", entityId: $id) { edges { node { after } } } }',
          { id: ratification.id },
          { token: token.admin },
        ),
      (x) => x.data?.changes.edges.length > 0,
    );
    expect(audit.data!.changes.edges.at(-1).node.after).toMatchObject({ minutesUrl: 'https://jyvaskyla.fi/poytakirjat/2026/12' });
  });

  it('refuses a link that is not http or https, and a record for another party', async () => {
    for (const minutesUrl of ['javascript:alert(1)', 'ftp://example.fi/x', 'poytakirja.pdf', 'file:///etc/passwd']) {
      const r = await server.gql(RECORD, { input: input({ minutesUrl }) }, { token: token.admin });
      expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'input.minutesUrl': expect.any(String) } });
    }
    const other = await server.gql(
      RECORD,
      { input: input({ partyId: party('15'), minutesUrl: 'https://example.fi' }) },
      { token: token.jyvaskyla },
    );
    expect(failure(other).code).toBe('FORBIDDEN');
    const county = await server.gql(
      RECORD,
      { input: input({ partyId: party('15'), minutesUrl: 'http://hyvaks.fi/p/1' }) },
      { token: token.county },
    );
    expect(county.data!.recordRatification.minutesUrl).toBe('http://hyvaks.fi/p/1');
  });
});
