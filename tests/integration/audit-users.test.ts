import { beforeAll, describe, expect, it } from 'vitest';
import { isUserKey } from '../../server/realtime/change-view.js';
import * as factory from './factories.js';
import { eventually, startDemo } from './helpers.js';

// The audit trail shows the people a change's before/after name by id (createdByUserId, a need's
// fieldProvenance, ...) by name: `ChangeEvent.referencedUsers` gives them, under the rule that shows the
// event's actor, and never for an event whose author the reader may not know (a comment, for analysts).

let laukaa: { id: string; displayName: string };

const demo = startDemo({ users: ['laukaa', 'analyst'], region: true });
beforeAll(async () => {
  const me = await demo.server.gql<{ me: { id: string; displayName: string } }>(
    '{ me { id displayName } }',
    {},
    { token: demo.token.laukaa },
  );
  factory.ok(me, 'me');
  laukaa = me.data.me;
});

interface Shown {
  name: string;
  actor: { id: string } | null;
  before: unknown;
  after: unknown;
  referencedUsers: { id: string; displayName: string }[];
}

/**
 * The events of one record as `reader` reads them in the audit stream, once there are any: the stream shows a write
 * when every older transaction has ended, which on a shared PostgreSQL can be a moment later.
 */
async function eventsOf(
  reader: string,
  entityType: string,
  entityId: string,
  fields = 'name actor { id } before after referencedUsers { id displayName }',
) {
  const r = await eventually(
    () =>
      demo.server.gql<{ changes: { edges: { node: Shown }[] } }>(
        `query ($type: String, $id: ID) { changes(entityType: $type, entityId: $id, first: 50) { edges { node { ${fields} } } } }`,
        { type: entityType, id: entityId },
        { token: reader },
      ),
    (x) => (x.data?.changes.edges.length ?? 0) > 0 || !!x.errors,
    10_000,
    `the events of ${entityType} ${entityId}`,
  );
  factory.ok(r, `changes of ${entityType}`);
  return r.data.changes.edges.map((e) => e.node);
}

/** Every value under a user key (`userId`, `…UserId`) anywhere in a snapshot. */
function userValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(userValues);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (isUserKey(k) && typeof v === 'string' ? [v] : userValues(v)));
}

describe('ChangeEvent.referencedUsers', () => {
  it("names the recorder of a need (createdByUserId and the need's provenance) for the secretariat and an analyst", async () => {
    const need = await factory.makeNeed(demo.server, demo.token.laukaa, { municipalityIds: [demo.region.party('410')] });
    for (const reader of [demo.token.admin, demo.token.analyst]) {
      const [created] = await eventsOf(reader, 'service_need', need.id);
      expect(created!.name).toBe('need.created');
      expect(created!.actor).toEqual({ id: laukaa.id });
      expect((created!.after as { createdByUserId: string }).createdByUserId).toBe(laukaa.id);
      expect(userValues(created!.after).length).toBeGreaterThan(1); // createdByUserId and each provenance entry
      expect(created!.referencedUsers).toEqual([laukaa]);
    }
  });

  it('is read with the snapshots even when before and after are not selected', async () => {
    const need = await factory.makeNeed(demo.server, demo.token.laukaa, { municipalityIds: [demo.region.party('410')] });
    const [created] = await eventsOf(demo.token.analyst, 'service_need', need.id, 'name referencedUsers { id displayName }');
    expect(created!.referencedUsers).toEqual([laukaa]);
  });

  it('sends an analyst no user id and no name for a comment, whose author they may not know; the secretariat sees the author', async () => {
    const need = await factory.makeNeed(demo.server, demo.token.laukaa, { municipalityIds: [demo.region.party('410')] });
    const added = await demo.server.gql<{ addNeedComment: { id: string } }>(
      'mutation ($id: ID!) { addNeedComment(needId: $id, body: "Kuka kirjoitti?") { id } }',
      { id: need.id },
      { token: demo.token.laukaa },
    );
    factory.ok(added, 'addNeedComment');
    const commentId = added.data.addNeedComment.id;
    const [asAnalyst] = await eventsOf(demo.token.analyst, 'need_comment', commentId);
    expect(asAnalyst).toMatchObject({ name: 'comment.added', actor: null, referencedUsers: [] });
    expect([...userValues(asAnalyst!.before), ...userValues(asAnalyst!.after)]).toEqual([]);
    expect(JSON.stringify([asAnalyst!.before, asAnalyst!.after])).not.toContain(laukaa.id);
    const [asAdmin] = await eventsOf(demo.token.admin, 'need_comment', commentId);
    expect(asAdmin!.actor).toEqual({ id: laukaa.id });
  });
});
