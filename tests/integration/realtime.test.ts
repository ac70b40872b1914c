import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, subscribe, unique, waitFor, type TestServer } from './helpers.js';

// The LISTEN connection and its catch-up exist on PostgreSQL only (PGlite is one in-process session),
// so this file runs in CI's PostgreSQL pass. Each server names its connections, so the test drops
// its own server's LISTEN connection and no other file's.
const DATABASE_URL = process.env.DATABASE_URL;

let server: TestServer;
let admin: string;
let sql: pg.Client;
let appName: string;

beforeAll(async () => {
  if (!DATABASE_URL) return;
  appName = unique('yp-realtime');
  server = await startServer({ PG_APPLICATION_NAME: appName, SUBSCRIPTION_BUFFER: '2' });
  admin = await server.login('admin@demo.local');
  sql = new pg.Client({ connectionString: DATABASE_URL });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await server?.stop();
});

/** Ends this server's LISTEN connection and waits until PostgreSQL no longer has it. */
async function dropListenConnection(): Promise<void> {
  const r = await sql.query<{ pid: number }>(
    `select pg_terminate_backend(pid) as ok, pid from pg_stat_activity where application_name = $1`,
    [`${appName}:listen`],
  );
  expect(r.rowCount).toBe(1);
  const pid = r.rows[0]!.pid;
  await waitFor(
    async () => (await sql.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 0,
    5_000,
    'the backend to end',
  );
}

/**
 * Inserts events as a writer would but without NOTIFY: they can reach the server only by the bus's
 * catch-up after it reconnects, never by a notification.
 */
async function insertSilently(partyId: string, count: number): Promise<void> {
  await sql.query(
    `insert into change_events (name, entity_type, entity_id, kind) select 'party.updated', 'party', $1, 'UPDATED' from generate_series(1, $2)`,
    [partyId, count],
  );
}

async function aParty(code: string): Promise<string> {
  const r = await server.gql('{ parties { id code } }', {}, { token: admin });
  return r.data!.parties.find((p: any) => p.code === code).id;
}

describe.skipIf(!DATABASE_URL)('the event bus on PostgreSQL', () => {
  it('reconnects after losing its LISTEN connection and delivers what was committed meanwhile', async () => {
    const partyId = await aParty('892');
    const sub = await subscribe(
      server,
      server.ws(admin),
      'subscription ($id: ID) { partyChanged(id: $id) { kind party { id } } }',
      { id: partyId },
    );
    await dropListenConnection();
    await insertSilently(partyId, 1);
    const event: any = await sub.next(15_000);
    expect(event.partyChanged).toEqual({ kind: 'UPDATED', party: { id: partyId } });
    // The new connection is in place and named like the old one.
    await waitFor(
      async () =>
        (await sql.query('select 1 from pg_stat_activity where application_name = $1', [`${appName}:listen`])).rowCount === 1,
      5_000,
      'the new LISTEN connection',
    );
  });

  it('closes the socket of a subscriber that falls more than SUBSCRIPTION_BUFFER events behind with 4013', async () => {
    const partyId = await aParty('931');
    const client = server.ws(admin);
    const closes: number[] = [];
    client.on('closed', (e) => closes.push((e as { code: number }).code));
    const sub = await subscribe(server, client, 'subscription ($id: ID) { partyChanged(id: $id) { kind } }', { id: partyId });
    // Catch-up hands the bus these ten at once: far more than a buffer of two while the first is delivered.
    await dropListenConnection();
    await insertSilently(partyId, 10);
    await waitFor(() => closes.length > 0, 15_000, 'the socket to close');
    expect(closes).toEqual([4013]);
    // The lag was not reported as a failure of this one operation: the whole socket resynchronises.
    expect(sub.errors.map((e: any) => e.code ?? e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
