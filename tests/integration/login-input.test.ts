import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type TestServer } from './helpers.js';

/**
 * Sign-in input of any size: an email no account can have is refused by name before anything is written, and
 * the login limits' keys stay under the index's limit whatever the email or client address (issue: a 3000-character
 * email was an internal error, "index row size exceeds btree maximum" on rate_limits, and the attempt went uncounted).
 */
let server: TestServer;
const prefix = unique('input-limits');

beforeAll(async () => {
  // Behind a proxy on loopback, as in production: a request names its client address in X-Forwarded-For.
  server = await startServer({ RATE_LIMIT_KEY_PREFIX: prefix, TRUST_PROXY: 'loopback' });
});
afterAll(() => server?.stop());

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const attempt = (email: string, from?: string) =>
  server.gql(LOGIN, { e: email, p: 'wrong' }, from ? { headers: { 'x-forwarded-for': from } } : {});
/** Random text that does not compress (PostgreSQL compresses a long index key that repeats itself). */
const noise = (chars: number) => randomBytes(chars).toString('base64url').slice(0, chars);
/** One number a query on the server's database answers (both drivers answer `{ rows }`). */
async function number(query: ReturnType<typeof sql>): Promise<number> {
  const result = await server.app.internals.database.db.execute(query);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}
/** The login limits' counters of this server. */
const counters = () => number(sql`select count(*)::int as n from rate_limits where key like ${`${prefix}:%`}`);

describe('login input', () => {
  it('refuses an email over 254 characters as BAD_USER_INPUT naming email, before any count is written', async () => {
    const before = await counters();
    for (const email of [`${noise(3000)}@demo.local`, `${'a'.repeat(244)}@demo.local`]) {
      const r = await attempt(email);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: 'At most 254 characters' } });
      expect(r.data?.login ?? null).toBeNull();
    }
    expect(await counters()).toBe(before);
    // 254 characters is an address an account could have: a wrong password, counted.
    expect((await attempt(`${'a'.repeat(243)}@demo.local`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await counters()).toBeGreaterThan(before);
  });

  it('counts and then limits attempts from a client address of any length (hashed keys)', async () => {
    const from = noise(6000);
    const email = `${unique('long-from')}@demo.local`;
    for (let i = 0; i < 5; i++) expect((await attempt(email, from)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await attempt(email, from)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const longest = await number(sql`select max(octet_length(key))::int as n from rate_limits where key like ${`${prefix}:%`}`);
    expect(longest).toBeLessThan(prefix.length + 100);
  });
});
