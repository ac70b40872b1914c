import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const closedCode = (client: WsClient) => new Promise<number>((resolve) => client.on('closed', (e) => resolve((e as { code: number }).code)));
const ME = '{ me { id } }';
const CHANGE = 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }';

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
    const events = await server.app.internals.database.db.execute(
      sql`select name, actor_user_id, after from change_events where name = 'user.created' and entity_id = ${me.data!.me.id}`,
    );
    expect(events.rows).toHaveLength(1);
    expect(JSON.stringify(events.rows)).not.toContain(email);
    expect(JSON.stringify(events.rows)).not.toContain(PASSWORD);
  });

  it('refuses an existing email, a short or common password and an unknown party, creating nothing', async () => {
    expect(refused.map((r) => r.code)).toEqual([1, 1, 1, 1]);
    expect(refused[0]!.out).toMatch(/already exists/);
    expect(refused[1]!.out).toMatch(/At least 12 characters/);
    expect(refused[2]!.out).toMatch(/most common/);
    expect(refused[3]!.out).toMatch(/No party with the code no-such-code/);
    for (const r of refused) expect(r.out).not.toMatch(/passphrase|short-one|1qaz2wsx3edc/);
    const login = await server.gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: other, p: FINE });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
