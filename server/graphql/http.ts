import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Kind, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type http from 'node:http';
import type { Logger } from 'pino';
import type { QueryLimits } from '../config.js';
import { AppError, RETRY_AFTER_SECONDS, type ErrorCode } from '../errors.js';
import { checkVariables } from '../validation.js';
import type { GraphQLContext } from './context.js';
import { finishErrors, formatError, isUnexpected } from './format-error.js';
import { checkOperation } from './guards.js';
import { checkLimits, measure } from './limits.js';

/**
 * Checks limits and introspection after validation and before execution, so a
 * refused query runs no resolver; finishes errors with the request id.
 */
function gatePlugin(schema: GraphQLSchema, limits: QueryLimits, log: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return;
          const bad = checkVariables(request.variables);
          if (bad) throw new AppError('BAD_USER_INPUT', 'Invalid input', { fields: { [bad.path]: bad.message }, http: { status: 400 } });
          const m = measure(schema, document, operation, request.variables ?? {});
          if (m.introspection && contextValue.actor.kind === 'anonymous') {
            throw new AppError('UNAUTHENTICATED', 'Introspection requires a signed-in user or an API token', {
              http: { status: 401 },
            });
          }
          const refused = checkLimits(m, limits);
          if (refused) throw refused;
          try {
            checkOperation(schema, document, operation, request.variables ?? {}, contextValue.actor);
          } catch (err) {
            // Refused before execution, so the status says it: 400 for bad input, 403 for a token's mutation.
            if (!(err instanceof AppError)) throw err;
            throw new AppError(err.extensions.code as ErrorCode, err.message, {
              ...err.extensions,
              http: { status: err.extensions.code === 'FORBIDDEN' ? 403 : 400 },
            });
          }
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            if (isUnexpected(err)) (contextValue?.log ?? log).error({ err: err.originalError ?? err }, 'unexpected error');
          }
        },
        async willSendResponse({ response, contextValue, request, operation, errors }) {
          // What Apollo's cache-control plugin answered for every response here (nothing in the schema is cacheable).
          response.http.headers.set('cache-control', 'no-store');
          if (contextValue.actor.kind === 'user' && contextValue.actor.via === 'api_token') {
            // 906/2019 § 17: every query made with a token is logged before the answer leaves.
            await contextValue.services.analytics.recordDisclosure(contextValue.actor, {
              requestId: contextValue.requestId,
              transport: 'http',
              operationType: operation?.operation,
              operationName: request.operationName ?? operation?.name?.value,
              rootFields: operation ? rootFields(operation) : [],
              query: request.query ?? '',
              variables: request.variables,
              outcome: outcomeOf(errors),
            });
          }
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const unavailable = response.body.singleResult.errors.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
          if (unavailable) {
            // The database is away (an outage): 503 with Retry-After, so proxies and clients see a retryable answer.
            response.http.status = 503;
            response.http.headers.set('retry-after', String(unavailable.extensions?.retryAfterSeconds ?? RETRY_AFTER_SECONDS));
          }
          response.body.singleResult.errors = finishErrors(response.body.singleResult.errors, {
            requestId: contextValue.requestId,
            anonymous: contextValue.actor.kind === 'anonymous',
          });
        },
      };
    },
  };
}

/** The top-level field names of an operation (what a disclosure was about). */
export function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/** `ok`, or the distinct error codes of the request. */
export function outcomeOf(errors: readonly GraphQLError[] | undefined): string {
  if (!errors?.length) return 'ok';
  return [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))].join(',');
}

/** Apollo Server 5 on the shared HTTP server: CSRF prevention on, batching off, errors masked. */
export function createApollo(opts: { schema: GraphQLSchema; httpServer: http.Server; limits: QueryLimits; log: Logger }) {
  return new ApolloServer<GraphQLContext>({
    schema: opts.schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Gated per caller by gatePlugin: signed-in users and API tokens may introspect, anonymous callers may not.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // server/index.ts owns SIGTERM/SIGINT and stops in the contract's order; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: opts.limits.maxTokens },
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer }),
      // The landing page loads from a CDN this network cannot reach; tools use POST /graphql.
      ApolloServerPluginLandingPageDisabled(),
      // No @cacheControl hints are part of the contract; the plugin wrapped every field for nothing (issue 10).
      ApolloServerPluginCacheControlDisabled(),
      gatePlugin(opts.schema, opts.limits, opts.log),
    ],
  });
}
