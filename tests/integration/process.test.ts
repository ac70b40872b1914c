import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const root = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `server/index.ts` as `npm start` would, and resolves with its URL from the start-up banner. */
function startProcess(env: Record<string, string>): Promise<{ url: string; output: () => string }> {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'yp-process-'));
  let out = '';
  child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    // Not NODE_ENV=test (inherited from vitest): libraries behave as in production there.
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', SKIP_CLIENT_BUILD: '1', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Yhteispeli is running at (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve({ url: m[1]!, output: () => out });
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

// A whole new process: Node, the TypeScript loader over the server, migrations and (first test) the
// demo seed on a file database, beside the other files' servers on a 2-core machine. Not a speed target.
const PROCESS_TIMEOUT_MS = 120_000;

describe('the server process', () => {
  it('logs where it serves, which database and the demo accounts', async () => {
    const { output } = await startProcess({ SEED: 'demo' });
    expect(output()).toMatch(process.env.DATABASE_URL ? /Database: PostgreSQL at / : /Database: PGlite in /);
    expect(output()).toMatch(/admin@demo\.local/);
    expect(output()).toMatch(/analyst@demo\.local/);
  }, PROCESS_TIMEOUT_MS);

  it('on SIGTERM closes WebSockets with 1001 and exits 0', async () => {
    const { url } = await startProcess({});
    const ws = new WebSocket(url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => ws.once('message', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const signalled = Date.now();
    child!.kill('SIGTERM');
    expect(await closed).toBe(1001);
    expect(await exited).toBe(0);
    // Well before the 15 s forced exit: a clean stop, not a timeout.
    expect(Date.now() - signalled).toBeLessThan(10_000);
  }, PROCESS_TIMEOUT_MS);
});
