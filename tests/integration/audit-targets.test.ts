import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { typeText } from '../minutes-doc.js';
import * as factory from './factories.js';
import { countStatements, eventually, startDemo, unique } from './helpers.js';

const tag = unique('kohde');

const demo = startDemo({ users: ['analyst', 'laukaa'], region: true });

interface Node {
  name: string;
  entityTitle: string | null;
  belongsTo: { entityType: string; entityId: string; title: string } | null;
  referencedNeeds: { id: string; title: string }[];
  referencedRecords: { entityType: string; entityId: string; title: string }[];
}

/**
 * The events of one record as `token` sees them, newest first, once there are `events` of them (the feed serves a
 * transaction once every older one has ended; other files write to a shared PostgreSQL).
 */
async function eventsOf(entityId: string, token: string, events = 1): Promise<Node[]> {
  const r = await eventually(
    () =>
      demo.server.gql(
        `query ($id: ID) { changes(entityId: $id, first: 10, order: NEWEST_FIRST) { edges { node {
          name entityTitle belongsTo { entityType entityId title } referencedNeeds { id title }
          referencedRecords { entityType entityId title } } } } }`,
        { id: entityId },
        { token },
      ),
    (x) => (x.data?.changes.edges.length ?? 0) >= events,
    10_000,
    `${events} events of ${entityId}`,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.changes.edges.map((e: { node: Node }) => e.node);
}

describe("the audit trail's targets", () => {
  it('names a ratification by its agreement and party, and belongs it to the agreement', async () => {
    const title = `${tag} sopimus`;
    const agreement = await factory.makeAgreement(demo.server, demo.token.admin, { titles: { fi: title, sv: `${title} sv` } });
    const ratification = await demo.server.gql(
      `mutation ($a: ID!, $p: ID!) { recordRatification(input: { agreementId: $a, partyId: $p, decidingBody: "Kunnanvaltuusto",
        decisionDate: "2026-11-02", outcome: APPROVED }) { id } }`,
      { a: agreement.id, p: demo.region.party('410') },
      { token: demo.token.admin },
    );
    expect(ratification.errors).toBeUndefined();
    const [event] = await eventsOf(ratification.data!.recordRatification.id, demo.token.analyst);
    expect(event).toMatchObject({
      name: 'ratification.recorded',
      entityTitle: `${title} · Laukaa`,
      belongsTo: { entityType: 'agreement', entityId: agreement.id, title },
    });
  });

  it('names a membership by its body and person, and belongs it to the body', async () => {
    const bodyName = `${tag} verkosto`;
    const body = await factory.makeBody(demo.server, demo.token.admin, { names: { fi: bodyName } });
    const person = await factory.makePerson(demo.server, demo.token.admin, {
      name: `${tag} Maija Meikäläinen`,
      partyId: demo.region.party('179'),
    });
    const membership = await factory.makeMembership(demo.server, demo.token.admin, {
      bodyId: body.id,
      personId: person.id,
      role: 'MEMBER',
      capacity: 'OFFICE_HOLDER',
    });
    const [event] = await eventsOf(membership.id, demo.token.laukaa);
    expect(event).toMatchObject({
      name: 'membership.added',
      entityTitle: `${bodyName} · ${tag} Maija Meikäläinen`,
      belongsTo: { entityType: 'cooperation_body', entityId: body.id, title: bodyName },
    });
    // The same names when the page asks for nothing that needs the event's snapshots (a list of titles only).
    const titlesOnly = await demo.server.gql(
      'query ($id: ID) { changes(entityId: $id, first: 10) { edges { node { entityTitle belongsTo { title } } } } }',
      { id: membership.id },
      { token: demo.token.laukaa },
    );
    expect(titlesOnly.data?.changes.edges[0]?.node).toEqual({
      entityTitle: `${bodyName} · ${tag} Maija Meikäläinen`,
      belongsTo: { title: bodyName },
    });
  });

  it("names a meeting's minutes by the meeting, and belongs them to it", async () => {
    const body = await factory.makeBody(demo.server, demo.token.admin);
    const title = `${tag} kokous`;
    const meeting = await factory.makeMeeting(demo.server, demo.token.admin, { bodyId: body.id, title }, 'id minutes { id }');
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.once('update', (u: Uint8Array) => (update = u));
    typeText(doc, 'Pöytäkirja');
    const pushed = await demo.server.gql(
      'mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }',
      { d: meeting.minutes.id, u: Buffer.from(update).toString('base64') },
      { token: demo.token.admin },
    );
    expect(pushed.errors).toBeUndefined();
    const [event] = await eventsOf(meeting.minutes.id, demo.token.admin);
    expect(event).toMatchObject({
      name: 'document.updated',
      entityTitle: title,
      belongsTo: { entityType: 'meeting', entityId: meeting.id, title },
    });
  });

  it('lists the needs an event refers to by title, only those the reader may see', async () => {
    const jamsa = await factory.makeNeed(demo.server, demo.token.admin, { title: `${tag} Jämsän tarve` });
    const laukaa = await factory.makeNeed(demo.server, demo.token.admin, {
      title: `${tag} Laukaan tarve`,
      municipalityIds: [demo.region.party('410')],
    });
    const action = await factory.makeAction(demo.server, demo.token.admin, { needId: jamsa.id, title: `${tag} toimi` });
    const [created] = await eventsOf(action.id, demo.token.analyst);
    expect(created).toMatchObject({
      name: 'action.created',
      referencedNeeds: [{ id: jamsa.id, title: `${tag} Jämsän tarve` }],
      belongsTo: { entityType: 'service_need', entityId: jamsa.id, title: `${tag} Jämsän tarve` },
    });

    // A goal is read by everyone signed in; Laukaa's representative may see Laukaa's need, not Jämsä's.
    const agreement = await factory.makeAgreement(demo.server, demo.token.admin);
    const goal = await demo.server.gql(
      'mutation ($a: ID!, $n: [ID!]) { createAgreementGoal(agreementId: $a, input: { title: "Tavoite", needIds: $n }) { id } }',
      { a: agreement.id, n: [jamsa.id, laukaa.id] },
      { token: demo.token.admin },
    );
    expect(goal.errors).toBeUndefined();
    const goalId = goal.data!.createAgreementGoal.id;
    const [asRep] = await eventsOf(goalId, demo.token.laukaa);
    expect(asRep!.referencedNeeds).toEqual([{ id: laukaa.id, title: `${tag} Laukaan tarve` }]);
    const [asAnalyst] = await eventsOf(goalId, demo.token.analyst);
    expect(asAnalyst!.referencedNeeds.map((n) => n.title).sort()).toEqual([`${tag} Jämsän tarve`, `${tag} Laukaan tarve`]);
  });

  it('names the goals, indicators and actions an event refers to, an action only for who may see its need', async () => {
    const need = await factory.makeNeed(demo.server, demo.token.admin, { title: `${tag} Jämsän tarve 2` });
    const action = await factory.makeAction(demo.server, demo.token.admin, { needId: need.id, title: `${tag} toimenpide` });
    const agreement = await factory.makeAgreement(demo.server, demo.token.admin);
    const goal = await demo.server.gql(
      'mutation ($a: ID!, $t: String!, $x: [ID!]) { createAgreementGoal(agreementId: $a, input: { title: $t, actionIds: $x }) { id } }',
      { a: agreement.id, t: `${tag} tavoite`, x: [action.id] },
      { token: demo.token.admin },
    );
    expect(goal.errors).toBeUndefined();
    const goalId: string = goal.data!.createAgreementGoal.id;
    const actionRef = { entityType: 'need_action', entityId: action.id, title: `${tag} toimenpide` };
    const [asAnalyst] = await eventsOf(goalId, demo.token.analyst);
    expect(asAnalyst!.referencedRecords).toEqual([actionRef]);
    // Laukaa's representative reads the goal, but not Jämsä's need, so not its action's title either.
    const [asRep] = await eventsOf(goalId, demo.token.laukaa);
    expect(asRep!.referencedRecords).toEqual([]);

    const code = `A${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const imported = await demo.server.gql(
      'mutation ($csv: String!) { importIndicatorValues(csv: $csv) { indicators { id } } }',
      {
        csv: [
          'Indikaattori ID;Indikaattori;Alue ID;Alue;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo',
          `${code};${tag} indikaattori;179;Jyväskylä;2024;yhteensä;5,5;`,
        ].join('\n'),
      },
      { token: demo.token.admin },
    );
    expect(imported.errors).toBeUndefined();
    const indicatorId: string = imported.data!.importIndicatorValues.indicators[0].id;
    const measure = await demo.server.gql(
      'mutation ($g: ID!, $input: GoalMeasureInput!) { addGoalMeasure(goalId: $g, input: $input) { id } }',
      {
        g: goalId,
        input: { indicatorId, partyId: demo.region.party('179'), baselineYear: 2024, targetYear: 2026, targetValue: 5 },
      },
      { token: demo.token.admin },
    );
    expect(measure.errors).toBeUndefined();
    for (const token of [demo.token.analyst, demo.token.laukaa]) {
      const [added] = await eventsOf(measure.data!.addGoalMeasure.id, token);
      expect(added!.referencedRecords).toEqual(
        expect.arrayContaining([
          { entityType: 'agreement_goal', entityId: goalId, title: `${tag} tavoite` },
          { entityType: 'indicator', entityId: indicatorId, title: `${tag} indikaattori` },
        ]),
      );
    }
  });
});

describe("the audit trail's cost", () => {
  // Its own server on its own database: a count of statements must not meet other files' writes and notifications.
  const own = startDemo({ own: 'yp_audit_cost', users: ['laukaa'], region: true });

  it('names a page of actions by their needs in the same statements for 4 events and for 15, each of another need', async () => {
    // Sixteen needs Laukaa's representative reads (record by record, unlike the secretariat), each with one action.
    const made: { needId: string; title: string; actionId: string }[] = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const title = `${tag} kustannus ${i}`;
        const need = await factory.makeNeed(own.server, own.token.admin, { title, municipalityIds: [own.region.party('410')] });
        const action = await factory.makeAction(own.server, own.token.admin, {
          needId: need.id,
          ownerPartyId: own.region.party('410'),
        });
        return { needId: need.id, title, actionId: action.id };
      }),
    );
    const Q = `query ($first: Int) { changes(entityType: "need_action", first: $first, order: NEWEST_FIRST) { edges { node {
      entityId entityTitle belongsTo { entityType entityId title } } } } }`;
    const page = (first: number) => own.server.gql(Q, { first }, { token: own.token.laukaa });
    const mine = new Set(made.map((m) => m.actionId));
    await eventually(
      () => page(16),
      (r) => (r.data?.changes.edges ?? []).filter((e: any) => mine.has(e.node.entityId)).length === 16,
      10_000,
      'the sixteen actions in the stream',
    );
    const statements = countStatements(own.server);
    const countFor = async (first: number) => {
      statements.reset();
      const r = await page(first);
      expect(r.errors).toBeUndefined();
      expect(r.data!.changes.edges).toHaveLength(first);
      return { count: statements.count(), nodes: r.data!.changes.edges.map((e: any) => e.node) };
    };
    try {
      const four = await countFor(4);
      const fourShapes = statements.shapes();
      // 15: the page and the one event that tells whether more follow are all ours (the seed's actions are older),
      // so both pages are one batch.
      const fifteen = await countFor(15);
      const ours = fifteen.nodes.filter((n: any) => mine.has(n.entityId));
      expect(ours).toHaveLength(15);
      for (const node of ours) {
        const { needId, title } = made.find((m) => m.actionId === node.entityId)!;
        expect(node.belongsTo).toEqual({ entityType: 'service_need', entityId: needId, title });
      }
      // As in the register's DataLoader test: a pool may split a loader's batch once more.
      const splits = { pglite: 0, postgres: 3 }[own.server.app.internals.database.kind];
      expect(statements.shapes()).toEqual(fourShapes);
      expect(Math.abs(fifteen.count - four.count)).toBeLessThanOrEqual(splits);
    } finally {
      statements.restore();
    }
  });
});
