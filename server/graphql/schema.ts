import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { moduleResolvers } from '../modules/index.js';
import type { Resolvers } from './generated/resolvers.js';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars.js';

const schemaDir = path.resolve(import.meta.dirname, '../../schema');

/** The SDL of every `schema/*.graphql` file, base first. */
export function loadTypeDefs(): string[] {
  const files = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => fs.readFileSync(path.join(schemaDir, f), 'utf8'));
}

const baseResolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query: { health: () => true },
};

/** The executable schema: SDL from schema/, resolvers from every module (guards.ts checks each operation before it runs). */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: [baseResolvers, ...moduleResolvers] as never });
}
