import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import * as agreementsRepo from './agreements.repo.js';
import * as repo from './cooperation.repo.js';

/** Batched reads for one request: a structure of twenty bodies costs a handful of queries, not hundreds. */
export function createCooperationLoaders(db: Db) {
  const { byId, many, valuesOf } = batchLoaders(db);
  return {
    bodyById: byId(repo.bodyRows.findByIds),
    childrenByBodyId: many(repo.listChildren, (r) => r.parentId ?? ''),
    membershipsByBodyId: many(repo.listMembershipsOfBodies, (r) => r.bodyId),
    activeBodyIdsByUserId: valuesOf(
      repo.activeRolesOfUsers,
      (r) => r.key,
      (r) => r.bodyId,
    ),
    /** The user's current roles per body (needs' policy: member, chair, secretary of the owner body). */
    activeRolesByUserId: many(repo.activeRolesOfUsers, (r) => r.key),
    activeBodyIdsByPersonId: valuesOf(
      repo.activeBodyIdsOfPersons,
      (r) => r.key,
      (r) => r.bodyId,
    ),
    agreementById: byId(agreementsRepo.agreementRows.findByIds),
    partyIdsByAgreementId: valuesOf(
      agreementsRepo.listAgreementParties,
      (r) => r.key,
      (r) => r.partyId,
    ),
    ratificationsByAgreementId: many(agreementsRepo.listRatifications, (r) => r.agreementId),
    sectionsByAgreementId: many(agreementsRepo.listSections, (r) => r.agreementId),
    partyIdsByNegotiationId: valuesOf(
      agreementsRepo.listNegotiationParties,
      (r) => r.key,
      (r) => r.partyId,
    ),
  };
}
