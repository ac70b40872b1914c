import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { DEMO_ACCOUNTS } from './modules/auth/auth.seed.js';

const root = path.resolve(import.meta.dirname, '..');

/** Newest modification time under a folder (to tell whether the built client is stale). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes('generated')) continue;
    latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** `npm start` builds the web client when it is missing or older than its sources. */
function ensureClientBuilt(dist: string): void {
  const index = path.join(dist, 'index.html');
  const sources = [path.join(root, 'client'), path.join(root, 'schema')];
  const stale =
    !fs.existsSync(index) ||
    (fs.existsSync(path.join(root, 'client/src')) &&
      Math.max(...sources.map((d) => newest(d === path.join(root, 'client') ? path.join(d, 'src') : d))) > fs.statSync(index).mtimeMs);
  if (!stale) return;
  console.log('Building the web client (first start or changed sources)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the web client failed');
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.clientDist === path.join(root, 'client/dist') && process.env.SKIP_CLIENT_BUILD !== '1') ensureClientBuilt(config.clientDist);
  const started = Date.now();
  const app = await buildApp(config);
  const info = await app.start();
  app.log.info(
    { url: info.url, database: info.database, seeded: info.seeded, startupMs: Date.now() - started },
    `Yhteispeli serves ${info.url} on ${info.database}`,
  );
  // A plain banner for the person who typed `npm start`; the structured line above is for log tools.
  const lines = [``, `  Yhteispeli is running at ${info.url}`, `  Database: ${info.database}${info.seeded ? ' (demo region seeded now)' : ''}`];
  if (config.seed === 'demo') {
    lines.push(`  Demo accounts (password: ${process.env.DEMO_PASSWORD ? 'the DEMO_PASSWORD you set' : 'demo-password'}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(28)} ${a.roles.join(', ')}`);
  }
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    app
      .stop()
      .then(() => process.exit(0))
      .catch((err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
