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
  // Behind a proxy on loopback, as in production: a test request names its client address in X-Forwarded-For.
  const env = { RATE_LIMIT_KEY_PREFIX: unique('shared-limits'), TRUST_PROXY: 'loopback' };
  servers.push(await startServer(env));
  if (shared) servers.push(await startServer(env));
});
afterAll(() => Promise.all(servers.map((s) => s.stop())));

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
/** The error code of a login (undefined when it succeeded), from the client address `from` if given. */
const attempt = (server: TestServer, email: string, { password = 'wrong', from }: { password?: string; from?: string } = {}) =>
  server
    .gql(LOGIN, { e: email, p: password }, from ? { headers: { 'x-forwarded-for': from } } : {})
    .then((r) => (r.data?.login ? undefined : r.errors?.[0]?.extensions?.code));

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

  it('locks an account at the address that guessed, not for its owner elsewhere', async () => {
    const server = servers.at(-1)!;
    for (let i = 0; i < 5; i++)
      expect(await attempt(server, 'jyvaskyla@demo.local', { from: '203.0.113.7' })).toBe('UNAUTHENTICATED');
    expect(await attempt(server, 'jyvaskyla@demo.local', { from: '203.0.113.7' })).toBe('RATE_LIMITED');
    expect(await attempt(server, 'jyvaskyla@demo.local', { from: '203.0.113.7', password: 'demo-password' })).toBe(
      'RATE_LIMITED',
    );
    // The owner, at their own address, still signs in.
    expect(await attempt(server, 'jyvaskyla@demo.local', { from: '198.51.100.9', password: 'demo-password' })).toBeUndefined();
  });

  it('still caps guessing at one account spread over many addresses', async () => {
    const server = servers.at(-1)!;
    const email = `${unique('spread')}@demo.local`;
    for (let i = 0; i < 50; i++) expect(await attempt(server, email, { from: `192.0.2.${i + 1}` })).toBe('UNAUTHENTICATED');
    expect(await attempt(server, email, { from: '192.0.2.200' })).toBe('RATE_LIMITED');
  });
});
