import { afterAll, beforeAll } from 'vitest';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import WebSocket from 'ws';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { DEMO, loginAll, region, type Region } from './factories.js';

type DemoKey = keyof typeof DEMO;

/** The demo accounts' password (contract default). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'demo-password';

/** A GraphQL response as the wire carries it. */
export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
  headers: Headers;
}

/** A running server for one test file, with clients that talk real HTTP and WebSocket to it. */
export interface TestServer {
  app: App;
  url: string;
  wsUrl: string;
  /** POST /graphql as JSON; `token` goes in `Authorization: Bearer`. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { token?: string; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  /** Signs in a demo account (or any) and returns its session token. */
  login(email: string, password?: string): Promise<string>;
  /** A graphql-ws client; authenticates in connection_init when a token is given. */
  ws(token?: string, opts?: { headers?: Record<string, string> }): WsClient;
  stop(): Promise<void>;
}

/**
 * Starts the whole server on a free port: PGlite in memory by default,
 * PostgreSQL when DATABASE_URL is set (shared by parallel files: make your own data).
 */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    DATA_DIR: 'memory://',
    SEED: 'demo',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    // Login limits live in the database: each server counts on its own unless a test shares a prefix.
    RATE_LIMIT_KEY_PREFIX: unique('limits'),
    ...env,
  });
  const app = await buildApp(config);
  const { url } = await app.start();
  const wsUrl = url.replace(/^http/, 'ws') + '/graphql';
  const sockets: WsClient[] = [];

  const gql: TestServer['gql'] = async (query, variables, opts = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  };

  return {
    app,
    url,
    wsUrl,
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const r = await gql<{ login: { token: string } }>(
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      if (!r.data?.login) throw new Error(`login ${email} failed: ${JSON.stringify(r.errors)}`);
      return r.data.login.token;
    },
    ws(token, opts = {}) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: opts.headers });
          }
        },
        connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
        retryAttempts: 0,
        lazy: true,
      });
      sockets.push(client);
      return client;
    },
    async stop() {
      await Promise.all(sockets.map((s) => s.dispose()));
      await app.stop();
    },
  };
}

/** The demo region's server for one file's tests, as `startDemo` gives it. */
export interface Demo<K extends string = never> {
  readonly server: TestServer;
  /** The administrator's session token (also `token.admin`). */
  readonly admin: string;
  /** Session tokens of the accounts `startDemo` was asked to sign in, by their key, and the administrator's. */
  readonly token: Readonly<Record<K | 'admin', string>>;
  /** The demo region's party and person ids (`factory.region`): read only when asked for (`region: true`). */
  readonly region: Region;
}

/**
 * The demo region's server for the tests of one file, signed in as its administrator: started before them and
 * stopped after them. Its fields are set once the file's `beforeAll` has run: read them inside the tests.
 * `env` goes to `startServer`; `own` starts it on a database of its own instead (startOwnServer with that prefix);
 * `users` are more accounts to sign in after the administrator, one after the other: demo accounts by their DEMO
 * key, or e-mails by a key of the file's own; `region` reads the demo region's ids.
 */
export function startDemo<K extends string = never>(
  opts: {
    env?: Record<string, string>;
    own?: string;
    users?: readonly (K & DemoKey)[] | Record<K, string>;
    region?: boolean;
  } = {},
): Demo<K> {
  const demo = {} as { server: TestServer; admin: string; token: Record<string, string>; region: Region };
  beforeAll(async () => {
    demo.server = opts.own ? await startOwnServer(opts.own) : await startServer(opts.env);
    demo.admin = await demo.server.login(DEMO.admin);
    const users: Record<string, string> = Array.isArray(opts.users)
      ? Object.fromEntries(opts.users.map((k: DemoKey) => [k, DEMO[k]]))
      : { ...(opts.users as Record<K, string> | undefined) };
    delete users.admin;
    demo.token = { admin: demo.admin, ...(await loginAll(demo.server, users)) };
    if (opts.region) demo.region = await region(demo.server);
  });
  afterAll(() => demo.server?.stop());
  return demo as Demo<K>;
}

/** A live subscription whose events can be awaited one by one. */
export interface Subscription<T> {
  /** Resolves with the next event, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  /** Errors the subscription ended with (e.g. FORBIDDEN). */
  errors: unknown[];
  /** How many results arrived so far (read or not). */
  received(): number;
  /** Whether the server ended the subscription (complete). */
  completed(): boolean;
  close(): void;
}

/** Polls a condition every few milliseconds until it holds, or fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A moment strictly after every write made before the call and strictly before every write made after
 * it, as an ISO string for `asOf` (timestamps carry milliseconds): waits for the clock to tick on both sides.
 */
export async function instantBetween(): Promise<string> {
  const start = Date.now();
  await waitFor(() => Date.now() > start, 1_000, 'the clock to tick');
  const instant = Date.now();
  await waitFor(() => Date.now() > instant, 1_000, 'the clock to tick');
  return new Date(instant).toISOString();
}

/**
 * Reads until the answer passes `ok` and returns it. For the `changes` feed: it serves a transaction
 * only once every older one has finished, and other files keep writing to a shared PostgreSQL.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 10_000,
  what = 'the expected answer',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last answer: ${String(JSON.stringify(value)).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The caller's notifications (newest first) created since `sinceMs`, read page after page: other files on a
 * shared PostgreSQL notify the same demo accounts, so the ones a test caused need not be on the first page.
 * `fields` must include `createdAt`.
 */
export async function notificationsSince<N extends { createdAt: string }>(
  server: TestServer,
  token: string,
  fields: string,
  sinceMs: number,
  opts: { unreadOnly?: boolean; headers?: Record<string, string> } = {},
): Promise<N[]> {
  const out: N[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GqlResponse<{ notifications: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: N }[] } }> =
      await server.gql(
        `query ($after: String, $unreadOnly: Boolean) { notifications(first: 100, after: $after, unreadOnly: $unreadOnly) {
          pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`,
        { after, unreadOnly: opts.unreadOnly ?? false },
        { token, headers: opts.headers },
      );
    if (!r.data) throw new Error(`notifications: ${JSON.stringify(r.errors)}`);
    const page = r.data.notifications;
    out.push(...page.edges.map((e) => e.node));
    const oldest = page.edges.at(-1)?.node;
    if (!page.pageInfo.hasNextPage || !oldest || Date.parse(oldest.createdAt) < sinceMs) return out;
    after = page.pageInfo.endCursor;
  }
}

/**
 * Sends until the server takes it, as a well-behaved client does: after RATE_LIMITED it sends again
 * once the `retryAfterSeconds` the server named has passed (every attempt counts against the limit, so
 * polling sooner would keep the window full).
 */
export async function honouringRateLimit<T>(send: () => Promise<GqlResponse<T>>, timeoutMs = 30_000): Promise<GqlResponse<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await send();
    const refusal = r.errors?.[0]?.extensions;
    if (refusal?.code !== 'RATE_LIMITED') return r;
    const retryAt = Date.now() + Number(refusal.retryAfterSeconds) * 1000;
    if (retryAt > deadline) throw new Error(`still RATE_LIMITED after ${timeoutMs} ms`);
    await waitFor(() => Date.now() >= retryAt, retryAt - Date.now() + 1_000, 'the time the server named to retry');
  }
}

/**
 * Subscribes and resolves once the server has attached the subscription to its
 * event bus, so that a write made afterwards is certain to be seen.
 */
export async function subscribe<T = any>(
  server: TestServer,
  client: WsClient,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Subscription<T>> {
  // Events committed just before (e.g. the record the test created) may still be on their way to this
  // process's bus; let them pass first, or the new subscription receives them as if they were new. Best
  // effort: an event written without NOTIFY (tests of the bus's catch-up) never reaches other buses.
  const recent = await server.app.internals.database.db.execute(
    sql`select id from change_events where at > now() - interval '3 seconds'`,
  );
  const ids = ((recent as unknown as { rows: { id: number | string }[] }).rows ?? []).map((r) => Number(r.id));
  await waitFor(() => ids.every((id) => server.app.bus.hasSeen(id)), 3_000, 'recent events to reach the bus').catch(() => {});
  // Co-edited documents' subscribers attach to their document's room, not to the bus.
  const attached = () => server.app.bus.size() + server.app.internals.services.documents.subscriberCount();
  const before = attached();
  const sub = listen<T>(client, query, variables);
  await waitFor(() => attached() > before || sub.errors.length > 0 || sub.received() > 0, 5_000, 'the subscription to start');
  return sub;
}

/** Subscribes without waiting for the server (for subscriptions expected to be refused). */
export function listen<T = any>(client: WsClient, query: string, variables?: Record<string, unknown>): Subscription<T> {
  const buffered: T[] = [];
  const waiters: ((v: T) => void)[] = [];
  const errors: unknown[] = [];
  let count = 0;
  let complete = false;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (msg) => {
        count++;
        // A refused subscription answers with one result carrying errors, then completes.
        if (msg.errors) errors.push(...msg.errors);
        const value = (msg.errors ? { errors: msg.errors, data: msg.data } : msg.data) as T;
        const w = waiters.shift();
        if (w) w(value);
        else buffered.push(value);
      },
      error: (err) => errors.push(err),
      complete: () => {
        complete = true;
      },
    },
  );
  return {
    errors,
    received: () => count,
    completed: () => complete,
    next(timeoutMs = 10_000) {
      const ready = buffered.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((v) => {
          clearTimeout(timer);
          resolve(v);
        });
      });
    },
    close: dispose,
  };
}

/**
 * Reads events until one matches, returning it with the events read before it. For subscriptions to
 * "everything I may see": parallel files on one PostgreSQL write their own records into the same stream.
 */
export async function nextWhere<T>(
  sub: Subscription<T>,
  matches: (event: T) => boolean,
  timeoutMs = 10_000,
): Promise<{ match: T; before: T[] }> {
  const before: T[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const event = await sub.next(Math.max(1, deadline - Date.now()));
    if (matches(event)) return { match: event, before };
    before.push(event);
  }
}

/** Resolves once the socket acknowledged the connection (so a subscription started before a write will see it). */
export function connected(client: WsClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const offC = client.on('connected', () => {
      offC();
      offE();
      resolve();
    });
    const offE = client.on('closed', (e) => {
      offC();
      offE();
      reject(Object.assign(new Error('socket closed'), { event: e }));
    });
  });
}

/** A unique suffix so that parallel files on one PostgreSQL never collide. */
export function unique(prefix = 't'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The statements a server sent its database since `countStatements` began. */
export interface StatementCount {
  /** How many, since the last `reset`. */
  count(): number;
  /** The distinct statements since the last `reset`, with `in ($1, $2, …)` lists collapsed, sorted. */
  shapes(): string[];
  /** The statements themselves since the last `reset`, in order. */
  texts(): readonly string[];
  reset(): void;
  /** Stops counting. */
  restore(): void;
}

/**
 * Counts what the server sends its database (PGlite or the pool), to prove a page costs a bounded number of
 * statements. Leaves out reads of `change_events` and `sessions`: the event bus reads notified events on its own
 * schedule (late notifications of other writes), and the credential cache reads the caller's session again whenever
 * its entry expires (AUTH_CACHE_SECONDS) or a revocation on the bus (any file's sign-out on a shared PostgreSQL) kept
 * it from being stored; neither depends on the request measured.
 */
export function countStatements(server: TestServer): StatementCount {
  const client = (server.app.internals.database.db as any).$client;
  const original = client.query;
  const seen: string[] = [];
  client.query = function (...args: unknown[]) {
    const text = String((args[0] as any)?.text ?? args[0]);
    if (!/from "change_events"/.test(text) && !/from "sessions"/.test(text)) seen.push(text);
    return original.apply(this, args);
  };
  return {
    count: () => seen.length,
    shapes: () => [...new Set(seen.map((t) => t.replace(/\(\$\d+(, \$\d+)*\)/g, '(…)')))].sort(),
    texts: () => seen,
    reset: () => void (seen.length = 0),
    restore: () => void (client.query = original),
  };
}

/**
 * A fresh empty PostgreSQL database beside DATABASE_URL's, for a test that must not see other files' writes (a
 * count of statements, a journey from an empty database); `drop` removes it. Without DATABASE_URL there is none:
 * each PGlite server has its own database already.
 */
export async function ownPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = unique(prefix).replace(/-/g, '_');
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * A server on its own database, for a test whose figures must not meet other files' writes and notifications (a
 * count of statements): on PostgreSQL a fresh database (ownPostgres), dropped when the server stops; on PGlite every
 * server has its own.
 */
export async function startOwnServer(prefix: string): Promise<TestServer> {
  const database = await ownPostgres(prefix);
  const server = await startServer(database ? { DATABASE_URL: database.url } : {});
  return {
    ...server,
    async stop() {
      await server.stop();
      await database?.drop();
    },
  };
}
