import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as factory from './factories.js';
import { startDemo, unique } from './helpers.js';

// `viewerCan` on the query root: what the caller may do apart from any one record. The register offers its
// "record a new need" link and /needs/new its form on `recordServiceNeed`, so it must say what
// `createServiceNeed` then does for the same person: computed by the server from the policy the mutation
// applies, not repeated in the client.

const demo = startDemo({ users: ['laukaa', 'analyst'], region: true });

const JAMSA = '182';
const LAUKAA = '410';

/** What `viewerCan.recordServiceNeed` says for the caller (no token: nobody signed in). */
async function mayRecord(callerToken?: string): Promise<boolean> {
  const r = await demo.server.gql<{ viewerCan: { recordServiceNeed: boolean } }>(
    '{ viewerCan { recordServiceNeed } }',
    {},
    { token: callerToken },
  );
  factory.ok(r, 'viewerCan');
  return r.data.viewerCan.recordServiceNeed;
}

/**
 * Tries to record the need a person is likeliest to be allowed: one that concerns `partyCode` (their own party,
 * or Jämsä for someone without one), owned by no body. Answers whether the server recorded it, and its error code.
 */
async function tryRecord(callerToken: string, partyCode: string): Promise<{ recorded: boolean; code?: string }> {
  const r = await demo.server.gql<{ createServiceNeed: { id: string; status: string } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id status } }',
    {
      input: {
        title: unique('Kyvykkyys'),
        targetGroups: ['YOUTH'],
        themeCodes: ['YOUTH'],
        municipalityIds: [demo.region.party(partyCode)],
      },
    },
    { token: callerToken },
  );
  return { recorded: r.data?.createServiceNeed?.status === 'IDENTIFIED', code: r.errors?.[0]?.extensions?.code };
}

describe('viewerCan.recordServiceNeed', () => {
  it('is true for the secretariat, who records a need', async () => {
    expect(await mayRecord(demo.token.admin)).toBe(true);
    expect(await tryRecord(demo.token.admin, JAMSA)).toEqual({ recorded: true });
  });

  it("is true for a party's representative, who records a need of their own party", async () => {
    expect(await mayRecord(demo.token.laukaa)).toBe(true);
    expect(await tryRecord(demo.token.laukaa, LAUKAA)).toEqual({ recorded: true });
  });

  it('is false for a representative without a party, whom the server refuses', async () => {
    // Neither an invitation nor a role change makes one any more; an account from before that rule still may be one.
    const partyless = await factory.makeAccount(demo.server, demo.token.admin, { roles: ['ANALYST'], partyId: null });
    await demo.server.app.internals.database.db.execute(
      sql`update users set roles = '{PARTY_REPRESENTATIVE}' where id = ${partyless.id}`,
    );
    const representative = await demo.server.login(partyless.email, factory.ACCOUNT_PASSWORD);
    expect(await mayRecord(representative)).toBe(false);
    expect(await tryRecord(representative, JAMSA)).toEqual({ recorded: false, code: 'FORBIDDEN' });
  });

  it('is false for an analyst, with or without a party, whom the server refuses', async () => {
    expect(await mayRecord(demo.token.analyst)).toBe(false);
    expect(await tryRecord(demo.token.analyst, JAMSA)).toEqual({ recorded: false, code: 'FORBIDDEN' });
    const withParty = await factory.makeAccount(demo.server, demo.token.admin, {
      roles: ['ANALYST'],
      partyId: demo.region.party(LAUKAA),
    });
    expect(await mayRecord(withParty.token)).toBe(false);
    expect(await tryRecord(withParty.token, LAUKAA)).toEqual({ recorded: false, code: 'FORBIDDEN' });
  });

  it("is false for nobody signed in and for the secretariat's read-only API token, which never write", async () => {
    expect(await mayRecord()).toBe(false);
    const created = await demo.server.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(name: "kyvykkyys", scopes: [READ]) { token } }',
      {},
      { token: demo.token.admin },
    );
    factory.ok(created, 'createApiToken');
    const apiToken = created.data.createApiToken.token;
    expect(await mayRecord(apiToken)).toBe(false);
    expect((await tryRecord(apiToken, JAMSA)).recorded).toBe(false);
  });
});
