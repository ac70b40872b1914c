import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { countStatements, startDemo, unique } from './helpers.js';

// Its own server and database: a count of statements must not meet other files' writes and notifications.
const demo = startDemo({ own: 'yp_goal_reads', users: ['jyvaskyla'], region: true });

describe("a goal's links", () => {
  it("reads a goal's actions and needs in the same statements for 2 of each and for 10", async () => {
    const jyvaskyla = demo.region.party('179');
    const agreement = await factory.makeAgreement(demo.server, demo.token.admin);
    const needs = await Promise.all(
      Array.from({ length: 10 }, () => factory.makeNeed(demo.server, demo.token.admin, { municipalityIds: [jyvaskyla] })),
    );
    const actions = await Promise.all(
      needs.map((n) => factory.makeAction(demo.server, demo.token.admin, { needId: n.id, ownerPartyId: jyvaskyla })),
    );
    const makeGoal = async (n: number) => {
      const r = await demo.server.gql(
        'mutation ($a: ID!, $input: AgreementGoalInput!) { createAgreementGoal(agreementId: $a, input: $input) { id } }',
        {
          a: agreement.id,
          input: {
            title: unique('Tavoite'),
            needIds: needs.slice(0, n).map((x) => x.id),
            actionIds: actions.slice(0, n).map((x) => x.id),
          },
        },
        { token: demo.token.admin },
      );
      expect(r.errors).toBeUndefined();
      return r.data!.createAgreementGoal.id as string;
    };
    const few = await makeGoal(2);
    const many = await makeGoal(10);
    const statements = countStatements(demo.server);
    // As Jyväskylä's representative, who reads each need by its standing (the secretariat reads all).
    const countFor = async (goalId: string, n: number) => {
      statements.reset();
      const r = await demo.server.gql(
        'query ($id: ID!) { agreementGoal(id: $id) { needs { id } actions { id } } }',
        { id: goalId },
        { token: demo.token.jyvaskyla },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.agreementGoal.actions).toHaveLength(n);
      expect(r.data!.agreementGoal.needs).toHaveLength(n);
      return statements.count();
    };
    try {
      const two = await countFor(few, 2);
      const ten = await countFor(many, 10);
      // As in the register's DataLoader test: a pool may split a loader's batch once more.
      const splits = { pglite: 0, postgres: 3 }[demo.server.app.internals.database.kind];
      expect(Math.abs(ten - two)).toBeLessThanOrEqual(splits);
    } finally {
      statements.restore();
    }
  });
});
