import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PASSWORD, DEMO, makeAccount, region, signIn } from './factories.js';
import { eventually, startServer, type TestServer } from './helpers.js';

// Cached credentials are served for a minute here: only the eviction on the bus can refuse them in time.
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ AUTH_CACHE_SECONDS: '60' });
});
afterAll(async () => {
  await server?.stop();
});

/** Revocation must reach every request within this bound (issue 10, ADR 0012). */
const REVOCATION_BOUND_MS = 1_000;

const me = (token: string) => server.gql('{ me { id } }', {}, { token });

describe('cached credentials and revocation', () => {
  it('refuses a session within a second after another session of the same person ended it, though it was just served from the cache', async () => {
    // A person of its own: ending the other sessions of a demo account would sign out other files on a shared PostgreSQL.
    const admin = await signIn(server, DEMO.admin);
    const account = await makeAccount(server, admin, { partyId: (await region(server)).party('410') });
    const ended = account.token;
    const other = await server.login(account.email, ACCOUNT_PASSWORD);
    expect((await me(ended)).data?.me?.id).toBeTruthy();
    expect((await me(ended)).data?.me?.id).toBeTruthy();
    const r = await server.gql('mutation { endOtherSessions }', {}, { token: other });
    expect(r.errors).toBeUndefined();
    expect(r.data?.endOtherSessions).toBeGreaterThanOrEqual(1);
    const refused = await eventually(
      () => me(ended),
      (x) => x.status === 401,
      REVOCATION_BOUND_MS,
      'the ended session to be refused',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(other)).data?.me?.id).toBeTruthy();
  });

  it('refuses a revoked API token within a second on GraphQL and on the exports', async () => {
    const session = await server.login('analyst@demo.local');
    const created = await server.gql(
      'mutation { createApiToken(name: "cache", scopes: [READ]) { token apiToken { id } } }',
      {},
      { token: session },
    );
    const { token, apiToken } = created.data!.createApiToken;
    expect((await me(token)).data?.me?.id).toBeTruthy();
    const exportAs = (t: string) =>
      fetch(`${server.url}/export/changes.ndjson?after=`, { headers: { authorization: `Bearer ${t}` } });
    const served = await exportAs(token);
    expect(served.status).toBe(200);
    await served.body?.cancel();
    const revoked = await server.gql(
      'mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      { id: apiToken.id },
      { token: session },
    );
    expect(revoked.errors).toBeUndefined();
    await eventually(
      () => me(token),
      (x) => x.status === 401,
      REVOCATION_BOUND_MS,
      'the revoked token to be refused',
    );
    expect((await exportAs(token)).status).toBe(401);
  });

  it('refuses a signed-out session at once on the instance that signed it out', async () => {
    const session = await server.login('jyvaskyla@demo.local');
    expect((await me(session)).data?.me?.id).toBeTruthy();
    expect((await server.gql('mutation { logout }', {}, { token: session })).data?.logout).toBe(true);
    expect((await me(session)).status).toBe(401);
  });
});
