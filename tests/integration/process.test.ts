import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { like } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../server/db/client.js';
import { needComments } from '../../server/modules/needs/needs.table.js';
import { DEMO_PASSWORD, waitFor } from './helpers.js';
import { gql, startNpm, type ServerProcess } from './server-process.js';

let server: ServerProcess | undefined;
let dataDir: string | undefined;

afterEach(() => {
  server?.kill();
  server = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start` on a fresh PGlite folder (or DATABASE_URL when set), seeding the demo region when empty. */
async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'yp-process-'));
  server = await startNpm({ DATA_DIR: dataDir, SEED: 'demo', ...env });
  return server;
}

/** A raw graphql-ws socket with one subscription; counts its events and resolves with its close code. */
async function subscriber(url: string, token: string, query: string) {
  const ws = new WebSocket(url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let events = 0;
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw.toString()) as { type: string };
    if (msg.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    if (msg.type === 'next') events++;
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  return { closed, events: () => events };
}

/**
 * A write the server holds in flight: its headers go out with `Expect: 100-continue`, and this resolves once the
 * server has parsed them and taken the request (Node answers `100 Continue` just before it emits 'request'), with
 * the body still unsent. `send()` sends the body and resolves with the answer.
 */
async function heldWrite(url: string, token: string, variables: Record<string, unknown>) {
  const body = JSON.stringify({ query: COMMENT, variables });
  const req = http.request(`${url}/graphql`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
      expect: '100-continue',
    },
  });
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('error', reject);
      res.once('end', () => resolve({ status: res.statusCode!, text }));
    });
  });
  answered.catch(() => {}); // awaited after send(); a failure before then must not go unhandled
  await within(new Promise((resolve) => req.once('continue', resolve)), 'the server to take a held write');
  return { send: () => (req.end(body), answered) };
}

/** Whether the server refuses a new connection: it has stopped listening, so its drain has begun. */
function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

/** The promise's value, or a failure naming what did not happen within `ms` (a limit, not a target). */
function within<T>(promise: Promise<T>, what: string, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)),
  );
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// A whole new process: npm, Node, the TypeScript loader over the server, migrations and the demo seed on a
// file database, beside the other files' servers on a 2-core machine. Not a speed target.
const PROCESS_TIMEOUT_MS = 120_000;
const COMMENT = 'mutation ($n: ID!, $b: String!) { addNeedComment(needId: $n, body: $b) { id } }';

describe('the server process (`npm start`)', () => {
  it(
    'logs where it serves, which database and the demo accounts',
    async () => {
      const { output } = await start();
      expect(output()).toMatch(process.env.DATABASE_URL ? /Database: PostgreSQL at / : /Database: PGlite in /);
      expect(output()).toMatch(/admin@demo\.local/);
      expect(output()).toMatch(/analyst@demo\.local/);
    },
    PROCESS_TIMEOUT_MS,
  );

  // As a supervisor stops it (SIGTERM to npm alone), and as Ctrl-C does (SIGINT to npm and the server at once).
  it.each([
    { how: 'SIGTERM to npm', signal: (npm: number) => process.kill(npm, 'SIGTERM') },
    { how: 'Ctrl-C (SIGINT to the whole process group)', signal: (npm: number) => process.kill(-npm, 'SIGINT') },
  ])(
    'on $how under load answers every write it took, closes every socket with 1001, exits 0 and leaves nothing behind',
    async ({ signal }) => {
      const { url, child, exited, groupAlive } = await start();
      const login = await gql(url, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: 'admin@demo.local',
        p: DEMO_PASSWORD,
      });
      const token = login.data.login.token as string;
      const needs = await gql(url, '{ serviceNeeds(first: 1) { edges { node { id } } } }', {}, token);
      const needId = needs.data.serviceNeeds.edges[0].node.id as string;
      const sockets = await Promise.all(
        [1, 2, 3, 4].map(() => subscriber(url, token, `subscription { serviceNeedChanged(id: "${needId}") { name } }`)),
      );

      // Writers keep a few comments in flight at all times until the signal; each remembers how it ended.
      const run = `shutdown-${process.pid}-${Date.now()}`;
      const outcomes = new Map<string, 'answered' | 'answered-after-signal' | 'no-answer'>();
      const failures: unknown[] = [];
      let signalled = false;
      let n = 0;
      const writer = async () => {
        while (!signalled) {
          const body = `${run}-${n++}`;
          const r = await gql(url, COMMENT, { n: needId, b: body }, token).catch(() => undefined);
          outcomes.set(body, !r ? 'no-answer' : signalled ? 'answered-after-signal' : 'answered');
          if (r?.errors) failures.push(r.errors);
        }
      };
      const writers = [1, 2, 3, 4, 5, 6].map(() => writer());
      // Under load: every socket has seen events of the writes, so every subscription is live.
      await waitFor(() => sockets.every((s) => s.events() > 0), 60_000, 'events on every socket');
      // One write certainly in flight when the signal comes: the server has taken it, its body is still to come.
      // (On a busy machine the server may not yet have read any writer's request when the signal comes; those it drops
      // unrun, as it should, and none is answered after the signal.)
      const heldBody = `${run}-held`;
      const held = await heldWrite(url, token, { n: needId, b: heldBody });

      signalled = true;
      signal(child.pid!);
      // Its body goes out only once the drain has begun, so the drain must wait for it, run it and answer it.
      await waitFor(() => refusesConnections(url), 30_000, 'the server to stop accepting connections');
      const heldAnswer = await within(held.send(), 'the held write to be answered');
      outcomes.set(heldBody, 'answered-after-signal');
      expect(heldAnswer.status, heldAnswer.text).toBe(200);
      expect(JSON.parse(heldAnswer.text)).toEqual({ data: { addNeedComment: { id: expect.any(String) } } });
      await within(Promise.all(writers), 'every write to end');
      expect(await within(Promise.all(sockets.map((s) => s.closed)), 'every socket to close')).toEqual([1001, 1001, 1001, 1001]);
      expect(await within(exited, 'npm to exit')).toEqual({ code: 0, signal: null });
      await waitFor(() => !groupAlive(), 10_000, 'no process of `npm start` left').catch(() => {});
      expect(groupAlive()).toBe(false);
      expect(failures).toEqual([]);
      // Writes were in flight when the signal came (the held one at least), and they were answered rather than cut off.
      expect([...outcomes.values()].filter((o) => o === 'answered-after-signal').length).toBeGreaterThan(0);

      // Nothing committed without an answer: every comment in the database was answered to its writer.
      const database = await openDatabase({
        databaseUrl: process.env.DATABASE_URL || undefined,
        dataDir: dataDir!,
        log: pino({ level: 'silent' }),
      });
      try {
        const stored = await database.db
          .select({ body: needComments.body })
          .from(needComments)
          .where(like(needComments.body, `${run}-%`));
        expect(stored.map((s) => s.body)).toContain(heldBody);
        for (const { body } of stored) expect(outcomes.get(body), body).not.toBe('no-answer');
      } finally {
        await database.close();
      }
    },
    PROCESS_TIMEOUT_MS,
  );
});
