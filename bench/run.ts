/**
 * Benchmark: seeds a large region (10,000 needs, 50,000 actions, 200,000
 * change events) on PGlite and, when BENCH_DATABASE_URL is set, on
 * PostgreSQL, then measures over real HTTP with an analyst's API token:
 * the register's first page with filters, needStatistics by two dimensions,
 * and a full `changes` sync. Prints the figures; docs/performance.md keeps them.
 *
 *   npm run bench                                   # PGlite only
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/yp_bench npm run bench
 *
 * The PostgreSQL database is emptied first (its public schema is dropped).
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import type { Db } from '../server/db/client.js';
import { loadConfig } from '../server/config.js';

const NEEDS = Number(process.env.BENCH_NEEDS ?? 10_000);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 50_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const REGISTER = `query Register($filter: ServiceNeedFilter, $first: Int) {
  serviceNeeds(filter: $filter, first: $first) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id title status priority estimatedResidents targetGroups
      themes { code } municipalities { code name } ownerBody { name }
      responsibilities { role party { code name } } actions { id title status dueDate ownerParty { code } } } }
  }
}`;
const STATISTICS = `query Stats { needStatistics(groupBy: [STATUS, THEME]) { keys { dimension value } count estimatedResidents } }`;
const CHANGES = `query Sync($after: String) { changes(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor } edges { node { id at entityType entityId kind } } } }`;

/** Bulk rows in SQL (fast on both databases), drawn from the seeded parties, themes and bodies. */
async function seedLarge(db: Db): Promise<void> {
  await db.execute(sql`
    insert into service_needs (title, summary, status, priority, target_groups, theme_codes, municipality_ids, estimated_residents, owner_body_id, demo)
    select 'Bench need ' || g,
           'Generated for the benchmark',
           (array['IDENTIFIED','UNDER_ANALYSIS','AGREED','IN_PROGRESS','MONITORING','RESOLVED','ESCALATED','REJECTED'])[1 + g % 8],
           (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4],
           array[(array['CHILDREN_AND_FAMILIES','PUPILS_AND_STUDENTS','YOUTH','WORKING_AGE','UNEMPLOYED','IMMIGRANTS','OLDER_PEOPLE','PEOPLE_WITH_DISABILITIES','WHOLE_POPULATION'])[1 + g % 9]],
           array[(select code from themes order by sort_order offset (g % (select count(*) from themes)) limit 1)],
           array[(select id from parties where kind = 'MUNICIPALITY' order by code offset (g % 22) limit 1)],
           (g * 37) % 400,
           (select id from cooperation_bodies order by created_at offset (g % (select count(*) from cooperation_bodies)) limit 1),
           true
    from generate_series(1, ${NEEDS}) g`);
  await db.execute(sql`
    insert into need_responsibilities (need_id, party_id, role)
    select n.id, n.municipality_ids[1], 'LEAD' from service_needs n where n.title like 'Bench need %'
    union all
    select n.id, (select id from parties where kind = 'WELLBEING_SERVICES_COUNTY' limit 1), 'CONTRIBUTOR' from service_needs n where n.title like 'Bench need %'
    on conflict do nothing`);
  await db.execute(sql`
    with needs as (select id, municipality_ids[1] as party, row_number() over (order by id) as rn from service_needs where title like 'Bench need %')
    insert into need_actions (need_id, title, owner_party_id, due_date, status)
    select needs.id, 'Bench action ' || g, needs.party, date '2026-01-01' + (g % 700),
           (array['PLANNED','IN_PROGRESS','DONE','CANCELLED'])[1 + g % 4]
    from generate_series(1, ${ACTIONS}) g join needs on needs.rn = 1 + g % ${NEEDS}`);
  await db.execute(sql`
    with needs as (select id, row_number() over (order by id) as rn from service_needs where title like 'Bench need %')
    insert into change_events (name, entity_type, entity_id, kind, entity_version, after, scope, at)
    select 'need.updated', 'service_need', needs.id::text, 'UPDATED', 1 + g / ${NEEDS}, jsonb_build_object('status', 'IN_PROGRESS'),
           jsonb_build_object('needId', needs.id),
           now() - interval '1 day' + (g || ' milliseconds')::interval
    from generate_series(1, ${EVENTS}) g join needs on needs.rn = 1 + g % ${NEEDS}`);
  await db.execute(sql`analyze`);
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), min: s[0]! };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
}

async function runOn(label: string, env: Record<string, string>) {
  const app = await buildApp(loadConfig({ ...process.env, PORT: '0', SEED: 'demo', LOG_LEVEL: 'warn', ...env }));
  const { url } = await app.start();
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(`${label}: ${JSON.stringify(body.errors).slice(0, 400)}`);
    return body.data;
  };
  try {
    const progress = (what: string) => console.error(`${label}: ${what}`);
    const [seedMs] = await timed(() => seedLarge(app.internals.database.db));
    progress(`seeded in ${(seedMs / 1000).toFixed(1)} s`);
    const session = (await gql('mutation { login(email: "analyst@demo.local", password: "demo-password") { token } }', {})).login.token;
    const token = (await gql('mutation { createApiToken(name: "bench", scopes: [READ]) { token } }', {}, session)).createApiToken.token;

    const filter = { status: ['IN_PROGRESS', 'AGREED', 'MONITORING'], themeCodes: ['HYTE', 'EMPLOYMENT', 'STUDENT_WELFARE'] };
    const register: number[] = [];
    const statistics: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const [a] = await timed(() => gql(REGISTER, { filter, first: 50 }, token));
      const [b] = await timed(() => gql(STATISTICS, {}, token));
      // The first two runs warm caches and are not counted.
      if (i >= 2) {
        register.push(a);
        statistics.push(b);
      }
    }
    progress('register and needStatistics measured; syncing changes');
    let after: string | null = null;
    let events = 0;
    let pages = 0;
    const [syncMs] = await timed(async () => {
      for (;;) {
        const data: any = await gql(CHANGES, { after }, token);
        events += data.changes.edges.length;
        pages++;
        if (!data.changes.pageInfo.hasNextPage) break;
        after = data.changes.pageInfo.endCursor;
      }
    });
    return {
      database: label,
      seed: `${NEEDS} needs, ${ACTIONS} actions, ${EVENTS} events in ${(seedMs / 1000).toFixed(1)} s`,
      registerFirstPage: stats(register),
      needStatisticsTwoDimensions: stats(statistics),
      fullChangesSync: { events, pages, totalMs: Math.round(syncMs), eventsPerSecond: Math.round(events / (syncMs / 1000)) },
    };
  } finally {
    await app.stop();
  }
}

async function main() {
  const results = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yp-bench-'));
  try {
    results.push(await runOn('PGlite', { DATA_DIR: dir, DATABASE_URL: '' }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public');
    await client.end();
    results.push(await runOn('PostgreSQL', { DATABASE_URL: pgUrl }));
  }
  const fmt = (s: { median: number; p95: number }) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`;
  console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${RUNS} runs each\n`);
  for (const r of results) {
    console.log(`${r.database}: ${r.seed}`);
    console.log(`  register first page (50, filtered): ${fmt(r.registerFirstPage)}`);
    console.log(`  needStatistics by STATUS × THEME:  ${fmt(r.needStatisticsTwoDimensions)}`);
    console.log(`  full changes sync: ${r.fullChangesSync.events} events in ${r.fullChangesSync.pages} pages, ${r.fullChangesSync.totalMs} ms (${r.fullChangesSync.eventsPerSecond}/s)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
