import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Actor } from '../auth/actor.js';
import { parseCookies, SESSION_COOKIE } from '../auth/cookies.js';
import type { QueryLimits } from '../config.js';
import { AppError } from '../errors.js';
import type { createContextFactory, GraphQLContext } from './context.js';
import { finishErrors, formatError, isUnexpected } from './format-error.js';
import { outcomeOf, rootFields } from './http.js';
import { checkLimits, measure } from './limits.js';
import { filterMapStream } from '../realtime/stream.js';

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
  acceptLanguage?: string | null;
  address: string;
}

const DOC_CACHE_SIZE = 500;

/**
 * graphql-ws runs its own parse/validate/execute, so Apollo's limits, error
 * masking and introspection rule do not reach it: apply the same ones here.
 * Parsed and validated documents are cached by their text (validation is the
 * dominant per-message cost).
 */
export function attachWebSocket(opts: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  limits: QueryLimits;
  contexts: ContextFactory;
  allowedOrigins: string[];
  log: Logger;
}) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  const docs = new Map<string, DocumentNode | readonly GraphQLError[]>();

  const parseAndValidate = (query: string): DocumentNode | readonly GraphQLError[] => {
    const hit = docs.get(query);
    if (hit) return hit;
    let result: DocumentNode | readonly GraphQLError[];
    try {
      const doc = parse(query, { maxTokens: opts.limits.maxTokens });
      const errors = validate(opts.schema, doc, specifiedRules);
      result = errors.length ? errors : doc;
    } catch (err) {
      // A syntax error answers this subscription alone; it must not close the socket (4500).
      result = [err instanceof GraphQLError ? err : new GraphQLError('Could not parse the query')];
    }
    if (docs.size >= DOC_CACHE_SIZE) docs.delete(docs.keys().next().value as string);
    docs.set(query, result);
    return result;
  };

  const state = new WeakMap<object, ConnectionState>();
  const formatAll = (errors: readonly GraphQLError[], ctx: ConnectionState, requestId: string) =>
    finishErrors(
      errors.map((e) => formatError(e.toJSON(), e)),
      { requestId, anonymous: ctx.actor?.kind !== 'user' },
    );

  const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema: opts.schema,
      async onConnect(ctx) {
        const req = ctx.extra.request;
        const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : null;
        const cookie = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
        try {
          const actor = await opts.contexts.authenticate({ authorization, sessionCookie: cookie });
          const locale = typeof ctx.connectionParams?.locale === 'string' ? ctx.connectionParams.locale : null;
          state.set(ctx, { actor, acceptLanguage: locale ?? req.headers['accept-language'], address: req.socket.remoteAddress ?? '' });
          return true;
        } catch {
          // An invalid token closes the socket with 4403 Forbidden; the client must not retry it blindly.
          return false;
        }
      },
      async onSubscribe(ctx, id, payload) {
        const conn = state.get(ctx) ?? { address: '' };
        const requestId = randomUUID();
        const contextValue: GraphQLContext = await opts.contexts.create(
          { requestId, acceptLanguage: conn.acceptLanguage, clientAddress: conn.address },
          conn.actor,
        );
        const parsed = parseAndValidate(payload.query);
        const operation = 'kind' in parsed ? getOperationAST(parsed, payload.operationName) : null;
        const variables = (payload.variables ?? {}) as Record<string, unknown>;
        const refusal = ((): readonly GraphQLError[] | undefined => {
          if (!('kind' in parsed)) return parsed.map((e) => toBadInput(e));
          if (!operation) return [new AppError('BAD_USER_INPUT', 'No operation to run', { fields: { operationName: 'Unknown operation' } })];
          const m = measure(opts.schema, parsed, operation, variables);
          if (m.introspection && conn.actor?.kind !== 'user') {
            return [new AppError('UNAUTHENTICATED', 'Introspection requires a signed-in user or an API token')];
          }
          const refused = checkLimits(m, opts.limits);
          return refused ? [refused] : undefined;
        })();
        // 906/2019 § 17: every operation started with a token is logged, refused ones too.
        await contextValue.services.analytics.recordDisclosure(contextValue.actor, {
          requestId,
          transport: 'ws',
          operationType: operation?.operation,
          operationName: payload.operationName ?? operation?.name?.value,
          rootFields: operation ? rootFields(operation) : [],
          query: payload.query,
          variables,
          outcome: outcomeOf(refusal),
        });
        if (refusal || !('kind' in parsed)) return refusal ?? [];
        return {
          schema: opts.schema,
          document: parsed,
          operationName: payload.operationName,
          variableValues: variables,
          contextValue,
        };
      },
      // graphql-js runs every event of a subscription with the context made when it started; give each
      // event fresh DataLoaders so that nested data is never answered from an earlier event's reads.
      async subscribe(args) {
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        const base = args.contextValue as GraphQLContext;
        return filterMapStream(source as AsyncIterableIterator<unknown>, async (payload) =>
          execute({ ...args, rootValue: payload, contextValue: opts.contexts.withFreshLoaders(base) }),
        );
      },
      onNext(ctx, _id, _payload, args, result) {
        if (!result.errors?.length) return;
        const contextValue = args.contextValue as GraphQLContext;
        for (const err of result.errors) if (isUnexpected(err)) contextValue.log.error({ err: err.originalError ?? err }, 'unexpected error');
        return { ...result, errors: formatAll(result.errors, state.get(ctx) ?? { address: '' }, contextValue.requestId) };
      },
      onError(ctx, _id, _payload, errors) {
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
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  return {
    /** Closes every socket with 1001 Going Away and stops the graphql-ws server. */
    async close(): Promise<void> {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function toBadInput(error: GraphQLError): GraphQLError {
  if (error.extensions?.code) return error;
  return new AppError('BAD_USER_INPUT', error.message, { fields: { query: error.message }, locations: error.locations });
}
