/**
 * What the audit stream costs a representative, who reads needs' events record by record: the NDJSON export
 * (`GET /export/changes.ndjson`), a `changes` sync in pages of 1,000 and `totalCount`, over EVENTS events each of
 * another need, on PGlite in memory (one process, no peers). Prints the time and the statements each sent the database.
 *
 *   npx tsx bench/changes-export.ts            # 5,000 events
 *   BENCH_EXPORT_EVENTS=20000 npx tsx bench/changes-export.ts
 */
import os from 'node:os';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { seedLarge } from './seed.js';

const EVENTS = Number(process.env.BENCH_EXPORT_EVENTS ?? 5000);
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password';

const app = await buildApp(
  loadConfig({
    ...process.env,
    PORT: '0',
    DATA_DIR: 'memory://',
    DATABASE_URL: '',
    SEED: 'demo',
    SKIP_CLIENT_BUILD: '1',
    LOG_LEVEL: 'silent',
  }),
);
const { url } = await app.start();

async function gql(query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const login = async (email: string): Promise<string> =>
  (await gql('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: PASSWORD })).login
    .token;

async function exportLines(after: string | undefined, token: string): Promise<{ cursor: string }[]> {
  const query = after === undefined ? '' : `?after=${encodeURIComponent(after)}`;
  const res = await fetch(`${url}/export/changes.ndjson${query}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export answered ${res.status}`);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { cursor: string });
}

/** Every statement the server sends its database while `fn` runs (the reads of change_events too). */
async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; statements: number }> {
  const client = (app.internals.database.db as any).$client;
  const original = client.query;
  let statements = 0;
  client.query = function (...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  };
  const t = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t, statements };
  } finally {
    client.query = original;
  }
}

try {
  const admin = await login('admin@demo.local');
  const laukaa = await login('laukaa@demo.local');
  const start = (await exportLines(undefined, admin)).at(-1)!.cursor;
  await seedLarge(app.internals.database.db, { NEEDS: EVENTS, ACTIONS: 0, EVENTS });
  const rows: [string, { ms: number; statements: number }, string][] = [];
  const exported = await measure(() => exportLines(start, laukaa));
  rows.push(['export (NDJSON)', exported, `${exported.value.length} lines`]);
  const synced = await measure(async () => {
    let after: string | null = start;
    let events = 0;
    for (;;) {
      const page: any = await gql(
        'query ($after: String) { changes(first: 1000, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        { after },
        laukaa,
      );
      events += page.changes.edges.length;
      if (!page.changes.pageInfo.hasNextPage) return events;
      after = page.changes.pageInfo.endCursor;
    }
  });
  rows.push(['changes(first: 1000) sync', synced, `${synced.value} events`]);
  const counted = await measure(() => gql('{ changes(first: 1) { totalCount } }', {}, laukaa));
  rows.push(['changes { totalCount }', counted, `${counted.value.changes.totalCount} events`]);
  console.log(`${EVENTS} events of ${EVENTS} needs, as Laukaa's representative, PGlite in memory, Node ${process.version}`);
  for (const [what, { ms, statements }, shown] of rows)
    console.log(
      `${what.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(7)} s ${String(statements).padStart(7)} statements  ${shown}`,
    );
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await app.stop();
}
