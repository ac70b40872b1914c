import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { groupBy, matchBy } from '../../lib/batch.js';
import * as agreementsRepo from './agreements.repo.js';
import * as repo from './cooperation.repo.js';
import type { AgreementSectionRow, CooperationBodyRow, MembershipRow, RatificationRow } from './cooperation.table.js';

/** Batched reads for one request: a structure of twenty bodies costs a handful of queries, not hundreds. */
export function createCooperationLoaders(db: Db) {
  return {
    bodyById: new DataLoader<string, CooperationBodyRow | undefined>(async (ids) =>
      matchBy(ids, await repo.findBodiesByIds(db, ids), (r) => r.id),
    ),
    childrenByBodyId: new DataLoader<string, CooperationBodyRow[]>(async (ids) =>
      groupBy(ids, await repo.listChildren(db, ids), (r) => r.parentId ?? ''),
    ),
    membershipsByBodyId: new DataLoader<string, MembershipRow[]>(async (ids) =>
      groupBy(ids, await repo.listMembershipsOfBodies(db, ids), (r) => r.bodyId),
    ),
    activeBodyIdsByUserId: new DataLoader<string, string[]>(async (ids) =>
      groupBy(ids, await repo.activeBodyIdsOfUsers(db, ids), (r) => r.key).map((rows) => rows.map((r) => r.bodyId)),
    ),
    /** The user's current roles per body (needs' policy: member, chair, secretary of the owner body). */
    activeRolesByUserId: new DataLoader<string, { bodyId: string; role: string }[]>(async (ids) =>
      groupBy(ids, await repo.activeRolesOfUsers(db, ids), (r) => r.key),
    ),
    activeBodyIdsByPersonId: new DataLoader<string, string[]>(async (ids) =>
      groupBy(ids, await repo.activeBodyIdsOfPersons(db, ids), (r) => r.key).map((rows) => rows.map((r) => r.bodyId)),
    ),
    agreementById: new DataLoader<string, Awaited<ReturnType<typeof agreementsRepo.findAgreementsByIds>>[number] | undefined>(
      async (ids) => {
        const byId = new Map((await agreementsRepo.findAgreementsByIds(db, ids)).map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id));
      },
    ),
    partyIdsByAgreementId: new DataLoader<string, string[]>(async (ids) =>
      groupBy(ids, await agreementsRepo.listAgreementParties(db, ids), (r) => r.agreementId).map((rows) =>
        rows.map((r) => r.partyId),
      ),
    ),
    ratificationsByAgreementId: new DataLoader<string, RatificationRow[]>(async (ids) =>
      groupBy(ids, await agreementsRepo.listRatifications(db, ids), (r) => r.agreementId),
    ),
    sectionsByAgreementId: new DataLoader<string, AgreementSectionRow[]>(async (ids) =>
      groupBy(ids, await agreementsRepo.listSections(db, ids), (r) => r.agreementId),
    ),
    partyIdsByNegotiationId: new DataLoader<string, string[]>(async (ids) =>
      groupBy(ids, await agreementsRepo.listNegotiationParties(db, ids), (r) => r.negotiationId).map((rows) =>
        rows.map((r) => r.partyId),
      ),
    ),
  };
}

export type CooperationLoaders = ReturnType<typeof createCooperationLoaders>;
