import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp, type App } from './app.js';
import { loadConfig } from './config.js';
import { withFileLock } from './lib/file-lock.js';
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

/** Whether the built web client is missing or older than its sources. */
function clientStale(dist: string): boolean {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return true;
  if (!fs.existsSync(path.join(root, 'client/src'))) return false;
  return Math.max(newest(path.join(root, 'client/src')), newest(path.join(root, 'schema'))) > fs.statSync(index).mtimeMs;
}

/**
 * Builds the web client quietly: its hundred lines (codegen steps, every chunk) would bury the banner, so
 * they are shown only when it fails. The build runs in a process group of its own, so that a stop can end
 * all of it (npm, its shell, Vite) and leave nothing behind.
 */
function buildClient(running: (child: ChildProcess) => void): Promise<void> {
  console.log('Building the web client (first start or changed sources)…');
  const started = Date.now();
  const child = spawn('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      // Ended by a stop (see shutdown in main): nothing to report.
      if (signal) resolve();
      else if (code === 0) {
        console.log(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else {
        process.stderr.write(output);
        reject(new Error('Building the web client failed'));
      }
    });
  });
}

/** The plain banner for the person who typed `npm start`; the structured log line is for log tools. */
function banner(info: Awaited<ReturnType<App['start']>>, demo: boolean): string {
  const lines = [
    ``,
    `  Yhteispeli is running at ${info.url}`,
    `  Database: ${info.database}${info.seeded ? ' (demo region seeded now)' : ''}`,
  ];
  if (demo) {
    lines.push(`  Demo accounts (password: ${process.env.DEMO_PASSWORD ? 'the DEMO_PASSWORD you set' : 'demo-password'}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(28)} ${a.roles.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const config = loadConfig();
  let build: ChildProcess | undefined;
  let app: App | undefined;
  let starting: Promise<unknown> = Promise.resolve();
  let stopping = false;

  // Listening from the first moment: a stop during the client build ends the build, one during start-up
  // waits for it (no half-run migration), and one while serving drains HTTP, closes sockets with 1001 and
  // closes the database. The process is `npm start`'s own child (no wrapper), so npm's forwarded signal lands here.
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (app) app.log.info({ signal }, 'shutting down');
    else console.log(`Stopping (${signal})…`);
    const force = setTimeout(() => {
      console.error('Stopping took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    if (build && build.exitCode === null) {
      process.kill(-build.pid!, 'SIGTERM');
      build.once('exit', () => process.exit(0));
      return;
    }
    starting
      .catch(() => {})
      .then(() => app?.stop())
      .then(() => process.exit(0))
      .catch((err) => {
        console.error(err);
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  const buildWanted = config.clientDist === path.join(root, 'client/dist') && process.env.SKIP_CLIENT_BUILD !== '1';
  if (buildWanted && clientStale(config.clientDist)) {
    // Two starts on one checkout build one at a time (Vite empties client/dist first); the second finds
    // the client built by the first and builds nothing.
    await withFileLock(
      path.join(root, 'client/.build.lock'),
      async () => {
        if (stopping || !clientStale(config.clientDist)) return;
        await buildClient((child) => (build = child));
        build = undefined;
      },
      { onWait: () => console.log('Waiting for the web client that another start is building…') },
    );
  }
  if (stopping) return;
  const started = Date.now();
  const booting = buildApp(config).then(async (built) => {
    app = built;
    return { info: await built.start(), log: built.log };
  });
  starting = booting;
  const { info, log } = await booting;
  log.info(
    { url: info.url, database: info.database, seeded: info.seeded, startupMs: Date.now() - started },
    `Yhteispeli serves ${info.url} on ${info.database}`,
  );
  console.log(banner(info, config.seed === 'demo'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
