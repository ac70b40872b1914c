import type { Db } from '../../db/client.js';
import { groupLoader, rowLoader } from '../../lib/batch.js';
import * as agreementsRepo from './agreements.repo.js';
import * as repo from './cooperation.repo.js';

/** Batched reads for one request: a structure of twenty bodies costs a handful of queries, not hundreds. */
export function createCooperationLoaders(db: Db) {
  return {
    bodyById: rowLoader(
      (ids) => repo.findBodiesByIds(db, ids),
      (r) => r.id,
    ),
    childrenByBodyId: groupLoader(
      (ids) => repo.listChildren(db, ids),
      (r) => r.parentId ?? '',
    ),
    membershipsByBodyId: groupLoader(
      (ids) => repo.listMembershipsOfBodies(db, ids),
      (r) => r.bodyId,
    ),
    activeBodyIdsByUserId: groupLoader(
      (ids) => repo.activeBodyIdsOfUsers(db, ids),
      (r) => r.key,
      (r) => r.bodyId,
    ),
    /** The user's current roles per body (needs' policy: member, chair, secretary of the owner body). */
    activeRolesByUserId: groupLoader(
      (ids) => repo.activeRolesOfUsers(db, ids),
      (r) => r.key,
    ),
    activeBodyIdsByPersonId: groupLoader(
      (ids) => repo.activeBodyIdsOfPersons(db, ids),
      (r) => r.key,
      (r) => r.bodyId,
    ),
    agreementById: rowLoader(
      (ids) => agreementsRepo.findAgreementsByIds(db, ids),
      (r) => r.id,
    ),
    partyIdsByAgreementId: groupLoader(
      (ids) => agreementsRepo.listAgreementParties(db, ids),
      (r) => r.agreementId,
      (r) => r.partyId,
    ),
    ratificationsByAgreementId: groupLoader(
      (ids) => agreementsRepo.listRatifications(db, ids),
      (r) => r.agreementId,
    ),
    sectionsByAgreementId: groupLoader(
      (ids) => agreementsRepo.listSections(db, ids),
      (r) => r.agreementId,
    ),
    partyIdsByNegotiationId: groupLoader(
      (ids) => agreementsRepo.listNegotiationParties(db, ids),
      (r) => r.negotiationId,
      (r) => r.partyId,
    ),
  };
}

export type CooperationLoaders = ReturnType<typeof createCooperationLoaders>;
