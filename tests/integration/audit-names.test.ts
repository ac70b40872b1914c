import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { eventually, startDemo, unique } from './helpers.js';

// The audit trail names every record it shows (`ChangeEvent.entityTitle`): a goal's measure by its goal, indicator
// and party, a user account by the person's display name (never the e-mail address), a notification by what it is
// about; only to readers who may see the events, and only what they may see.

const tag = unique('nimi');

const demo = startDemo({ users: ['analyst', 'laukaa', 'jyvaskyla'], region: true });

interface Node {
  name: string;
  entityId: string;
  entityTitle: string | null;
  belongsTo: { entityType: string; entityId: string; title: string } | null;
  after: unknown;
}

const NODE = 'name entityId entityTitle belongsTo { entityType entityId title } after';

/** The newest events of a type (and record) as `token` reads them, once `until` holds of them. */
async function eventsOf(
  token: string,
  filter: { entityType: string; entityId?: string },
  until: (nodes: Node[]) => boolean,
  what: string,
): Promise<Node[]> {
  const r = await eventually(
    () =>
      demo.server.gql<{ changes: { edges: { node: Node }[] } }>(
        `query ($type: String, $id: ID) { changes(entityType: $type, entityId: $id, first: 50, order: NEWEST_FIRST) {
          edges { node { ${NODE} } } } }`,
        { type: filter.entityType, id: filter.entityId },
        { token },
      ),
    (x) => !!x.data && until(x.data.changes.edges.map((e) => e.node)),
    10_000,
    what,
  );
  factory.ok(r, what);
  return r.data.changes.edges.map((e) => e.node);
}

/** The events of a type `token` reads, without waiting (for readers who see none). */
async function visibleEvents(token: string, entityType: string, entityId?: string): Promise<Node[]> {
  const r = await demo.server.gql<{ changes: { edges: { node: Node }[] } }>(
    `query ($type: String, $id: ID) { changes(entityType: $type, entityId: $id, first: 50) { edges { node { ${NODE} } } } }`,
    { type: entityType, id: entityId },
    { token },
  );
  factory.ok(r, `${entityType} events`);
  return r.data.changes.edges.map((e) => e.node);
}

const idsOf = (node: Node): unknown[] => {
  const ids = (node.after as { ids?: unknown } | null)?.ids;
  return Array.isArray(ids) ? ids : [];
};

describe('the audit trail names', () => {
  it("a goal's measure by its goal, indicator and party, for every reader, and belongs it to the goal's agreement", async () => {
    const agreementTitle = `${tag} sopimus`;
    const agreement = await factory.makeAgreement(demo.server, demo.token.admin, { titles: { fi: agreementTitle } });
    const goal = await demo.server.gql<{ createAgreementGoal: { id: string } }>(
      'mutation ($a: ID!, $t: String!) { createAgreementGoal(agreementId: $a, input: { title: $t }) { id } }',
      { a: agreement.id, t: `${tag} tavoite` },
      { token: demo.token.admin },
    );
    factory.ok(goal, 'createAgreementGoal');
    const goalId = goal.data.createAgreementGoal.id;
    const code = `N${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const imported = await demo.server.gql<{ importIndicatorValues: { indicators: { id: string }[] } }>(
      'mutation ($csv: String!) { importIndicatorValues(csv: $csv) { indicators { id } } }',
      {
        csv: [
          'Indikaattori ID;Indikaattori;Alue ID;Alue;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo',
          `${code};${tag} mittari;179;Jyväskylä;2024;yhteensä;5,5;`,
        ].join('\n'),
      },
      { token: demo.token.admin },
    );
    factory.ok(imported, 'importIndicatorValues');
    const indicatorId = imported.data.importIndicatorValues.indicators[0]!.id;
    const measure = await demo.server.gql<{ addGoalMeasure: { id: string } }>(
      'mutation ($g: ID!, $input: GoalMeasureInput!) { addGoalMeasure(goalId: $g, input: $input) { id } }',
      {
        g: goalId,
        input: { indicatorId, partyId: demo.region.party('179'), baselineYear: 2024, targetYear: 2026, targetValue: 5 },
      },
      { token: demo.token.admin },
    );
    factory.ok(measure, 'addGoalMeasure');
    const measureId = measure.data.addGoalMeasure.id;
    for (const token of [demo.token.admin, demo.token.analyst, demo.token.laukaa]) {
      const [added] = await eventsOf(
        token,
        { entityType: 'goal_measure', entityId: measureId },
        (n) => n.length > 0,
        'the measure',
      );
      expect(added).toMatchObject({
        name: 'goal_measure.added',
        entityTitle: `${tag} tavoite · ${tag} mittari · Jyväskylä`,
        belongsTo: { entityType: 'agreement', entityId: agreement.id, title: agreementTitle },
      });
    }
  });

  it("a user account by the person's display name, never by e-mail; readers who may not see accounts get neither", async () => {
    // A demo account: made by the seed, it has no event that names it.
    const me = await demo.server.gql<{ me: { id: string; displayName: string; email: string } }>(
      '{ me { id displayName email } }',
      {},
      { token: demo.token.jyvaskyla },
    );
    factory.ok(me, 'me');
    const { id, displayName, email } = me.data.me;
    const link = await demo.server.gql(
      'mutation ($id: ID!) { sendPasswordResetLink(userId: $id) { link } }',
      { id },
      { token: demo.token.admin },
    );
    factory.ok(link, 'sendPasswordResetLink');
    const apiToken = await demo.server.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(name: "audit names", scopes: [READ]) { token } }',
      {},
      { token: demo.token.admin },
    );
    factory.ok(apiToken, 'createApiToken');
    // The secretariat in a session, and with a token (which is not shown e-mail addresses anywhere).
    for (const token of [demo.token.admin, apiToken.data.createApiToken.token]) {
      const [event] = await eventsOf(
        token,
        { entityType: 'user', entityId: id },
        (n) => n.some((e) => e.name === 'user.reset_link_created'),
        'the reset link event',
      );
      expect(event).toMatchObject({ name: 'user.reset_link_created', entityTitle: displayName, belongsTo: null });
      expect(JSON.stringify(event)).not.toContain(email);
    }
    for (const token of [demo.token.analyst, demo.token.laukaa, demo.token.jyvaskyla])
      expect(await visibleEvents(token, 'user', id)).toEqual([]);
  });

  it('a notification by what it is about, both when sent and when read; readers who may not see them get neither', async () => {
    const need = await factory.makeNeed(demo.server, demo.token.admin, {
      title: `${tag} tarve`,
      municipalityIds: [demo.region.party('410')],
    });
    const actionTitle = `${tag} toimenpide`;
    const action = await factory.makeAction(demo.server, demo.token.admin, {
      needId: need.id,
      title: actionTitle,
      ownerPartyId: demo.region.party('410'),
    });
    // Laukaa's representative is told of the action assigned to Laukaa.
    const inbox = await eventually(
      () =>
        demo.server.gql<{ notifications: { edges: { node: { id: string; subjectId: string } }[] } }>(
          '{ notifications(first: 50) { edges { node { id subjectId } } } }',
          {},
          { token: demo.token.laukaa },
        ),
      (r) => !!r.data?.notifications.edges.some((e) => e.node.subjectId === action.id),
      10_000,
      "Laukaa's notification of the action",
    );
    const notificationId = inbox.data!.notifications.edges.find((e) => e.node.subjectId === action.id)!.node.id;
    const [sent] = await eventsOf(
      demo.token.admin,
      { entityType: 'notification' },
      (n) => n.some((e) => e.name === 'notification.created' && idsOf(e).includes(notificationId)),
      'the notification sent',
    ).then((n) => n.filter((e) => e.name === 'notification.created' && idsOf(e).includes(notificationId)));
    expect(sent).toMatchObject({
      entityTitle: actionTitle,
      belongsTo: { entityType: 'service_need', entityId: need.id, title: `${tag} tarve` },
    });

    const read = await demo.server.gql(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }',
      { ids: [notificationId] },
      { token: demo.token.laukaa },
    );
    factory.ok(read, 'markNotificationsRead');
    const [marked] = await eventsOf(
      demo.token.admin,
      { entityType: 'notification' },
      (n) => n.some((e) => e.name === 'notification.read' && idsOf(e).includes(notificationId)),
      'the notification read',
    ).then((n) => n.filter((e) => e.name === 'notification.read' && idsOf(e).includes(notificationId)));
    expect(marked).toMatchObject({ entityTitle: actionTitle });

    for (const token of [demo.token.analyst, demo.token.laukaa]) {
      expect(await visibleEvents(token, 'notification', sent!.entityId)).toEqual([]);
      expect(await visibleEvents(token, 'notification', marked!.entityId)).toEqual([]);
    }
  });
});
