import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PASSWORD, makeAccount } from './factories.js';
import { connected, listen, startServer, unique, type TestServer } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yp-admin-'));
const email = `${unique('admin')}@example.fi`;
const PASSWORD = 'Kuusi kurkea kaivossa 42';
const NEW_PASSWORD = 'Seitsemän siiliä sillalla 7';

/** `npm run admin:create` as a child process against this file's database (a fresh PGlite, or DATABASE_URL). */
function adminCreate(args: string[], opts: { env?: Record<string, string>; stdin?: string } = {}) {
  const child = spawn('npm', ['run', '-s', 'admin:create', '--', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_PASSWORD: '', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  child.stdin.end(opts.stdin ?? '');
  return new Promise<{ code: number | null; out: string }>((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

/** Rows of a raw query on the test server's database (both drivers answer `{ rows }`). */
async function rows(query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const result = await server.app.internals.database.db.execute(query);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

const closedCode = (client: WsClient) =>
  new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
const ME = '{ me { id } }';
const CHANGE = 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }';

/** An analyst account of its own, invited by this file's administrator (its password is ACCOUNT_PASSWORD). */
const ownAccount = async () => makeAccount(server, await server.login(email, PASSWORD), { roles: ['ANALYST'] });

const other = `${unique('other')}@example.fi`;
const FINE = 'a perfectly fine passphrase';

let server: TestServer;
let created: { code: number | null; out: string };
let refused: { code: number | null; out: string }[];
beforeAll(async () => {
  // The password on stdin (a pipe), never as an argument.
  created = await adminCreate(['--email', email.toUpperCase(), '--name', 'Ensimmäinen Ylläpitäjä'], { stdin: `${PASSWORD}\n` });
  // One after another, before the server opens the database (a PGlite directory has one user at a time).
  refused = [];
  for (const [args, password] of [
    [['--email', email, '--name', 'Toinen'], FINE],
    [['--email', other, '--name', 'Lyhyt'], 'short-one'],
    [['--email', other, '--name', 'Yleinen'], '1qaz2wsx3edc'],
    [['--email', other, '--name', 'Puolue', '--party', 'no-such-code'], FINE],
    [['--email', other, '--name', 'Muunnelma'], 'Password1234!'],
    [['--email', other, '--name', 'Omanimi Ylläpitäjä'], 'Omanimi2026!!'],
  ] as const) {
    refused.push(await adminCreate([...args], { env: { ADMIN_PASSWORD: password } }));
  }
  // An empty database: no demo data, only the migrations and the administrator.
  server = await startServer({ DATA_DIR: dataDir, SEED: 'none' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run admin:create', () => {
  it('creates a secretariat administrator who signs in over HTTP; the write is audited without contact details or password', async () => {
    expect(created.out).toContain(`Created the administrator ${email}`);
    expect(created.out).not.toContain(PASSWORD);
    expect(created.code).toBe(0);
    const token = await server.login(email, PASSWORD);
    const me = await server.gql('{ me { id email displayName roles party { code } } }', {}, { token });
    expect(me.data?.me).toMatchObject({ email, displayName: 'Ensimmäinen Ylläpitäjä', roles: ['SECRETARIAT'], party: null });
    const events = await rows(
      sql`select name, actor_user_id, after from change_events where name = 'user.created' and entity_id = ${me.data!.me.id}`,
    );
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(email);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('refuses an existing email, a short or common password and an unknown party, creating nothing', async () => {
    expect(refused.map((r) => r.code)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(refused[0]!.out).toMatch(/already exists/);
    expect(refused[1]!.out).toMatch(/At least 12 characters/);
    expect(refused[2]!.out).toMatch(/most common/);
    expect(refused[3]!.out).toMatch(/No party with the code no-such-code/);
    expect(refused[4]!.out).toMatch(/a common one with digits or symbols added/);
    expect(refused[5]!.out).toMatch(/made of your e-mail address, your name/);
    for (const r of refused) expect(r.out).not.toMatch(/passphrase|short-one|1qaz2wsx3edc|Password1234|Omanimi2026/);
    const login = await server.gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: other,
      p: FINE,
    });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('own password and sessions', () => {
  const SESSIONS = '{ mySessions { id createdAt expiresAt current } }';

  it('refuses a new password against the policy, naming the field, and a wrong current one; API tokens cannot', async () => {
    const token = await server.login(email, PASSWORD);
    const short = await server.gql(CHANGE, { c: PASSWORD, n: 'too-short' }, { token });
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { newPassword: 'At least 12 characters' },
    });
    const common = await server.gql(CHANGE, { c: PASSWORD, n: 'QWERTY123456' }, { token });
    expect(common.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { newPassword: expect.stringMatching(/most common/) },
    });
    for (const [weak, why] of [
      ['aaaaaaaaaaaa', /simple pattern/],
      ['098765432109', /simple pattern/],
      ['sunshine2024!', /a common one with digits or symbols added/],
      [email, /your e-mail address/],
      ['Ensimmäinen Ylläpitäjä 1', /your name/],
    ] as const) {
      const r = await server.gql(CHANGE, { c: PASSWORD, n: weak }, { token });
      expect(r.errors?.[0]?.extensions, weak).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { newPassword: expect.stringMatching(why) },
      });
    }
    const wrong = await server.gql(CHANGE, { c: 'not my password at all', n: NEW_PASSWORD }, { token });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: { currentPassword: 'Wrong password' } });
    const api = await server.gql('mutation { createApiToken(name: "read", scopes: [READ]) { token } }', {}, { token });
    const apiToken = api.data!.createApiToken.token as string;
    for (const op of [CHANGE, SESSIONS, 'mutation { endOtherSessions }']) {
      const r = await server.gql(op, { c: PASSWORD, n: NEW_PASSWORD }, { token: apiToken });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // Nothing changed: the old password still signs in.
    await server.login(email, PASSWORD);
  });

  it('lists the own sessions and ends one: its socket closes at once and the token no longer works', async () => {
    const mine = await server.login(email, PASSWORD);
    const other = await server.login(email, PASSWORD);
    const socket = server.ws(other);
    listen(socket, 'subscription { partyChanged { kind } }');
    await connected(socket);
    const closed = closedCode(socket);
    const list = await server.gql<{ mySessions: { id: string; current: boolean }[] }>(SESSIONS, {}, { token: mine });
    expect(list.errors).toBeUndefined();
    const current = list.data!.mySessions.filter((s) => s.current);
    expect(current).toHaveLength(1);
    const otherId = (
      await server.gql<{ mySessions: { id: string; current: boolean }[] }>(SESSIONS, {}, { token: other })
    ).data!.mySessions.find((s) => s.current)!.id;
    expect(list.data!.mySessions.map((s) => s.id)).toContain(otherId);

    const ended = await server.gql('mutation ($id: ID!) { endSession(id: $id) }', { id: otherId }, { token: mine });
    expect(ended.data?.endSession).toBe(true);
    expect(await closed).toBe(4403);
    expect((await server.gql(ME, {}, { token: other })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(ME, {}, { token: mine })).data?.me).not.toBeNull();
    // Ended already, or not one's own: not found.
    const again = await server.gql('mutation ($id: ID!) { endSession(id: $id) }', { id: otherId }, { token: mine });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await rows(sql`select 1 from change_events where name = 'session.ended' and entity_id = ${otherId}`)).toHaveLength(1);
  });

  it('changes the password with the current one, ending the other sessions and closing their sockets', async () => {
    // An account of its own: the other tests sign in with the administrator's password, in whatever order they run.
    const { email: own } = await ownAccount();
    const mine = await server.login(own, ACCOUNT_PASSWORD);
    const other = await server.login(own, ACCOUNT_PASSWORD);
    const socket = server.ws(other);
    listen(socket, 'subscription { partyChanged { kind } }');
    await connected(socket);
    const closed = closedCode(socket);

    const r = await server.gql(CHANGE, { c: ACCOUNT_PASSWORD, n: NEW_PASSWORD }, { token: mine });
    expect(r.errors).toBeUndefined();
    expect(await closed).toBe(4403);
    expect((await server.gql(ME, {}, { token: other })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.gql(ME, {}, { token: mine })).data?.me).not.toBeNull();
    const old = await server.gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
      e: own,
      p: ACCOUNT_PASSWORD,
    });
    expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await server.login(own, NEW_PASSWORD);
    expect((await server.gql(SESSIONS, {}, { token: mine })).data?.mySessions).toHaveLength(2);

    const n = await server.gql('mutation { endOtherSessions }', {}, { token: mine });
    expect(n.data?.endOtherSessions).toBe(1);
    expect((await server.gql(ME, {}, { token: fresh })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const audit = await rows(sql`select after from change_events where name = 'user.password_changed'`);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('rate-limits wrong current passwords like login', async () => {
    // An account of its own: the limit, once reached, would refuse the other tests' password changes.
    const { token } = await ownAccount();
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await server.gql(CHANGE, { c: `wrong guess number ${i}`, n: 'Yet another long passphrase' }, { token });
      codes.push(r.errors?.[0]?.extensions?.code);
    }
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'RATE_LIMITED']);
    // Even the right one waits out the window.
    const right = await server.gql(CHANGE, { c: ACCOUNT_PASSWORD, n: 'Yet another long passphrase' }, { token });
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});
