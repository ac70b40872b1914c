import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Actor } from '../auth/actor.js';
import { parseCookies, SESSION_COOKIE } from '../auth/cookies.js';
import type { QueryLimits } from '../config.js';
import type { EventBus } from '../realtime/bus.js';
import { REVOKED_TOPIC } from '../realtime/topics.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError, serviceUnavailable } from '../errors.js';
import { bearerToken, type createContextFactory, type GraphQLContext } from './context.js';
import { finishErrors, formatError, isUnexpected } from './format-error.js';
import { createGate } from './gate.js';
import { leafFrame, leafProjection } from './leaf-projection.js';
import { frameSink } from './ws-frames.js';
import { deliverDirectly } from '../realtime/direct.js';
import { bindConnection, createConnection } from '../realtime/connection.js';
import { filterMapStream, SubscriberOutOfSyncError } from '../realtime/stream.js';
import { createScopeCache, type RolesByBody } from '../realtime/scope.js';
import { anonymous } from '../auth/actor.js';
import { createFanOut } from './fanout.js';

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

type ContextFactory = ReturnType<typeof createContextFactory>;

type ConnectionExtra = {
  socket: WebSocket;
  request: http.IncomingMessage;
};

/** Per-connection state kept by graphql-ws between connect and subscribe. */
interface ConnectionState {
  actor?: Actor;
  /** The credentials it authenticated with, checked again at every operation. */
  credentials?: { authorization: string | null; sessionCookie: string | undefined };
  socket?: WebSocket;
  expiryTimer?: ReturnType<typeof setTimeout>;
  acceptLanguage?: string | null;
  address: string;
  /** When its credentials were last checked again (Date.now()). */
  checkedAt?: number;
  /** Ids of the subscriptions running on this socket (MAX_SUBSCRIPTIONS_PER_SOCKET). */
  active?: Set<string>;
  /** What its operations set to end with it (presence joined on it): run when it closes, however. */
  lifetime?: ReturnType<typeof createConnection>;
}

/** How long a socket's credentials, checked again at an operation, are trusted for its next operations. */
const RECHECK_CREDENTIALS_MS = 1_000;
/** Close code for a subscriber whose queue overflowed (SUBSCRIPTION_BUFFER); clients reconnect and resynchronise. */
export const LAGGED_CLOSE_CODE = 4013;
/** Close code when the database is unavailable at connection time (RFC 6455 "Try Again Later"); clients reconnect. */
export const TRY_AGAIN_LATER_CLOSE_CODE = 1013;

/**
 * graphql-ws runs its own parse/validate/execute, so Apollo's plugins and error
 * masking do not reach it: every operation passes the same gate (gate.ts) as
 * over HTTP, with parsed and validated documents cached by their text
 * (validation is the dominant per-message cost), and errors masked here.
 */
export function attachWebSocket(opts: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  limits: QueryLimits;
  /** Active subscriptions one socket may hold; the next is answered RATE_LIMITED, the socket stays open. */
  maxSubscriptions: number;
  contexts: ContextFactory;
  allowedOrigins: string[];
  bus: EventBus;
  /** A user's current roles per body (one query): subscribers' scopes are read through it once and cached. */
  loadRoles: (userId: string) => Promise<RolesByBody>;
  /** Events that may wait for one subscriber (SUBSCRIPTION_BUFFER); more closes its socket with 4013. */
  subscriptionBuffer: number;
  log: Logger;
}) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  const gate = createGate(opts.schema, opts.limits);
  /** One client must not multiply every write: a subscription past the cap is refused, the socket and its others stay. */
  const subscriptionCap = (
    conn: ConnectionState,
    operation: OperationDefinitionNode | null | undefined,
  ): readonly GraphQLError[] | undefined =>
    operation?.operation === 'subscription' && (conn.active?.size ?? 0) >= opts.maxSubscriptions
      ? [
          new AppError('RATE_LIMITED', `At most ${opts.maxSubscriptions} subscriptions on one connection; end one first`, {
            reason: 'TOO_MANY_SUBSCRIPTIONS',
            limit: opts.maxSubscriptions,
            retryAfterSeconds: 0,
          }),
        ]
      : undefined;

  const state = new WeakMap<object, ConnectionState>();
  /** Where a subscription's frames go, from onSubscribe to the subscribe hook (keyed by its context). */
  const subscribers = new WeakMap<object, { socket: WebSocket; id: string; actor: Actor }>();
  const scopes = createScopeCache(opts.bus, opts.loadRoles);
  /** The `payload` of a `next` frame written here (not by graphql-ws): errors logged, formatted and masked as in onNext. */
  const payloadOf = (result: ExecutionResult, ctx: GraphQLContext): unknown => {
    if (!result.errors?.length) return result;
    for (const err of result.errors) if (isUnexpected(err)) ctx.log.error({ err: err.originalError ?? err }, 'unexpected error');
    const errors = finishErrors(
      result.errors.map((e) => formatError(e.toJSON(), e)),
      { requestId: ctx.requestId, anonymous: ctx.actor.kind !== 'user' },
    );
    return { ...result, errors };
  };
  const fanOut = createFanOut({
    bus: opts.bus,
    scopes,
    withFreshLoaders: (ctx) => opts.contexts.withFreshLoaders(ctx),
    payloadOf,
    maxPending: opts.subscriptionBuffer,
    // Frames are small (a few KB): this many waiting in the socket is a client that stopped reading.
    maxBufferedBytes: opts.subscriptionBuffer * 16 * 1024,
    log: opts.log,
  });
  const open = new Set<ConnectionState>();
  // Logout and token revocation close the sockets that authenticated with them, on every instance.
  const stopRevocations = opts.bus.subscribeEphemeral(REVOKED_TOPIC, (payload) => {
    const { sessionId, apiTokenId, userId, reconnect } = (payload ?? {}) as {
      sessionId?: string;
      apiTokenId?: string;
      userId?: string;
      reconnect?: boolean;
    };
    for (const conn of open) {
      const actor = conn.actor;
      if (actor?.kind !== 'user') continue;
      if (
        (sessionId && actor.sessionId === sessionId) ||
        (apiTokenId && actor.apiTokenId === apiTokenId) ||
        (userId && actor.userId === userId)
      ) {
        // Changed roles: reconnect (4013) and be authorised afresh; anything else signs the socket out (4403).
        if (reconnect) conn.socket?.close(LAGGED_CLOSE_CODE, 'Roles changed; reconnect');
        else conn.socket?.close(4403, 'Credentials revoked');
      }
    }
  });
  const formatAll = (errors: readonly GraphQLError[], ctx: ConnectionState, requestId: string) =>
    finishErrors(
      errors.map((e) => formatError(e.toJSON(), e)),
      { requestId, anonymous: ctx.actor?.kind !== 'user' },
    );

  /** Authorises, parses, validates, measures and logs one operation; errors answer it alone. */
  const prepare = async (
    ctx: object,
    id: string,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    const conn = state.get(ctx) ?? { address: '' };
    const requestId = randomUUID();
    // Credentials may have been revoked since the socket opened (logout, a revoked token): check again.
    // At most once a second per socket: a co-editor sends an operation per keystroke, and a revocation closes
    // its sockets through the bus at once (auth.revoked) anyway.
    if (conn.actor?.kind === 'user' && conn.credentials && Date.now() - (conn.checkedAt ?? 0) >= RECHECK_CREDENTIALS_MS) {
      // An outage is not a revocation: it answers this operation SERVICE_UNAVAILABLE and keeps the socket.
      const still = await opts.contexts.authenticate(conn.credentials).catch((err: unknown) => {
        if (isDatabaseUnavailable(err)) throw err;
        return undefined;
      });
      if (still?.kind !== 'user') {
        conn.socket?.close(4403, 'Credentials revoked');
        return [new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again')];
      }
      conn.checkedAt = Date.now();
    }
    const contextValue: GraphQLContext = await opts.contexts.create(
      { requestId, acceptLanguage: conn.acceptLanguage, clientAddress: conn.address },
      conn.actor,
    );
    const parsed = gate.document(payload.query);
    const operation = 'kind' in parsed ? getOperationAST(parsed, payload.operationName) : null;
    const variables = (payload.variables ?? {}) as Record<string, unknown>;
    const refusal = !('kind' in parsed)
      ? parsed
      : (gate.check({ transport: 'ws', document: parsed, operation, variables, actor: contextValue.actor }) ??
        subscriptionCap(conn, operation));
    // Counted at once (no await since the check), so that subscriptions sent together cannot all pass it.
    if (!refusal && operation?.operation === 'subscription') (conn.active ??= new Set()).add(id);
    // 906/2019 § 17: every operation started with a token is logged, refused ones too.
    await gate.disclose(contextValue, {
      transport: 'ws',
      operation,
      operationName: payload.operationName,
      query: payload.query,
      variables,
      errors: refusal,
    });
    if (refusal || !('kind' in parsed)) return refusal ?? [];
    if (conn.lifetime) bindConnection(contextValue, conn.lifetime);
    if (operation?.operation === 'subscription' && conn.socket)
      subscribers.set(contextValue, { socket: conn.socket, id, actor: conn.actor ?? anonymous });
    return {
      schema: opts.schema,
      document: parsed,
      operationName: payload.operationName,
      variableValues: variables,
      contextValue,
    };
  };

  const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema: opts.schema,
      async onConnect(ctx) {
        const req = ctx.extra.request;
        const cookie = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
        try {
          const bearer = bearerToken(ctx.connectionParams?.authorization);
          const authorization = bearer === null ? null : `Bearer ${bearer}`;
          const actor = await opts.contexts.authenticate({ authorization, sessionCookie: cookie });
          const locale = typeof ctx.connectionParams?.locale === 'string' ? ctx.connectionParams.locale : null;
          const conn: ConnectionState = {
            actor,
            credentials: { authorization, sessionCookie: cookie },
            checkedAt: Date.now(),
            socket: ctx.extra.socket,
            acceptLanguage: locale ?? req.headers['accept-language'],
            address: req.socket.remoteAddress ?? '',
            lifetime: createConnection(randomUUID(), (err) => opts.log.error({ err }, 'could not end what a closed socket held')),
          };
          state.set(ctx, conn);
          open.add(conn);
          // A session ends at its expiry even on a socket that stays open.
          if (actor.kind === 'user' && actor.expiresAt) {
            const ms = Math.min(actor.expiresAt.getTime() - Date.now(), 2 ** 31 - 1);
            conn.expiryTimer = setTimeout(() => conn.socket?.close(4403, 'Session expired'), Math.max(0, ms));
            conn.expiryTimer.unref();
          }
          return true;
        } catch (err) {
          // The database is away: 1013 Try Again Later (clients reconnect), not 4403, which signs the user out.
          if (isDatabaseUnavailable(err))
            ctx.extra.socket.close(TRY_AGAIN_LATER_CLOSE_CODE, 'Service unavailable: try again later');
          // A malformed authorization or an invalid token closes the socket with 4403 Forbidden, the reason
          // saying which; the client must not retry it blindly.
          else if (err instanceof AppError) ctx.extra.socket.close(4403, `Forbidden: ${err.message}`);
          return false;
        }
      },
      onClose(ctx) {
        const conn = state.get(ctx);
        if (!conn) return;
        clearTimeout(conn.expiryTimer);
        open.delete(conn);
        // Closed in any way (the client, a ping without a pong, the server): what it held ends now.
        conn.lifetime?.close();
      },
      async onSubscribe(ctx, id, payload) {
        try {
          return await prepare(ctx, id, payload);
        } catch (err) {
          state.get(ctx)?.active?.delete(id);
          // Whatever fails here answers this operation alone; an exception would close the socket (4500).
          if (isDatabaseUnavailable(err)) return [serviceUnavailable()];
          opts.log.error({ err }, 'could not start an operation on the WebSocket');
          return [new AppError('INTERNAL_SERVER_ERROR', 'Internal server error', { requestId: randomUUID() })];
        }
      },
      // Streams of committed events join the fan-out (one execution per group of alike subscribers). Other
      // streams run per subscriber; graphql-js would run every event with the context made when it started, so
      // each event gets fresh DataLoaders and nested data is never answered from an earlier event's reads.
      async subscribe(args) {
        // Leaf-only selections of a pass-through field (co-editing) skip execute per event: see leaf-projection.ts.
        const project = leafProjection(args);
        const subscriber = subscribers.get(args.contextValue as object);
        if (!subscriber) {
          const source = await createSourceEventStream(args);
          if (!isAsyncIterable(source)) return source;
          const base = args.contextValue as GraphQLContext;
          return filterMapStream(
            source as AsyncIterableIterator<unknown>,
            async (payload) =>
              project?.(payload) ?? execute({ ...args, rootValue: payload, contextValue: opts.contexts.withFreshLoaders(base) }),
          );
        }
        const joined = await fanOut.join(args, subscriber.socket, subscriber.id, subscriber.actor);
        if (joined.kind === 'refused') return joined.result;
        if (joined.kind === 'grouped') return joined.handle;
        const base = joined.context;
        const run = (payload: unknown) =>
          execute({ ...args, rootValue: payload, contextValue: opts.contexts.withFreshLoaders(base) });
        // A co-edited document's updates: the stream writes its frames itself, each update serialised once for all.
        const serialise = leafFrame(args);
        if (
          serialise &&
          deliverDirectly(
            joined.stream,
            frameSink(subscriber.socket, subscriber.id, serialise, async (payload) => payloadOf(await run(payload), base)),
          )
        )
          return joined.stream as AsyncIterableIterator<never>;
        return filterMapStream(
          joined.stream as AsyncIterableIterator<unknown>,
          async (payload) => project?.(payload) ?? run(payload),
        );
      },
      onComplete(ctx, id) {
        state.get(ctx)?.active?.delete(id);
      },
      onNext(ctx, _id, _payload, args, result) {
        if (!result.errors?.length) return;
        const contextValue = args.contextValue as GraphQLContext;
        for (const err of result.errors)
          if (isUnexpected(err)) contextValue.log.error({ err: err.originalError ?? err }, 'unexpected error');
        return { ...result, errors: formatAll(result.errors, state.get(ctx) ?? { address: '' }, contextValue.requestId) };
      },
      onError(ctx, id, _payload, errors) {
        state.get(ctx)?.active?.delete(id);
        const lagged = errors.find((err) => err.originalError instanceof SubscriberOutOfSyncError);
        if (lagged) {
          // Events were dropped (too far behind) or could not be delivered for this subscriber. Close the socket rather than end the one operation:
          // the client reconnects, subscribes again and refetches, so every screen is true again.
          opts.log.warn(
            { address: state.get(ctx)?.address, reason: lagged.message },
            'closing the socket of a subscriber out of sync (4013)',
          );
          ctx.extra.socket.close(LAGGED_CLOSE_CODE, 'Too far behind: reconnect to resynchronise');
          // graphql-ws formats an error message even for a closing socket (it is not sent).
          return [new AppError('RATE_LIMITED', lagged.message, { retryAfterSeconds: 0 })];
        }
        for (const err of errors) if (isUnexpected(err)) opts.log.error({ err: err.originalError ?? err }, 'unexpected error');
        return formatAll(errors, state.get(ctx) ?? { address: '' }, randomUUID());
      },
    },
    wss,
  );

  const isAllowedOrigin = (req: http.IncomingMessage): boolean => {
    const origin = req.headers.origin;
    // Non-browser clients (analytics tools, tests) send no Origin; browsers always do.
    if (!origin) return true;
    if (opts.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  };

  opts.httpServer.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!isAllowedOrigin(req)) {
      opts.log.warn({ origin: req.headers.origin }, 'WebSocket upgrade refused: foreign origin');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit('connection', ws, req);
      // graphql-ws prints a socket's 'error' to console.error as a bare stack; a client's protocol error (a frame
      // over maxPayload, which ws closes with 1009) is one log line instead, and the socket closes as before.
      ws.removeAllListeners('error').on('error', (err: Error & { code?: string }) => {
        opts.log.warn({ reason: err.message, code: err.code, address: req.socket.remoteAddress }, 'WebSocket protocol error');
        if (ws.readyState === ws.OPEN) ws.close(1011, 'Internal server error');
      });
    });
  });

  return {
    /** Closes every socket with 1001 Going Away and stops the graphql-ws server. */
    async close(): Promise<void> {
      stopRevocations();
      fanOut.stop();
      scopes.stop();
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      // A peer that never answers the closing handshake (a frozen tab, a dead link) would hold the stop for
      // ws's 30 s, past the process's forced exit; it has had its 1001, so cut it after a few seconds.
      const cut = setTimeout(() => wss.clients.forEach((client) => client.terminate()), 5_000);
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      clearTimeout(cut);
    },
  };
}
