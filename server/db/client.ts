import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Logger } from 'pino';
import * as schema from './schema.js';

/** The one database type for both drivers (a union of the two would not be callable). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * A handle on `db` that follows the transaction open in the caller's async context: inside
 * `within(tx, fn)` every query made through the handle, by any service `fn` calls, joins `tx` (its
 * reads see the transaction's writes and its locks); elsewhere it is `db`. Services are built on the
 * handle, so a policy check inside `write()` reads roles through the same transaction it writes in,
 * instead of reading them before it began and checking again after (on PGlite, one connection, a read
 * on `db` inside a transaction would wait for it forever; on PostgreSQL it would read outside it).
 */
export function followTransactions(db: Db): { db: Db; within<T>(tx: Db, fn: () => Promise<T>): Promise<T> } {
  const open = new AsyncLocalStorage<{ tx: Db | undefined }>();
  const handle = new Proxy(db, {
    get(target, prop, receiver) {
      return Reflect.get(open.getStore()?.tx ?? target, prop, receiver);
    },
  });
  return {
    db: handle,
    async within(tx, fn) {
      const store: { tx: Db | undefined } = { tx };
      try {
        return await open.run(store, fn);
      } finally {
        // Work `fn` left running (and callbacks run after COMMIT in this context) must not use a finished transaction.
        store.tx = undefined;
      }
    },
  };
}

/** A listener's callbacks: a notification, "the connection was lost", and "the connection was re-established, catch up". */
export interface ListenHandlers {
  onNotify: (channel: string, payload: string) => void;
  onLost?: () => void;
  onReconnect: () => void;
}

/** A database of either kind behind one interface. */
export interface Database {
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up log (no password). */
  description: string;
  db: Db;
  /**
   * For queries made with API tokens: on PostgreSQL a pool of its own whose
   * statements are cancelled after the analytics timeout, so a slow analytics
   * query never holds up interactive users. On PGlite the same as `db`.
   */
  analyticsDb: Db;
  /** Applies the migrations, then runs `afterMigrate` while holding a lock so that concurrent starts seed once. */
  migrate(afterMigrate?: () => Promise<void>): Promise<void>;
  /** LISTEN to channels on one dedicated connection (one per process); resolves to a function that stops listening. */
  listen(channels: string[], handlers: ListenHandlers): Promise<() => Promise<void>>;
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');
/** The LISTEN connection retries at least this often while the database is away, so it is back within about a second. */
const LISTEN_RETRY_MAX_MS = 1_000;
/** How long opening a connection may take before it counts as failed (an unreachable host would otherwise hang). */
const CONNECT_TIMEOUT_MS = 10_000;
/** Serialises migrate-and-seed across processes sharing one PostgreSQL (tests run files in parallel). */
const MIGRATION_LOCK = 724_0001;

/** Opens PostgreSQL when `databaseUrl` is set, otherwise PGlite in `dataDir`. */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  log: Logger;
  /** Statement timeout of the analytics pool (PostgreSQL). */
  analyticsStatementTimeoutMs?: number;
  /** PostgreSQL `application_name` of this instance's connections (pools, `:analytics`, `:listen`). */
  applicationName?: string;
}): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.log, opts.analyticsStatementTimeoutMs ?? 15_000, opts.applicationName ?? 'yhteispeli')
    : openPglite(opts.dataDir);
}

/**
 * A new embedded cluster runs initdb, seconds of CPU (more on a busy machine). An in-memory database is
 * an empty cluster every time, so a process makes one and starts each later in-memory database from its
 * copy (a tenth of the time): one test worker starts dozens of servers.
 */
let emptyCluster: Promise<Blob> | undefined;

async function openInMemory(): Promise<PGlite> {
  if (emptyCluster) {
    const copy = await emptyCluster.catch(() => undefined);
    if (copy) return PGlite.create({ loadDataDir: copy });
  }
  const client = await PGlite.create();
  // Copied before anyone writes to it (and forgotten if the copy fails: the next one tries again).
  emptyCluster = client.dumpDataDir('none');
  emptyCluster.catch(() => (emptyCluster = undefined));
  await emptyCluster.catch(() => undefined);
  return client;
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(dataDir, { recursive: true });
  const client = inMemory ? await openInMemory() : await PGlite.create(dataDir);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    description: inMemory ? 'PGlite (in memory)' : `PGlite in ${path.resolve(dataDir)}`,
    db,
    // One embedded session runs one statement at a time: a separate pool would not help here.
    analyticsDb: db,
    async migrate(afterMigrate) {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
      await afterMigrate?.();
    },
    async listen(channels, handlers) {
      // PGlite is one in-process session: notifications arrive after COMMIT like on a server.
      const stops = await Promise.all(channels.map((ch) => client.listen(ch, (payload) => handlers.onNotify(ch, payload))));
      return async () => {
        await Promise.all(stops.map((stop) => stop()));
      };
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      await client.close();
    },
  };
}

/**
 * Every client of a pool gets an error handler for its whole life. pg-pool handles errors of idle
 * clients only; a client checked out (inside a transaction) whose connection dies emits 'error' with
 * no listener, which would end the process. Its query fails too, and the caller answers for it.
 */
function watchClients(pool: pg.Pool, log: Logger, what: string): void {
  pool.on('error', (err) => log.warn({ err }, `idle ${what} client error`));
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err }, `${what} connection error`));
  });
}

/**
 * A pool that releases a checked-out client once its connection ends. drizzle's `transaction()`
 * releases its client in a `finally`, but runs BEGIN before the `try`: on a connection that died a
 * moment before (a restart, a terminated backend) the client would hold its pool slot for good, and
 * after ten such the pool would wait forever (and `end()` with it). Releasing twice is a no-op here.
 */
class ReleasingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ) {
    // The callback form is pg's own (pool.query), which releases on every path.
    if (callback) return super.connect(callback);
    return super.connect().then((client) => {
      const release = client.release;
      let released = false;
      const releaseOnce = (err?: Error | boolean) => {
        if (released) return;
        released = true;
        client.off('end', onEnd);
        release(err);
      };
      const onEnd = () => releaseOnce(new Error('Connection ended while checked out'));
      client.release = releaseOnce;
      client.once('end', onEnd);
      return client;
    });
  }
}

async function openPostgres(url: string, log: Logger, analyticsTimeoutMs: number, applicationName: string): Promise<Database> {
  const pool = new ReleasingPool({
    connectionString: url,
    max: 10,
    application_name: applicationName,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  watchClients(pool, log, 'PostgreSQL');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const analyticsPool = new ReleasingPool({
    connectionString: url,
    max: 4,
    application_name: `${applicationName}:analytics`,
    options: `-c statement_timeout=${analyticsTimeoutMs}`,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  watchClients(analyticsPool, log, 'PostgreSQL analytics');
  const analyticsDb = drizzlePg({ client: analyticsPool, schema }) as unknown as Db;
  const safeUrl = new URL(url);
  safeUrl.password = '';
  let closed = false;
  const listeners = new Set<pg.Client>();
  return {
    kind: 'postgres',
    description: `PostgreSQL at ${safeUrl.host}${safeUrl.pathname}`,
    db,
    analyticsDb,
    async migrate(afterMigrate) {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder });
        await afterMigrate?.();
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        lockClient.release();
      }
    },
    async listen(channels, handlers) {
      let client: pg.Client | undefined;
      let stopped = false;
      let attempt = 0;
      const scheduleReconnect = (): void => {
        if (stopped || closed) return;
        // Notifications sent while nobody listens are lost: reconnect, then let the bus catch up by id.
        // Short, capped backoff: the bus is deaf until it is back, so it tries every second at most.
        const delay = Math.min(LISTEN_RETRY_MAX_MS, 100 * 2 ** attempt++);
        setTimeout(() => {
          connect()
            .then(() => {
              log.info('LISTEN connection re-established');
              handlers.onReconnect();
            })
            .catch((err) => {
              // One line when it starts failing and one a minute after, not one a second.
              if (attempt === 1 || attempt % 60 === 0) log.warn({ err, attempts: attempt }, 'LISTEN reconnect failed; retrying');
              scheduleReconnect();
            });
        }, delay).unref();
      };
      const connect = async (): Promise<void> => {
        // keepAlive: a half-open connection would otherwise leave the bus deaf without an error.
        const c = new pg.Client({
          connectionString: url,
          keepAlive: true,
          keepAliveInitialDelayMillis: 10_000,
          connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
          application_name: `${applicationName}:listen`,
        });
        let ready = false;
        c.on('notification', (msg) => {
          if (channels.includes(msg.channel) && msg.payload !== undefined) handlers.onNotify(msg.channel, msg.payload);
        });
        c.on('error', (err) => log.warn({ err }, 'LISTEN connection error'));
        c.on('end', () => {
          listeners.delete(c);
          if (!ready || stopped || closed) return;
          log.warn('LISTEN connection lost; reconnecting');
          handlers.onLost?.();
          scheduleReconnect();
        });
        try {
          await c.connect();
          for (const channel of channels) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        } catch (err) {
          await c.end().catch(() => {});
          throw err;
        }
        ready = true;
        attempt = 0;
        listeners.add(c);
        client = c;
      };
      await connect();
      return async () => {
        stopped = true;
        await client?.end().catch(() => {});
      };
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      closed = true;
      await Promise.all([...listeners].map((c) => c.end().catch(() => {})));
      await Promise.all([pool.end(), analyticsPool.end()]);
    },
  };
}
