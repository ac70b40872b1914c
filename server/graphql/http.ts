import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type http from 'node:http';
import type { Logger } from 'pino';
import type { QueryLimits } from '../config.js';
import { RETRY_AFTER_SECONDS } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { finishErrors, formatError, isUnexpected, markLiteralPaths } from './format-error.js';
import { createGate, type Gate } from './gate.js';

/**
 * The gate (gate.ts) after Apollo's validation and before execution, so a refused operation runs no
 * resolver; the disclosure record and the request id on errors as every answer leaves.
 */
function gatePlugin(gate: Gate, log: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          // A literal argument's error names its argument path (`asOf`), as a variable's does.
          return async (errors) => markLiteralPaths(errors, document);
        },
        async didResolveOperation({ document, operation, request, contextValue }) {
          // Without an operation Apollo answers in its own words (BAD_USER_INPUT after formatError).
          if (!operation) return;
          const refusal = gate.check({
            transport: 'http',
            document,
            operation,
            variables: request.variables ?? {},
            actor: contextValue.actor,
          });
          if (refusal?.[0]) throw refusal[0];
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            if (isUnexpected(err)) (contextValue?.log ?? log).error({ err: err.originalError ?? err }, 'unexpected error');
          }
        },
        async willSendResponse({ response, contextValue, request, operation, errors }) {
          // What Apollo's cache-control plugin answered for every response here (nothing in the schema is cacheable).
          response.http.headers.set('cache-control', 'no-store');
          // 906/2019 § 17: every query made with a token is logged before the answer leaves.
          await gate.disclose(contextValue, {
            transport: 'http',
            operation,
            operationName: request.operationName,
            query: request.query ?? '',
            variables: request.variables,
            errors,
          });
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

/** Apollo Server 5 on the shared HTTP server: CSRF prevention on, batching off, errors masked. */
export function createApollo(opts: { schema: GraphQLSchema; httpServer: http.Server; limits: QueryLimits; log: Logger }) {
  const gate = createGate(opts.schema, opts.limits);
  return new ApolloServer<GraphQLContext>({
    schema: opts.schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Gated per caller by gatePlugin: signed-in users and API tokens may introspect, anonymous callers may not.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // server/index.ts owns SIGTERM/SIGINT and stops in the contract's order; Apollo's own handler would race it.
    stopOnTerminationSignals: false,
    parseOptions: gate.parseOptions,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: opts.httpServer }),
      // The landing page loads from a CDN this network cannot reach; tools use POST /graphql.
      ApolloServerPluginLandingPageDisabled(),
      // No @cacheControl hints are part of the contract; the plugin wrapped every field for nothing (issue 10).
      ApolloServerPluginCacheControlDisabled(),
      gatePlugin(gate, opts.log),
    ],
  });
}
