import os from 'node:os';
import path from 'node:path';

/** Everything the server reads from its environment, with the defaults of the contract. */
export interface Config {
  /** `PORT`, default 4000; 0 picks a free port (tests). */
  port: number;
  /** `HOST`, default 127.0.0.1. */
  host: string;
  /** `DATABASE_URL`: PostgreSQL when set, embedded PGlite otherwise. */
  databaseUrl: string | undefined;
  /** `DATA_DIR`, default ./.data: PGlite's folder; `memory://` keeps it in memory. */
  dataDir: string;
  /** `SEED`: `demo` seeds the demo region on an empty database; `none` skips. Default demo on PGlite, none on PostgreSQL. */
  seed: 'demo' | 'none';
  /** `DEMO_PASSWORD`, default demo-password: the demo accounts' password. */
  demoPassword: string;
  /** `LOG_LEVEL`, default info (silent in tests unless set). */
  logLevel: string;
  /** `CLIENT_DIST`, default client/dist: the built web client served at `/`. */
  clientDist: string;
  /** Attachment storage and scanning (`ATTACHMENTS_*`). */
  attachments: AttachmentsConfig;
  /** `ALLOWED_ORIGINS`: comma-separated origins besides the server's own that may open the WebSocket. */
  allowedOrigins: string[];
  /** `SESSION_TTL_HOURS`, default 12. */
  sessionTtlHours: number;
  /**
   * `AUTH_CACHE_SECONDS`, default 10: how long an authenticated session or API token is served from memory
   * before it is read again; revocations evict it at once on every instance (ADR 0012). 0 turns the cache off.
   */
  authCacheSeconds: number;
  /** `COOKIE_SECURE`: mark the session cookie Secure (behind HTTPS). Default false. */
  cookieSecure: boolean;
  /**
   * `TRUST_PROXY`: Express's "trust proxy" (e.g. `1` or `loopback`) so that the client address, used by the
   * login rate limit, is read from X-Forwarded-For behind a reverse proxy. Default off.
   */
  trustProxy: string | undefined;
  /** `ANALYTICS_STATEMENT_TIMEOUT_MS`, default 15000: statements run for API tokens are cancelled after this (PostgreSQL). */
  analyticsStatementTimeoutMs: number;
  /** `PG_APPLICATION_NAME`, default `yhteispeli`: how this instance's connections appear in pg_stat_activity (`…:analytics`, `…:listen`). */
  pgApplicationName: string;
  /** `DOCUMENT_COMPACT_AFTER`, default 300: a co-edited document's updates are folded into a snapshot once this many pile up. */
  documentCompactAfter: number;
  /** `DOCUMENT_UPDATES_PER_SECOND`, default 60: a user pushing more document updates than this gets RATE_LIMITED. */
  documentUpdatesPerSecond: number;
  /** `DOCUMENT_BATCH_MS`, default 50: co-edited updates are stored per document in batches at most this old; acknowledged after COMMIT. */
  documentBatchMs: number;
  /** `DOCUMENT_BATCH_MAX`, default 64: a batch of this many updates is stored at once. */
  documentBatchMax: number;
  /**
   * `SUBSCRIPTION_BUFFER`, default 1000: events waiting for one slow subscriber; beyond it the socket is
   * closed with 4013 and the client reconnects and resynchronises instead of the server growing memory.
   */
  subscriptionBuffer: number;
  /**
   * `MAX_SUBSCRIPTIONS_PER_SOCKET`, default 100: active subscriptions one WebSocket may hold; the next one is
   * answered `RATE_LIMITED` (reason `TOO_MANY_SUBSCRIPTIONS`) while the socket and its other subscriptions stay open.
   */
  maxSubscriptionsPerSocket: number;
  /**
   * `RATE_LIMIT_KEY_PREFIX`, default `yhteispeli`: the namespace of the login limits kept in the database.
   * Instances that share the limits use the same one (tests give each server its own).
   */
  rateLimitKeyPrefix: string;
  /** Query limits applied before execution, on HTTP and WebSocket alike. */
  limits: QueryLimits;
  /** E-mail of notifications (notifications module). */
  mail: MailConfig;
  /** Single sign-on through OpenID Connect; undefined unless all three `OIDC_*` variables are set. */
  oidc: OidcConfig | undefined;
}

/** An OpenID Connect provider (e.g. Entra ID) whose users sign in to accounts the secretariat invited (issue 12). */
export interface OidcConfig {
  /** `OIDC_ISSUER`: the issuer URL, whose `/.well-known/openid-configuration` is read on first use. */
  issuer: string;
  /** `OIDC_CLIENT_ID`: this application's client id at the provider. */
  clientId: string;
  /** `OIDC_CLIENT_SECRET`: its secret. The redirect URI to register is `PUBLIC_URL/auth/oidc/callback`. */
  clientSecret: string;
}

/** Where attachments are kept (ADR 0015). */
export interface AttachmentsConfig {
  /** `ATTACHMENTS_STORE`, default `db`: `db` keeps the bytes in the database (chunked bytea), `disk` in files under `dir`. */
  store: 'db' | 'disk';
  /** `ATTACHMENTS_DIR`, default `${DATA_DIR}/attachments` (a temporary folder when DATA_DIR is `memory://`). */
  dir: string;
  /** `ATTACHMENTS_SCANNER`, default `none`: the virus-scan hook (`eicar-test` refuses files with the EICAR marker; for tests). */
  scanner: string;
}

/** Where notification e-mails go out; without `SMTP_URL` notifications stay in the app. */
export interface MailConfig {
  /** `SMTP_URL`, e.g. `smtp://user:pass@mail.example.org:587` or `smtps://…`; unset: no e-mail. */
  smtpUrl: string | undefined;
  /** `MAIL_FROM`, default `Yhteispeli <noreply@localhost>`: the sender of notification e-mails. */
  from: string;
  /** `PUBLIC_URL`: the web client's address as recipients reach it, for links in e-mails; default the server's own `http://HOST:PORT`. */
  publicUrl: string | undefined;
}

/** Limits checked before a query runs; documented in the README for tool authors. */
export interface QueryLimits {
  /** `QUERY_MAX_DEPTH`, default 12. */
  maxDepth: number;
  /** `QUERY_MAX_ALIASES`, default 30. */
  maxAliases: number;
  /** `QUERY_MAX_COST`, default 20000: fields weighted by list sizes (`first`, else 20 per list). */
  maxCost: number;
  /** `QUERY_MAX_TOKENS`, default 5000: parser token limit. */
  maxTokens: number;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n)) throw new Error(`Expected an integer, got "${value}"`);
  return n;
}

function attachmentsConfig(env: Record<string, string | undefined>): AttachmentsConfig {
  const store = env.ATTACHMENTS_STORE || 'db';
  if (store !== 'db' && store !== 'disk') throw new Error(`ATTACHMENTS_STORE must be "db" or "disk", got "${store}"`);
  const dataDir = env.DATA_DIR || './.data';
  const dir =
    env.ATTACHMENTS_DIR ||
    (dataDir.startsWith('memory://')
      ? path.join(os.tmpdir(), `yhteispeli-attachments-${process.pid}`)
      : path.join(dataDir, 'attachments'));
  return { store, dir: path.resolve(dir), scanner: env.ATTACHMENTS_SCANNER || 'none' };
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const seed = env.SEED ?? (databaseUrl ? 'none' : 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new Error(`SEED must be "demo" or "none", got "${seed}"`);
  return {
    port: int(env.PORT, 4000),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: env.DATA_DIR || './.data',
    seed,
    demoPassword: env.DEMO_PASSWORD || 'demo-password',
    logLevel: env.LOG_LEVEL || (env.VITEST ? 'silent' : 'info'),
    clientDist: env.CLIENT_DIST || path.resolve(import.meta.dirname, '../client/dist'),
    attachments: attachmentsConfig(env),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sessionTtlHours: int(env.SESSION_TTL_HOURS, 12),
    authCacheSeconds: int(env.AUTH_CACHE_SECONDS, 10),
    cookieSecure: env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY || undefined,
    analyticsStatementTimeoutMs: int(env.ANALYTICS_STATEMENT_TIMEOUT_MS, 15_000),
    pgApplicationName: (env.PG_APPLICATION_NAME ?? '').trim() || 'yhteispeli',
    documentCompactAfter: Math.max(6, int(env.DOCUMENT_COMPACT_AFTER, 300)),
    documentUpdatesPerSecond: Math.max(1, int(env.DOCUMENT_UPDATES_PER_SECOND, 60)),
    documentBatchMs: Math.min(1_000, Math.max(0, int(env.DOCUMENT_BATCH_MS, 50))),
    documentBatchMax: Math.max(1, int(env.DOCUMENT_BATCH_MAX, 64)),
    subscriptionBuffer: Math.max(1, int(env.SUBSCRIPTION_BUFFER, 1000)),
    maxSubscriptionsPerSocket: Math.max(1, int(env.MAX_SUBSCRIPTIONS_PER_SOCKET, 100)),
    rateLimitKeyPrefix: (env.RATE_LIMIT_KEY_PREFIX ?? '').trim() || 'yhteispeli',
    limits: {
      maxDepth: int(env.QUERY_MAX_DEPTH, 12),
      maxAliases: int(env.QUERY_MAX_ALIASES, 30),
      maxCost: int(env.QUERY_MAX_COST, 20000),
      maxTokens: int(env.QUERY_MAX_TOKENS, 5000),
    },
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM || 'Yhteispeli <noreply@localhost>',
      publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    },
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? { issuer: env.OIDC_ISSUER.trim(), clientId: env.OIDC_CLIENT_ID.trim(), clientSecret: env.OIDC_CLIENT_SECRET }
        : undefined,
  };
}
