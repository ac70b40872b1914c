import type { Db } from '../db/client.js';
import type { Resolvers } from '../graphql/generated/resolvers.js';
import { createUsersLoaders } from './auth/auth.loaders.js';
import { authResolvers } from './auth/auth.resolvers.js';
import { createAuthService } from './auth/auth.service.js';
import type { ServiceDeps } from './deps.js';
import { documentsResolvers } from './documents/documents.resolvers.js';
import { createDocumentsService } from './documents/documents.service.js';
import { createPartiesLoaders } from './parties/parties.loaders.js';
import { partiesResolvers } from './parties/parties.resolvers.js';
import { createPartiesService } from './parties/parties.service.js';
import { createPersonsLoaders } from './parties/persons.loaders.js';
import { personsResolvers } from './parties/persons.resolvers.js';
import { createPersonsService } from './parties/persons.service.js';
import { createAgreementsService } from './cooperation/agreements.service.js';
import { createCooperationLoaders } from './cooperation/cooperation.loaders.js';
import { cooperationResolvers } from './cooperation/cooperation.resolvers.js';
import { createCooperationService } from './cooperation/cooperation.service.js';

/** Every domain's service, built once per server. */
export function createServices(deps: ServiceDeps) {
  const persons = createPersonsService(deps);
  return {
    auth: createAuthService(deps),
    parties: createPartiesService(deps),
    persons,
    cooperation: createCooperationService(deps, persons),
    agreements: createAgreementsService(deps),
    documents: createDocumentsService(deps),
  };
}
export type Services = ReturnType<typeof createServices>;

/** Every domain's DataLoaders, built per request (and per subscription event). */
export function createLoaders(db: Db) {
  return {
    users: createUsersLoaders(db),
    parties: createPartiesLoaders(db),
    persons: createPersonsLoaders(db),
    cooperation: createCooperationLoaders(db),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;

/** Every domain's resolvers; makeExecutableSchema merges them. */
export const moduleResolvers: Resolvers[] = [authResolvers, partiesResolvers, documentsResolvers, personsResolvers, cooperationResolvers];
