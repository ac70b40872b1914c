import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { startDemo } from './helpers.js';

/**
 * An update's null asks to clear a field; a field that may not be empty answers BAD_USER_INPUT naming it
 * with the same human message as an empty required text ("Required"), never the validator's own words.
 */
const demo = startDemo();

const UPDATE_NEED = `mutation ($id: ID!, $v: Int!, $input: UpdateServiceNeedInput!) {
  updateServiceNeed(id: $id, expectedVersion: $v, input: $input) { id title version } }`;
const UPDATE_ACTION = `mutation ($id: ID!, $v: Int!, $input: UpdateActionInput!) {
  updateAction(id: $id, expectedVersion: $v, input: $input) { id version } }`;
const UPDATE_AGREEMENT = `mutation ($id: ID!, $v: Int!, $input: UpdateAgreementInput!) {
  updateAgreement(id: $id, expectedVersion: $v, input: $input) { id version } }`;

function refusal(r: { errors?: { extensions?: Record<string, any> }[]; data?: unknown }) {
  expect(r.data ?? null).toBeNull();
  expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return r.errors![0]!.extensions!.fields as Record<string, string>;
}

describe('null for a field that may not be cleared', () => {
  it('updateServiceNeed(input: { title: null }) names input.title as required', async () => {
    const need = await factory.makeNeed(demo.server, demo.admin);
    const fields = refusal(
      await demo.server.gql(UPDATE_NEED, { id: need.id, v: need.version, input: { title: null } }, { token: demo.admin }),
    );
    expect(fields).toEqual({ 'input.title': 'Required' });
  });

  it('names every such field of a need the same way (lists, ids)', async () => {
    const need = await factory.makeNeed(demo.server, demo.admin);
    const fields = refusal(
      await demo.server.gql(
        UPDATE_NEED,
        { id: need.id, v: need.version, input: { targetGroups: null, themeCodes: null, municipalityIds: null } },
        { token: demo.admin },
      ),
    );
    expect(fields).toEqual({
      'input.targetGroups': 'Required',
      'input.themeCodes': 'Required',
      'input.municipalityIds': 'Required',
    });
  });

  it('answers the same for actions (text, enum, id) and agreements (enum)', async () => {
    const need = await factory.makeNeed(demo.server, demo.admin);
    const action = await factory.makeAction(demo.server, demo.admin, { needId: need.id });
    const a = refusal(
      await demo.server.gql(
        UPDATE_ACTION,
        { id: action.id, v: action.version, input: { title: null, status: null, ownerPartyId: null } },
        { token: demo.admin },
      ),
    );
    expect(a).toEqual({ 'input.title': 'Required', 'input.status': 'Required', 'input.ownerPartyId': 'Required' });
    const agreement = await factory.makeAgreement(demo.server, demo.admin);
    const g = refusal(
      await demo.server.gql(
        UPDATE_AGREEMENT,
        { id: agreement.id, v: agreement.version, input: { type: null } },
        { token: demo.admin },
      ),
    );
    expect(g).toEqual({ 'input.type': 'Required' });
  });

  it('still lets an update clear an optional field with null', async () => {
    const need = await factory.makeNeed(demo.server, demo.admin);
    const r = await demo.server.gql(
      UPDATE_NEED,
      { id: need.id, v: need.version, input: { summary: null } },
      { token: demo.admin },
    );
    expect(r.errors).toBeUndefined();
  });
});
