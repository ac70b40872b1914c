import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** `npm start` running as a child of the test: npm's own process, its URL and what it printed. */
export interface ServerProcess {
  /** npm's process (the server is its child); leader of a process group of its own. */
  child: ChildProcess;
  url: string;
  output(): string;
  /** Resolves with npm's exit code and signal once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether any process of the group (npm, the server, anything they started) is still alive. */
  groupAlive(): boolean;
  /** SIGKILL to the whole group; for clean-up after a test. */
  kill(): void;
}

/**
 * Starts the server exactly as a user does, `npm start`, in a process group of its own (so that a test can
 * signal npm alone, as a supervisor would, and still find a server left behind), and resolves with its URL
 * from the start-up banner. Not NODE_ENV=test (inherited from vitest): libraries behave as in production.
 */
export function startNpm(env: Record<string, string>): Promise<ServerProcess> {
  let out = '';
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', SKIP_CLIENT_BUILD: '1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  const kill = () => {
    if (groupAlive()) process.kill(-child.pid!, 'SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Yhteispeli is running at (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, output: () => out, exited, groupAlive, kill });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

/** POST /graphql as JSON to a server process, with a Bearer token when given. */
export async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}
