import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { startDemo } from './helpers.js';

// A party never loses sight of its own work: taken off a need's municipalities while it owns actions there that are
// not CANCELLED, it stays a CONTRIBUTOR (as a party handed an action becomes one), recorded in the need's history.

const demo = startDemo({ users: ['jyvaskyla'], region: true });

const JKL = '179';
const LAUKAA = '410';
const party = (code: string) => demo.region.party(code);

const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) {
  updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { version municipalities { code } responsibilities { role party { code } } } }`;
const UPDATE_ACTION = `mutation ($id: ID!, $v: Int!, $input: UpdateActionInput!) { updateAction(id: $id, expectedVersion: $v, input: $input) { version } }`;
const NEED = `query ($id: ID!) { serviceNeed(id: $id) { id actions { id } responsibilities { role party { code } }
  history { name actor { email } after } } }`;
const PARTY_ACTIONS = 'query ($p: ID!) { partyActions(partyId: $p) { id } }';

async function gql(query: string, variables: Record<string, unknown>, token = demo.token.admin) {
  const r = await demo.server.gql(query, variables, { token });
  factory.ok(r, query.slice(0, 40));
  return r.data as Record<string, any>;
}

/** A need for Jyväskylä and Laukaa with Jyväskylä's actions, overdue, one per status; created by the secretariat. */
async function needWithJyvaskylaActions(statuses: string[]) {
  const need = await factory.makeNeed(demo.server, demo.token.admin, { municipalityIds: [party(JKL), party(LAUKAA)] });
  const actions = [];
  for (const status of statuses) {
    const action = await factory.makeAction(demo.server, demo.token.admin, {
      needId: need.id,
      ownerPartyId: party(JKL),
      dueDate: '2020-01-31',
    });
    if (status !== 'PLANNED') {
      const { updateAction } = await gql(UPDATE_ACTION, { id: action.id, v: action.version, input: { status } });
      action.version = updateAction.version;
    }
    actions.push(action);
  }
  return { need, actions };
}

const takeOffJyvaskyla = async (need: { id: string; version: number }) =>
  (await gql(UPDATE, { id: need.id, v: need.version, input: { municipalityIds: [party(LAUKAA)] } })).updateServiceNeed;
const asJyvaskyla = async (needId: string) => (await gql(NEED, { id: needId }, demo.token.jyvaskyla)).serviceNeed;
const jyvaskylaActionIds = async () =>
  (await gql(PARTY_ACTIONS, { p: party(JKL) }, demo.token.jyvaskyla)).partyActions.map((a: { id: string }) => a.id);

describe('a party taken off a need while it owns actions there', () => {
  it('stays a CONTRIBUTOR in the same change, recorded in the history, and still reads the need and its actions', async () => {
    const { need, actions } = await needWithJyvaskylaActions(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED']);
    // Created for a municipality of the need: no responsibility of its own yet.
    expect((await asJyvaskyla(need.id)).responsibilities).toEqual([]);

    const updated = await takeOffJyvaskyla(need);
    expect(updated.municipalities).toEqual([{ code: LAUKAA }]);
    expect(updated.responsibilities).toEqual([{ role: 'CONTRIBUTOR', party: { code: JKL } }]);

    const seen = await asJyvaskyla(need.id);
    expect(seen?.id).toBe(need.id);
    expect(seen.actions.map((a: { id: string }) => a.id).sort()).toEqual(actions.map((a) => a.id).sort());
    expect(await jyvaskylaActionIds()).toEqual(expect.arrayContaining(actions.map((a) => a.id)));

    // The audit trail: who set the part, in the change that took Jyväskylä off, before the need's own event.
    const { history } = (await gql(NEED, { id: need.id })).serviceNeed;
    const names = history.map((h: { name: string }) => h.name);
    const kept = history.find((h: any) => h.name === 'responsibility.set');
    expect(kept).toMatchObject({ actor: { email: 'admin@demo.local' }, after: { partyId: party(JKL), role: 'CONTRIBUTOR' } });
    expect(names.slice(-2)).toEqual(['responsibility.set', 'need.updated']);
  });

  it('keeps sight when its only actions are DONE, and loses it when they are all CANCELLED', async () => {
    const done = await needWithJyvaskylaActions(['DONE']);
    expect((await takeOffJyvaskyla(done.need)).responsibilities).toEqual([{ role: 'CONTRIBUTOR', party: { code: JKL } }]);
    expect(await asJyvaskyla(done.need.id)).not.toBeNull();

    const cancelled = await needWithJyvaskylaActions(['CANCELLED']);
    expect((await takeOffJyvaskyla(cancelled.need)).responsibilities).toEqual([]);
    expect(await asJyvaskyla(cancelled.need.id)).toBeNull();

    // Its own representative, who no longer reads the need, cannot reopen the action to get back onto it.
    const [action] = cancelled.actions;
    const reopenedByJyvaskyla = await demo.server.gql(
      UPDATE_ACTION,
      { id: action!.id, v: action!.version, input: { status: 'PLANNED' } },
      { token: demo.token.jyvaskyla },
    );
    expect(reopenedByJyvaskyla.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await asJyvaskyla(cancelled.need.id)).toBeNull();

    // Taken up again by the secretariat, the cancelled action brings its owner back as a CONTRIBUTOR.
    await gql(UPDATE_ACTION, { id: action!.id, v: action!.version, input: { status: 'PLANNED' } });
    expect((await asJyvaskyla(cancelled.need.id))?.responsibilities).toEqual([{ role: 'CONTRIBUTOR', party: { code: JKL } }]);
    expect(await jyvaskylaActionIds()).toContain(action!.id);
  });
});
