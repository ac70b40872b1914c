/**
 * The bench: Yhteispeli beside its peers in one run, one table per database.
 *
 *   npm run bench                                                    # PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/yp_bench npm run bench   # PGlite, then PostgreSQL
 *   BENCH_QUICK=1 npm run bench                                      # smaller sizes, a few minutes
 *
 * Each server runs as a child process (its CPU read from /proc), one at a
 * time: ours first (seeded with a large region), then the peers, installed on
 * demand in $BENCH_PEERS_DIR. The PostgreSQL database is emptied first (its
 * public schema is dropped); PostGraphile and raw pg read the very same tables.
 * Sizes: see `sizes` below (BENCH_* variables). docs/performance.md keeps the tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { installPeers, type Peers } from './peers/install.js';
import { bareWsPeer, graphqlWsPeer, postgraphilePeer, rawPgPeer, yWebsocketPeer } from './peers/start.js';
import { startOurs } from './ours.js';
import { formatTable } from './table.js';
import { assemble, type Outcome, type Results, type Sizes } from './rows/assemble.js';
import { cpuPerMessage, latency, type FanoutTarget } from './rows/fanout.js';
import { coedit } from './rows/coedit.js';
import { oursFullSync, postgraphileFullSync } from './rows/changes.js';
import { OURS, POSTGRAPHILE, graphqlRate, needsOk, partiesOk, rawRate, registerAndStatistics } from './rows/http.js';
import { yWebsocketEditors } from './coedit/y-websocket.js';
import type { Child } from './proc.js';

const quick = process.env.BENCH_QUICK === '1';
const num = (name: string, full: number, small: number) => Number(process.env[name] ?? (quick ? small : full));
const sizes = {
  needs: num('BENCH_NEEDS', 10_000, 2_000),
  actions: num('BENCH_ACTIONS', 50_000, 10_000),
  events: num('BENCH_EVENTS', 200_000, 20_000),
  runs: num('BENCH_RUNS', 20, 5),
  httpSeconds: num('BENCH_HTTP_SECONDS', 10, 3),
  httpConcurrency: num('BENCH_HTTP_CONCURRENCY', 8, 8),
  fanoutSubscribers: num('BENCH_FANOUT_SUBSCRIBERS', 500, 200),
  fanoutMutations: num('BENCH_FANOUT_MUTATIONS', 20, 5),
  latencySubscribers: num('BENCH_LATENCY_SUBSCRIBERS', 1000, 300),
  latencyMutations: num('BENCH_LATENCY_MUTATIONS', 20, 10),
  latencyPerSecond: num('BENCH_LATENCY_PER_SECOND', 5, 5),
  editors: num('BENCH_EDITORS', 50, 20),
  keystrokesPerSecond: num('BENCH_KEYSTROKES_PER_SECOND', 2, 2),
  coeditSeconds: num('BENCH_COEDIT_SECONDS', 20, 6),
};
const load = { seconds: sizes.httpSeconds, concurrency: sizes.httpConcurrency };
const progress = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** A measurement that failed is a cell that says so, not a lost run. */
async function attempt<T>(what: string, fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    progress(what);
    return await fn();
  } catch (err) {
    progress(`${what} failed: ${(err as Error).stack ?? err}`);
    return `failed: ${String((err as Error).message ?? err).slice(0, 80)}`;
  }
}

async function withChild<C extends { stop(): Promise<void> } | { child: Child }, T>(start: () => Promise<C>, fn: (c: C) => Promise<T>): Promise<T> {
  const c = await start();
  try {
    return await fn(c);
  } finally {
    await ('stop' in c ? c.stop() : c.child.stop());
  }
}

async function measureFanout(target: () => Promise<FanoutTarget>, withLatency: boolean) {
  return withChild(target, async (t) => {
    const lat = withLatency
      ? await attempt(`${t.child.name}: latency and idle sockets`, () => latency(t, sizes.latencySubscribers, sizes.latencyMutations, sizes.latencyPerSecond))
      : 'n/a';
    const cpu = await attempt(`${t.child.name}: CPU per message`, () => cpuPerMessage(t, sizes.fanoutSubscribers, sizes.fanoutMutations));
    return { cpu, lat };
  });
}

async function runOn(label: string, env: Record<string, string>, databaseUrl: string | undefined, peers: Outcome<Peers>): Promise<Results> {
  const na = databaseUrl ? undefined : 'n/a (PostgreSQL only)';
  const noPeers = typeof peers === 'string' ? `n/a (${peers})` : undefined;
  progress(`${label}: starting Yhteispeli`);
  const ours = await withChild(
    () => startOurs(env),
    async (o) => {
      const seeded = await o.child.request<{ ms: number }>('seed', { needs: sizes.needs, actions: sizes.actions, events: sizes.events });
      progress(`${label}: seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
      // Sockets first, on a fresh heap (as for the peers): memory freed by earlier rows would be reused and hide their cost.
      const lat = await attempt('Yhteispeli: latency and idle sockets', () =>
        latency(o.fanout, sizes.latencySubscribers, sizes.latencyMutations, sizes.latencyPerSecond),
      );
      const cpu = await attempt('Yhteispeli: CPU per message', () => cpuPerMessage(o.fanout, sizes.fanoutSubscribers, sizes.fanoutMutations));
      const partiesRate = await attempt('Yhteispeli: parties', () => graphqlRate(o.url, OURS.parties, o.apiToken, load, partiesOk((d) => d.parties)));
      const needs50Rate = await attempt('Yhteispeli: 50 needs', () =>
        graphqlRate(o.url, OURS.needs50, o.apiToken, load, needsOk((d) => d.serviceNeeds.edges)),
      );
      const rs = await attempt('Yhteispeli: register and statistics', () => registerAndStatistics(o.url, o.apiToken, sizes.runs));
      const sync = await attempt('Yhteispeli: changes sync', () => oursFullSync(o.url, o.apiToken));
      const co = await attempt('Yhteispeli: co-editing', async () =>
        coedit(await o.coeditors(), o.child, sizes.editors, sizes.keystrokesPerSecond, sizes.coeditSeconds),
      );
      return {
        partiesRate,
        needs50Rate,
        sync,
        cpuPerMessage: cpu,
        latency: lat,
        coedit: co,
        register: typeof rs === 'string' ? rs : rs.register,
        statistics: typeof rs === 'string' ? rs : rs.statistics,
      };
    },
  );

  const results: Results = {
    ours,
    postgraphile: { partiesRate: na ?? noPeers ?? '', needs50Rate: na ?? noPeers ?? '', sync: na ?? noPeers ?? '' },
    rawPgPartiesRate: na ?? noPeers ?? '',
    graphqlWs: { cpuPerMessage: noPeers ?? '', latency: noPeers ?? '' },
    bareWsCpuPerMessage: noPeers ?? '',
    yWebsocket: noPeers ?? '',
  };
  if (typeof peers === 'string') return results;

  if (databaseUrl) {
    const pgl = await attempt('PostGraphile 5', () =>
      withChild(
        () => postgraphilePeer(peers, databaseUrl),
        async (c) => ({
          partiesRate: await attempt('PostGraphile: parties', () => graphqlRate(c.url, POSTGRAPHILE.parties, undefined, load, partiesOk((d) => d.allParties.nodes))),
          needs50Rate: await attempt('PostGraphile: 50 needs', () =>
            graphqlRate(c.url, POSTGRAPHILE.needs50, undefined, load, needsOk((d) => d.allServiceNeeds.nodes)),
          ),
          sync: await attempt('PostGraphile: changes sync', () => postgraphileFullSync(c.url)),
        }),
      ),
    );
    if (typeof pgl === 'string') results.postgraphile = { partiesRate: pgl, needs50Rate: pgl, sync: pgl };
    else results.postgraphile = pgl;
    results.rawPgPartiesRate = await attempt('raw pg: parties', () => withChild(() => rawPgPeer(peers, databaseUrl), (c) => rawRate(c.url, load)));
  }
  const gws = await attempt('plain graphql-ws', () => measureFanout(() => graphqlWsPeer(peers), true));
  results.graphqlWs = typeof gws === 'string' ? { cpuPerMessage: gws, latency: gws } : { cpuPerMessage: gws.cpu, latency: gws.lat };
  const bare = await attempt('bare ws', () => measureFanout(() => bareWsPeer(peers), false));
  results.bareWsCpuPerMessage = typeof bare === 'string' ? bare : bare.cpu;
  results.yWebsocket = await attempt('y-websocket: co-editing', () =>
    withChild(
      () => yWebsocketPeer(peers),
      (c) =>
        coedit(yWebsocketEditors({ peersDir: peers.dir, url: c.url, room: 'bench' }), c, sizes.editors, sizes.keystrokesPerSecond, sizes.coeditSeconds),
    ),
  );
  return results;
}

async function databaseVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('show server_version');
    await client.query('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public');
    return `PostgreSQL ${rows[0].server_version}`;
  } finally {
    await client.end();
  }
}

async function main() {
  const started = new Date();
  const loadBefore = os.loadavg();
  const peers = await attempt('peers', async () => installPeers(progress));
  const tables: { database: string; results: Results }[] = [];
  if (process.env.BENCH_PGLITE !== '0') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yp-bench-'));
    try {
      tables.push({ database: 'PGlite 0.5.17 (on disk)', results: await runOn('PGlite', { DATA_DIR: dir, DATABASE_URL: '' }, undefined, peers) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) {
    const version = await databaseVersion(pgUrl);
    tables.push({ database: version, results: await runOn('PostgreSQL', { DATABASE_URL: pgUrl }, pgUrl, peers) });
  }
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`\n${started.toISOString()} to ${new Date().toISOString()}`);
  console.log(`Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}${quick ? ', BENCH_QUICK=1' : ''}`);
  console.log(`Load average (1, 5, 15 min): before ${fmtLoad(loadBefore)}, after ${fmtLoad(os.loadavg())}`);
  console.log(`Sizes: ${JSON.stringify(sizes)}`);
  for (const { database, results } of tables) {
    console.log(`\nDatabase: ${database}\n`);
    console.log(formatTable(assemble(results, sizes as Sizes)));
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
