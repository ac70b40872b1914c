import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { HomeQuery } from '../../client/src/features/home/home.documents.js';
import * as factory from './factories.js';
import { startDemo } from './helpers.js';

/**
 * The gate checks the arguments of the fields an operation runs: a field left out by `@include(if: false)` or
 * `@skip(if: true)` is not run, so its arguments are not refused either. The front page of a person with no
 * party sends `partyId: ""` to the party's fields it leaves out, and used to get 400 `partyId: Not a valid id`.
 */
const demo = startDemo();

const HOME = print(HomeQuery);
const from = new Date(Date.UTC(2020, 0, 1)).toISOString();

describe('arguments of skipped fields', () => {
  it('the front page answers a person with no party, without the party fields it leaves out', async () => {
    const person = await factory.makeAccount(demo.server, demo.admin, { roles: ['ANALYST'], partyId: null });
    const me = await demo.server.gql('{ me { party { id } } }', {}, { token: person.token });
    expect(me.data).toEqual({ me: { party: null } });
    const home = await demo.server.gql(HOME, { from, partyId: '', hasParty: false }, { token: person.token });
    expect(home.errors).toBeUndefined();
    expect(home.status).toBe(200);
    expect(home.data).toEqual({
      meetings: expect.any(Array),
      gaps: { totalCount: expect.any(Number) },
      agreements: expect.any(Array),
    });
  });

  it('still refuses the same argument where the field runs', async () => {
    const home = await demo.server.gql(HOME, { from, partyId: '', hasParty: true }, { token: demo.admin });
    expect({ status: home.status, extensions: home.errors?.[0]?.extensions }).toMatchObject({
      status: 400,
      extensions: { code: 'BAD_USER_INPUT', fields: { partyId: 'Not a valid id' } },
    });
  });

  it('leaves out fields, fragment spreads and inline fragments under @skip(if: true) or @include(if: false)', async () => {
    const r = await demo.server.gql(
      `query ($no: Boolean!) {
        a: partyActions(partyId: "x") @skip(if: true) { id }
        b: partyActions(partyId: "x") @include(if: $no) { id }
        ... on Query @skip(if: true) { c: partyActions(partyId: "x") { id } }
        ...F @include(if: false)
        parties { id }
      }
      fragment F on Query { d: partyActions(partyId: "x") { id } }`,
      { no: false },
      { token: demo.admin },
    );
    expect(r.errors).toBeUndefined();
    expect(Object.keys(r.data!)).toEqual(['parties']);
  });
});
