import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type TestServer } from './helpers.js';

/**
 * The login limit lives in the database (issue 9.10): behind two instances it must not halve. Two
 * servers on one PostgreSQL share it; PGlite is one process, so there the test runs on one server.
 */
const shared = Boolean(process.env.DATABASE_URL);
const servers: TestServer[] = [];

beforeAll(async () => {
  // Both instances use the same namespace for their limits, as production instances do.
  const env = { RATE_LIMIT_KEY_PREFIX: unique('shared-limits') };
  servers.push(await startServer(env));
  if (shared) servers.push(await startServer(env));
});
afterAll(() => Promise.all(servers.map((s) => s.stop())));

const attempt = (server: TestServer, email: string) =>
  server
    .gql('mutation ($e: String!) { login(email: $e, password: "wrong") { token } }', { e: email })
    .then((r) => r.errors?.[0]?.extensions?.code);

describe('the login limit', () => {
  it.runIf(shared)(
    'is shared by two instances on one PostgreSQL: five failures across both lock the account on each',
    async () => {
      const [a, b] = servers as [TestServer, TestServer];
      const email = `${unique('guess')}@demo.local`;
      for (const server of [a, b, a, b, a]) expect(await attempt(server, email)).toBe('UNAUTHENTICATED');
      expect(await attempt(b, email)).toBe('RATE_LIMITED');
      expect(await attempt(a, email)).toBe('RATE_LIMITED');
    },
  );

  it('clears the account count on a successful login', async () => {
    const server = servers.at(-1)!;
    for (let i = 0; i < 4; i++) expect(await attempt(server, 'analyst@demo.local')).toBe('UNAUTHENTICATED');
    await server.login('analyst@demo.local');
    for (let i = 0; i < 4; i++) expect(await attempt(server, 'analyst@demo.local')).toBe('UNAUTHENTICATED');
    await server.login('analyst@demo.local');
  });
});
