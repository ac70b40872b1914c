import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import pino from 'pino';
import { clearedSessionCookie, parseCookies, SESSION_COOKIE, sessionCookie } from './auth/cookies.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { unavailableAs503 } from './db/unavailable.js';
import { createContextFactory } from './graphql/context.js';
import { createApollo } from './graphql/http.js';
import { graphqlRequestGuard, jsonErrorHandler } from './graphql/http-guard.js';
import { serveAnalystsGuide } from './http/analytics.guide.js';
import { routeAttachments } from './http/attachments.routes.js';
import { answerClientErrors, lastErrorHandler } from './http/client-error.js';
import { serveClient } from './http/client.routes.js';
import { routeExports } from './http/exports/exports.js';
import { routeOidc } from './http/oidc.routes.js';
import { routeOparl } from './http/oparl.routes.js';
import { goalReportPdfHandler, minutesPdfHandler } from './http/pdf.routes.js';
import { pickLocale } from './lib/locale.js';
import { buildSchema } from './graphql/schema.js';
import { attachWebSocket } from './graphql/ws.js';
import { createServices } from './modules/index.js';
import { createLoaders } from './modules/loaders.js';
import { createNotifyBus } from './realtime/bus.js';
import { createWriter } from './realtime/write.js';
import { seedDemoRegion } from './seed/seed.js';

/** A running server: where it listens and what it runs on. */
export interface StartedApp {
  url: string;
  port: number;
  database: string;
  seeded: boolean;
}

/**
 * The whole server, used by `npm start` and by tests alike: HTTP (Apollo) and
 * WebSocket (graphql-ws) on one port and path, the web client at `/`.
 */
export async function buildApp(config: Config) {
  const log = pino({ level: config.logLevel, base: undefined });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    log,
    analyticsStatementTimeoutMs: config.analyticsStatementTimeoutMs,
    applicationName: config.pgApplicationName,
  });
  const bus = createNotifyBus(database, log, { subscriptionBuffer: config.subscriptionBuffer });
  const writer = createWriter(database, bus);
  const services = createServices({ db: writer.db, write: writer.write, writeAsSystem: writer.writeAsSystem, bus, config, log });
  // API tokens read through their own pool (a statement timeout, no effect on interactive users); they never write.
  const tokenServices =
    database.analyticsDb === database.db
      ? services
      : createServices({ db: database.analyticsDb, write: writer.write, bus, config, log });
  const contexts = createContextFactory({
    services,
    servicesFor: (actor) => (actor.kind === 'user' && actor.via === 'api_token' ? tokenServices : services),
    createLoaders: (actor) =>
      createLoaders(actor.kind === 'user' && actor.via === 'api_token' ? database.analyticsDb : database.db),
    log,
    pickLocale,
  });
  const schema = buildSchema();

  const expressApp = express();
  expressApp.disable('x-powered-by');
  if (config.trustProxy)
    expressApp.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  const httpServer = http.createServer(expressApp);
  answerClientErrors(httpServer);
  const apollo = createApollo({ schema, httpServer, limits: config.limits, log });
  let ready = false;
  let seeded = false;
  let ws: ReturnType<typeof attachWebSocket> | undefined;
  let ownUrl = `http://${config.host}:${config.port}`;

  expressApp.use((req, res, next) => {
    // On stop the drain ends idle keep-alive connections; a request already on its way over one is read after
    // that and could run (and commit) with no way left to answer it. Run nothing that cannot be answered: drop
    // it unrun, and its client sees a reset connection, as for a refused one, with nothing done.
    if (req.socket.writableEnded) {
      req.socket.destroy();
      return;
    }
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ requestId, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  });

  // 200 {status: "ok"} only when the database answers and the bus hears committed events; else 503.
  expressApp.get('/healthz', async (_req, res) => {
    const db = ready && (await pingWithin(database, HEALTH_PING_TIMEOUT_MS)) ? 'up' : 'down';
    const { listening, lastEventAgeMs } = bus.health();
    const busState = ready && listening ? 'up' : 'down';
    const ok = db === 'up' && busState === 'up';
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : ready ? 'unavailable' : 'starting', db, bus: busState, lastEventAgeMs });
  });

  serveAnalystsGuide(expressApp, path.resolve(import.meta.dirname, '../docs/analytics.md'));

  return {
    /** Migrates, seeds when asked and empty, starts the bus and listens. */
    async start(): Promise<StartedApp> {
      await database.migrate(async () => {
        if (config.seed === 'demo') seeded = await seedDemoRegion(database.db, { demoPassword: config.demoPassword, log });
      });
      await bus.start();
      await apollo.start();
      expressApp.use(
        '/graphql',
        express.json({ limit: '2mb' }),
        graphqlRequestGuard,
        expressMiddleware(apollo, {
          context: async ({ req, res }) => {
            const secure = config.cookieSecure;
            return unavailableAs503(() =>
              contexts.create({
                requestId: String(res.locals.requestId),
                authorization: req.header('authorization'),
                sessionCookie: parseCookies(req.header('cookie')).get(SESSION_COOKIE),
                acceptLanguage: req.header('accept-language'),
                clientAddress: req.ip ?? req.socket.remoteAddress ?? '',
                http: {
                  setSessionCookie: (token, expiresAt) => res.append('Set-Cookie', sessionCookie(token, expiresAt, secure)),
                  clearSessionCookie: () => res.append('Set-Cookie', clearedSessionCookie(secure)),
                },
              }),
            );
          },
        }),
      );
      expressApp.get(
        '/meetings/:id/minutes.pdf',
        minutesPdfHandler(() => services.meetings),
      );
      const sessionOf = (req: express.Request) => parseCookies(req.header('cookie')).get(SESSION_COOKIE);
      routeExports(expressApp, (facts) => contexts.create(facts), sessionOf);
      if (config.oidc) {
        routeOidc(expressApp, {
          config: config.oidc,
          people: () => services.people,
          baseUrl: () => config.mail.publicUrl ?? ownUrl,
          cookieSecure: config.cookieSecure,
          log,
        });
      }
      expressApp.get(
        '/agreements/:agreementId/goals/:goalId/report.pdf',
        goalReportPdfHandler((facts) => contexts.create(facts), sessionOf),
      );
      routeAttachments(expressApp, {
        createContext: (facts) => contexts.create(facts),
        cookieOf: sessionOf,
        allowedOrigins: config.allowedOrigins,
        incomingDir: () => services.attachments.incomingDir,
      });
      routeOparl(expressApp, {
        oparl: () => services.oparl,
        createContext: (facts, actor) => contexts.create(facts, actor),
        publicUrl: config.mail.publicUrl,
        log,
      });
      expressApp.use('/graphql', jsonErrorHandler);
      serveClient(expressApp, config.clientDist);
      expressApp.use(lastErrorHandler(log));
      ws = attachWebSocket({
        httpServer,
        schema,
        limits: config.limits,
        maxSubscriptions: config.maxSubscriptionsPerSocket,
        loadRoles: (userId) => services.cooperation.activeRolesOfUser(userId),
        subscriptionBuffer: config.subscriptionBuffer,
        contexts,
        allowedOrigins: config.allowedOrigins,
        bus,
        log,
      });
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve());
      });
      ready = true;
      const address = httpServer.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      ownUrl = `http://${config.host}:${port}`;
      services.notifications.start(ownUrl);
      services.invitations.start(ownUrl);
      return { url: `http://${config.host}:${port}`, port, database: database.description, seeded };
    },

    /** Stops accepting, finishes in-flight writes, closes sockets with 1001, then the database. */
    async stop(): Promise<void> {
      ready = false;
      // Co-edited updates waiting for their batch are stored now, so their acknowledgements still reach open sockets.
      await services.documents.flush();
      // Apollo's drain plugin stops accepting and waits for in-flight requests (and so their writes).
      await Promise.all([ws?.close(), apollo.stop().catch(() => {})]);
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await services.notifications.stop();
      await services.invitations.stop();
      await Promise.all([services.documents.stop(), tokenServices === services ? undefined : tokenServices.documents.stop()]);
      await writer.drain();
      await bus.stop();
      await database.close();
    },

    log,
    config,
    bus,
    /** The write path and services, for tests that must reach below the API (e.g. a rolled-back write). */
    internals: { write: writer.write, services, tokenServices, database },
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;

export { serveAnalystsGuide };

/** A health check must answer even when the database hangs. */
const HEALTH_PING_TIMEOUT_MS = 2_000;

/** Whether the database answers within `ms`. */
async function pingWithin(database: Database, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      database.ping().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
