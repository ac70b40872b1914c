import http from 'node:http';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { GraphQLContext } from './context.js';
import { createApollo } from './http.js';

// A resolver that reports whether Apollo's per-field cache-control machinery reached it.
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      probe: {
        type: GraphQLString,
        resolve: (_root, _args, _ctx, info) => typeof (info as { cacheControl?: unknown }).cacheControl,
      },
    },
  }),
});

describe('createApollo', () => {
  it('runs no per-field cache-control (issue 10) and still marks answers no-store', async () => {
    const apollo = createApollo({
      schema,
      httpServer: http.createServer(),
      limits: { maxDepth: 12, maxAliases: 30, maxCost: 20000, maxTokens: 5000 },
      log: pino({ level: 'silent' }),
    });
    await apollo.start();
    try {
      const contextValue = { actor: { kind: 'anonymous' }, requestId: 'r1' } as unknown as GraphQLContext;
      const res = await apollo.executeOperation({ query: '{ probe }' }, { contextValue });
      expect(res.body).toMatchObject({ kind: 'single', singleResult: { data: { probe: 'undefined' } } });
      expect(res.http.headers.get('cache-control')).toBe('no-store');
    } finally {
      await apollo.stop();
    }
  });
});
