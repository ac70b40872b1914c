import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownPostgres, startServer, type TestServer } from './helpers.js';

/*
 * Issue 12's "done means" for people and accounts, on an EMPTY database (no demo data): `npm run admin:create`,
 * the administrator signs in and invites a representative, who opens the link, sets a password and signs in.
 * On PGlite a fresh folder; with DATABASE_URL a fresh PostgreSQL database beside it, dropped afterwards.
 */

const root = path.resolve(import.meta.dirname, '../..');
const ADMIN_EMAIL = 'paivi.paakayttaja@example.fi';
const ADMIN_PASSWORD = 'Pääkäyttäjän pitkä salalause 1';
const REP_PASSWORD = 'Edustajan oma salalause 2';

let dataDir: string | undefined;
let database: Awaited<ReturnType<typeof ownPostgres>>;
let server: TestServer;
let created: { code: number | null; out: string };

function adminCreate(): Promise<{ code: number | null; out: string }> {
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', ADMIN_PASSWORD };
  if (database) env.DATABASE_URL = database.url;
  else env.DATA_DIR = dataDir;
  const child = spawn('npm', ['run', '-s', 'admin:create', '--', '--email', ADMIN_EMAIL, '--name', 'Päivi Pääkäyttäjä'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

beforeAll(async () => {
  database = await ownPostgres('yp_journey');
  if (!database) dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yp-journey-'));
  created = await adminCreate();
  server = await startServer({ SEED: 'none', ...(database ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir! }) });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('from an empty database to a signed-in representative', () => {
  it('creates the first administrator, who invites a representative; the representative sets a password with the link and signs in', async () => {
    expect(created.code).toBe(0);
    expect(created.out).toContain(`Created the administrator ${ADMIN_EMAIL}`);
    // Nothing else is there: no demo accounts.
    expect(
      (await server.gql('mutation { login(email: "admin@demo.local", password: "demo-password") { token } }')).errors?.[0]
        ?.extensions?.code,
    ).toBe('UNAUTHENTICATED');

    const admin = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    // A representative represents a party. The API has no way to add one (an empty database has none), so the
    // party is put in the database as an installation's import would.
    const party = (await server.app.internals.database.db.execute(
      sql`insert into parties (kind, code, names) values ('MUNICIPALITY', '179', '{"fi": "Jyväskylä"}') returning id`,
    )) as unknown as { rows: { id: string }[] };
    const repEmail = 'reetta.edustaja@example.fi';
    const invited = await server.gql(
      'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { link emailed user { id status } } }',
      {
        input: { email: repEmail, displayName: 'Reetta Edustaja', roles: ['PARTY_REPRESENTATIVE'], partyId: party.rows[0]!.id },
      },
      { token: admin },
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteUser.user.status).toBe('INVITED');
    const link = new URL(invited.data!.inviteUser.link);
    expect(link.origin).toBe(server.url);
    expect(link.pathname).toMatch(/^\/invitation\/ypl_/);
    const token = link.pathname.split('/').pop()!;

    // The representative opens the link: the page asks who they are from the token.
    const view = await server.gql(
      'query ($t: String!) { accountLink(token: $t) { kind state email displayName minPasswordLength } }',
      {
        t: token,
      },
    );
    expect(view.data!.accountLink).toEqual({
      kind: 'INVITATION',
      state: 'VALID',
      email: repEmail,
      displayName: 'Reetta Edustaja',
      minPasswordLength: 12,
    });
    const accepted = await server.gql(
      'mutation ($t: String!, $p: String!) { acceptAccountLink(token: $t, password: $p) { user { email roles status } } }',
      { t: token, p: REP_PASSWORD },
    );
    expect(accepted.data!.acceptAccountLink.user).toEqual({ email: repEmail, roles: ['PARTY_REPRESENTATIVE'], status: 'ACTIVE' });

    const rep = await server.login(repEmail, REP_PASSWORD);
    expect((await server.gql('{ me { displayName roles } }', {}, { token: rep })).data!.me).toEqual({
      displayName: 'Reetta Edustaja',
      roles: ['PARTY_REPRESENTATIVE'],
    });
  });

  it('keeps the only administrator: they can neither deactivate themselves nor leave the secretariat', async () => {
    const admin = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const me = (await server.gql('{ me { id } users(filter: { role: SECRETARIAT }) { id version } }', {}, { token: admin }))
      .data!;
    expect(me.users).toHaveLength(1);
    const demote = await server.gql(
      'mutation ($id: ID!, $v: Int!) { setUserRoles(id: $id, expectedVersion: $v, roles: [ANALYST]) { id } }',
      { id: me.me.id, v: me.users[0].version },
      { token: admin },
    );
    expect(demote.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LAST_SECRETARIAT' });
    const deactivate = await server.gql(
      'mutation ($id: ID!) { deactivateUser(id: $id) { id } }',
      { id: me.me.id },
      { token: admin },
    );
    expect(deactivate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.gql('{ me { roles } }', {}, { token: admin })).data!.me.roles).toEqual(['SECRETARIAT']);
  });
});
