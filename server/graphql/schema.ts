import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { analyticsResolvers } from '../modules/analytics/analytics.resolvers.js';
import { attachmentsResolvers } from '../modules/attachments/attachments.resolvers.js';
import { authResolvers } from '../modules/auth/auth.resolvers.js';
import { peopleResolvers } from '../modules/auth/people.resolvers.js';
import { cooperationResolvers } from '../modules/cooperation/cooperation.resolvers.js';
import { documentsResolvers } from '../modules/documents/documents.resolvers.js';
import { goalsResolvers } from '../modules/goals/goals.resolvers.js';
import { meetingsResolvers } from '../modules/meetings/meetings.resolvers.js';
import { needsResolvers } from '../modules/needs/needs.resolvers.js';
import { notificationsResolvers } from '../modules/notifications/notifications.resolvers.js';
import { partiesResolvers } from '../modules/parties/parties.resolvers.js';
import { personsResolvers } from '../modules/parties/persons.resolvers.js';
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

/** Every domain's resolvers; makeExecutableSchema merges them. */
const moduleResolvers: Resolvers[] = [
  authResolvers,
  peopleResolvers,
  partiesResolvers,
  documentsResolvers,
  analyticsResolvers,
  personsResolvers,
  cooperationResolvers,
  needsResolvers,
  meetingsResolvers,
  notificationsResolvers,
  goalsResolvers,
  attachmentsResolvers,
];

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
