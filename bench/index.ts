/**
 * The bench: Yhteispeli beside its peers in one run, one table per database.
 *
 *   npm run bench                                              # PGlite
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/yp_bench npm run bench
 *                                                              # PGlite, then PostgreSQL (BENCH_PGLITE=0: PostgreSQL only)
 *   BENCH_QUICK=1 npm run bench                                # smaller sizes, a few minutes
 *   BENCH_ROWS=fanout,coedit,changes,http npm run bench        # only these rows
 *
 * Each server runs as a child process (its CPU read from /proc), one at a
 * time: ours first (seeded with a large region), then the peers, installed on
 * demand in $BENCH_PEERS_DIR. The PostgreSQL database is emptied first (its
 * public schema is dropped); PostGraphile and raw pg read the very same tables.
 * Sizes: bench/run.ts (BENCH_* variables). docs/performance.md keeps the tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { installPeers } from './peers/install.js';
import { formatTable } from './table.js';
import { assemble, type Results } from './rows/assemble.js';
import { attempt, progress, quick, sizes } from './run.js';
import { measureOurs } from './measure-ours.js';
import { measurePeers } from './measure-peers.js';
import { retries } from './clients/http.js';
import { reopened } from './clients/socket.js';

async function emptyDatabase(url: string): Promise<string> {
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
      const ours = await measureOurs('PGlite', { DATA_DIR: dir, DATABASE_URL: '' });
      tables.push({ database: 'PGlite 0.5.17 (on disk)', results: { ours, ...(await measurePeers(peers, undefined)) } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) {
    const database = await emptyDatabase(pgUrl);
    const ours = await measureOurs('PostgreSQL', { DATABASE_URL: pgUrl });
    tables.push({ database, results: { ours, ...(await measurePeers(peers, pgUrl)) } });
  }
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`\n${started.toISOString()} to ${new Date().toISOString()}`);
  console.log(
    `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}${quick ? ', BENCH_QUICK=1' : ''}`,
  );
  console.log(`Load average (1, 5, 15 min): before ${fmtLoad(loadBefore)}, after ${fmtLoad(os.loadavg())}`);
  console.log(`Sizes: ${JSON.stringify(sizes)}`);
  if (retries.count) console.log(`HTTP requests sent again after a failed connection: ${retries.count}`);
  if (reopened.count) console.log(`Sockets opened again after the server closed them in the handshake: ${reopened.count}`);
  for (const { database, results } of tables) {
    console.log(`\nDatabase: ${database}\n`);
    console.log(formatTable(assemble(results, sizes)));
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
