import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { leafFrame, leafProjection } from './leaf-projection.js';
import { buildSchema } from './schema.js';

const schema = buildSchema();
const payload = { update: 'AA==', version: 3, actorUserId: null, stateVector: null };
const plan = (query: string) => leafProjection({ schema, document: parse(query) });

describe('the leaf projection of subscription events', () => {
  it('renders a co-editing event as execute would, aliases and __typename included', async () => {
    const query = 'subscription ($d: ID!) { x: documentUpdated(documentId: $d) { __typename u: update version stateVector } }';
    const project = plan(query)!;
    expect(project).not.toBeNull();
    const executed = await execute({
      schema,
      document: parse(query),
      rootValue: payload,
      variableValues: { d: 'x' },
      contextValue: {},
    });
    expect(project(payload)).toEqual(JSON.parse(JSON.stringify(executed)));
  });

  it('leaves selections with a resolver of their own (the actor) to execute', () => {
    expect(plan('subscription ($d: ID!) { documentUpdated(documentId: $d) { update actor { id } } }')).toBeNull();
  });

  it('leaves subscriptions whose root field is not a pass-through to execute', () => {
    expect(plan('subscription { notificationAdded { id } }')).toBeNull();
  });

  it('gives up on a null in a non-null field, so that execute reports the error', () => {
    const project = plan('subscription ($d: ID!) { documentUpdated(documentId: $d) { update } }')!;
    expect(project({ ...payload, update: null })).toBeNull();
  });

  it('serialises an event once for every subscription with the same document, as JSON of the projection', () => {
    const document = parse('subscription ($d: ID!) { documentUpdated(documentId: $d) { update version } }');
    const a = leafFrame({ schema, document })!;
    const b = leafFrame({ schema, document })!;
    const event = { ...payload };
    const json = a(event);
    expect(json).toBe(JSON.stringify(leafProjection({ schema, document })!(event)));
    // The second subscription of the same document gets the same frame payload.
    expect(b(event)).toBe(json);
    expect(a({ ...payload, update: null })).toBeNull();
  });
});
