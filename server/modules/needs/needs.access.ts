import { hasRole, type Actor, type UserActor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { badInput, notFound } from '../../errors.js';
import { scopedRolesOf } from '../../realtime/scope.js';
import { isUuid } from '../../validation.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import type { Loaders } from '../loaders.js';
import { needsPolicy, standingOf, type NeedStanding } from './needs.policy.js';
import * as repo from './needs.repo.js';
import type { ResponsibilityRow, ServiceNeedRow } from './needs.table.js';

/** The roles a user holds now, per body. */
export type Roles = { bodyId: string; role: string }[];

/**
 * Who reaches which need: the caller's roles per body, how they stand towards a
 * need, the register's read rule as SQL, and the locked read a write starts with.
 */
export function createNeedsAccess(db: Db, cooperation: CooperationService) {
  /** The actor's current roles per body (a subscription's scope; per request through the loader, else one query). */
  async function rolesOf(actor: Actor, loaders?: Loaders): Promise<Roles> {
    if (actor.kind !== 'user') return [];
    const scoped = scopedRolesOf(actor);
    if (scoped) return scoped as Roles | Promise<Roles>;
    return loaders ? loaders.cooperation.activeRolesByUserId.load(actor.userId) : cooperation.activeRolesOfUser(actor.userId);
  }

  async function responsibilitiesOf(needId: string, loaders?: Loaders): Promise<ResponsibilityRow[]> {
    return loaders ? loaders.needs.responsibilitiesByNeedId.load(needId) : repo.listResponsibilities(db, [needId]);
  }

  /** How the actor stands towards a need (inside a write, read in its transaction: `db` follows it). */
  async function standing(actor: Actor, need: ServiceNeedRow, loaders?: Loaders, knownRoles?: Roles): Promise<NeedStanding> {
    const [resp, roles] = await Promise.all([responsibilitiesOf(need.id, loaders), knownRoles ?? rolesOf(actor, loaders)]);
    return standingOf(actor, need, resp, roles);
  }

  /** The need, when the actor may read it now (through the request's loaders when there are some); else undefined. */
  async function readableNeed(actor: Actor, id: string | undefined, loaders?: Loaders): Promise<ServiceNeedRow | undefined> {
    if (!id || !isUuid(id)) return undefined;
    const need = loaders ? await loaders.needs.needById.load(id) : await repo.needRows.find(db, id);
    return need && needsPolicy.read(actor, await standing(actor, need, loaders)) ? need : undefined;
  }

  /** The SQL form of needsPolicy.read for lists. */
  function visibility(actor: UserActor, roles: Roles): repo.Visibility {
    if (hasRole(actor, 'SECRETARIAT') || hasRole(actor, 'ANALYST')) return { all: true };
    const rep = hasRole(actor, 'PARTY_REPRESENTATIVE') ? actor.partyId : null;
    return { all: false, bodyIds: [...new Set(roles.map((r) => r.bodyId))], partyId: rep };
  }

  /** The owner body exists. */
  async function checkOwnerBody(ownerBodyId: string | null | undefined) {
    if (ownerBodyId && !(await cooperation.findBodyForRules(ownerBodyId)))
      throw badInput({ 'input.ownerBodyId': 'No such body' });
  }

  /**
   * The need for a write, locked, and the actor's roles and standing, read in the write's transaction;
   * NOT_FOUND when it is missing or the actor may not read it.
   */
  async function lockReadable(tx: Db, actor: UserActor, id: string) {
    const need = await repo.needRows.find(tx, id, { forUpdate: true });
    if (!need) throw notFound('Service need');
    const roles = await rolesOf(actor);
    const s = await standing(actor, need, undefined, roles);
    if (!needsPolicy.read(actor, s)) throw notFound('Service need');
    return { need, standing: s, roles };
  }

  return { rolesOf, standing, readableNeed, visibility, checkOwnerBody, lockReadable };
}

export type NeedsAccess = ReturnType<typeof createNeedsAccess>;
