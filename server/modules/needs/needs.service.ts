import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { decodeKeyset, pageSize, toKeysetConnection } from '../../lib/connection.js';
import { onlyChanged } from '../../lib/changed.js';
import { updateLocked } from '../../lib/lock.js';
import { badInput, conflict, forbidden, invalidTransition } from '../../errors.js';
import { listChangeEventsOfEntity, listChangeEventsOfEntityTree } from '../../realtime/changes.repo.js';
import { eventsAsOf } from '../../realtime/as-of.js';
import { EVENTS } from '../../realtime/topics.js';
import type { WriteScope } from '../../realtime/write.js';
import { isUuid, parseChanges, parseInput } from '../../validation.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import { tierRank } from '../cooperation/cooperation.inputs.js';
import type { ServiceDeps } from '../deps.js';
import type { NotificationHooks } from '../notifications/notifications.service.js';
import type { Loaders } from '../loaders.js';
import { createNeedActions } from './needs.actions.js';
import { createNeedComments, historyEntryOf } from './needs.comments.js';
import { createNeedResponsibilities } from './needs.responsibilities.js';
import { createNeedsLive } from './needs.live.js';
import { createNeedsAccess } from './needs.access.js';
import { createNeedPermissions } from './needs.permissions.js';
import { rebuildActionAsOf, rebuildAsOf } from './needs.history.js';
import {
  createNeedInput,
  NEED_SORTS,
  parseNeedFilter,
  transitionInput,
  updateNeedInput,
  type NeedFilter,
} from './needs.inputs.js';
import { allowedTransitions } from './needs.lifecycle.js';
import type { FieldProvenanceModel, NeedHistoryModel, ServiceNeedModel } from './needs.models.js';
import { needsPolicy, type CreateRefusal } from './needs.policy.js';
import * as repo from './needs.repo.js';
import { lostSight } from './needs.sight.js';
import type { ActionRow, ServiceNeedRow } from './needs.table.js';
import { checkReferences, keepActionOwnersConcerned, PROVENANCE_FIELDS, recordNeed, stamp } from './needs.writes.js';

/** FORBIDDEN naming the field whose choice the rules refuse, so the form says why beside it. */
const refusedCreate = (refusal: CreateRefusal) =>
  refusal === 'OWN_PARTY'
    ? forbidden('A need you record must concern your own party', { 'input.municipalityIds': 'Must concern your own party' })
    : refusal === 'OWNER_BODY'
      ? forbidden('You may only choose a body you sit in', { 'input.ownerBodyId': 'Choose a body you sit in' })
      : forbidden();

/** Shared service needs: the register, responsibilities, actions, comments, history and live changes. */
export function createNeedsService({ db, write, bus }: ServiceDeps, cooperation: CooperationService, notify?: NotificationHooks) {
  const registerPage = repo.prepareRegisterPage(db);
  const access = createNeedsAccess(db, cooperation);
  const { rolesOf, readableNeed, visibility, checkOwnerBody, lockReadable } = access;

  /**
   * The last step of a change to a need locked at its version: stamps who set the changed `fields`
   * (provenance), answers CONFLICT if the version moved meanwhile, and records the change as `event`, with what it
   * took the need out of (needs.sight.ts: those who read it only through that hear `serviceNeedWithdrawn`).
   */
  async function saveNeed(
    { tx, record, actor }: WriteScope,
    event: (typeof EVENTS)['needUpdated' | 'needTransitioned'],
    before: ServiceNeedRow,
    changes: Partial<ServiceNeedRow>,
    fields: string[],
  ): Promise<ServiceNeedRow> {
    const after = await updateLocked(tx, repo.needRows.updateIfVersion, before, {
      ...changes,
      fieldProvenance: stamp(before.fieldProvenance, actor, fields),
    });
    await recordNeed(record, event, before, after, await lostSight(tx, before, after));
    return after;
  }

  return {
    ...createNeedActions({ db, write }, access, notify),
    ...createNeedComments({ write }, access),
    ...createNeedResponsibilities({ write }, access),
    ...createNeedsLive({ db, bus }, access),

    /** A page of the register: the needs the caller may see, filtered and sorted. */
    async list(
      actor: Actor,
      args: { filter?: unknown; first?: number | null; after?: string | null; sort?: string | null },
      loaders?: Loaders,
    ) {
      const user = requireUser(actor);
      const filter = await parseNeedFilter(db, args.filter);
      const size = pageSize(args.first);
      const sort = NEED_SORTS.includes(args.sort as never) ? (args.sort as string) : 'UPDATED_DESC';
      // Each order has its own cursors: one of another order (or an old positional one) is refused.
      const kind = `need.${sort.toLowerCase()}`;
      const after = decodeKeyset(kind, repo.NEED_KEYS[sort]!, args.after);
      const vis = visibility(user, await rolesOf(user, loaders));
      const plain = sort === 'UPDATED_DESC' && repo.filterSql(filter).length === 0;
      const rows = plain
        ? await registerPage(vis, after, size + 1)
        : await repo.listNeeds(db, { visibility: vis, filter, sort, after, limit: size + 1 });
      for (const { row } of rows) loaders?.needs.needById.prime(row.id, row);
      // Counting is a second scan: made only when the query asks for totalCount.
      return toKeysetConnection<ServiceNeedModel, () => Promise<number>>(kind, rows, size, () =>
        repo.countNeeds(db, { visibility: vis, filter }),
      );
    },

    /** A need the caller may see, or null; with `asOf`, rebuilt from its events as it stood then. */
    async get(actor: Actor, id: string, asOf?: Date | string | null, loaders?: Loaders): Promise<ServiceNeedModel | null> {
      requireUser(actor);
      const need = await readableNeed(actor, id, loaders);
      if (!need) return null;
      if (asOf == null) return need;
      const { at, events } = await eventsAsOf(db, asOf, {
        entityType: EVENTS.needCreated.entityType,
        entityId: id,
        scopeKey: 'needId',
      });
      const past = rebuildAsOf(events);
      if (!past) return null;
      return { ...past.need, asOf: { at, responsibilities: past.responsibilities, actions: past.actions } };
    },

    /** The needs among `ids` the caller may read, in the ids' order; the request's loaders batch the reads. */
    async getVisible(actor: Actor, ids: readonly string[], loaders: Loaders): Promise<ServiceNeedModel[]> {
      return (await Promise.all(ids.map((id) => this.get(actor, id, null, loaders)))).filter((n) => n != null);
    },

    /** The register's read rule as SQL for this caller: aggregates and exports count only what the register shows. */
    async visibilityOf(actor: Actor, loaders?: Loaders): Promise<repo.Visibility> {
      const user = requireUser(actor);
      return visibility(user, await rolesOf(user, loaders));
    },

    /** An action of a need the caller may see, or null; with `asOf`, rebuilt from its events as it stood then. */
    async getAction(actor: Actor, id: string, asOf?: Date | string | null, loaders?: Loaders): Promise<ActionRow | null> {
      requireUser(actor);
      if (!isUuid(id)) return null;
      const action = loaders ? await loaders.needs.actionById.load(id) : await repo.actionRows.find(db, id);
      if (!action || !(await this.get(actor, action.needId, null, loaders))) return null;
      if (asOf == null) return action;
      const at = new Date(asOf);
      if (Number.isNaN(at.getTime())) throw badInput({ asOf: 'Expected a date and time' });
      return (
        rebuildActionAsOf(
          await listChangeEventsOfEntity(db, { entityType: EVENTS.actionCreated.entityType, entityId: id, upTo: at }),
        ) ?? null
      );
    },

    /** The actions among `ids` of needs the caller may read, in the ids' order; the request's loaders batch the reads. */
    async getVisibleActions(actor: Actor, ids: readonly string[], loaders: Loaders): Promise<ActionRow[]> {
      return (await Promise.all(ids.map((id) => this.getAction(actor, id, null, loaders)))).filter((a) => a != null);
    },

    /** Records a need: IDENTIFIED, version 1. */
    async create(actor: Actor, rawInput: unknown): Promise<ServiceNeedRow> {
      const input = parseInput(createNeedInput, rawInput);
      const user = requireUser(actor);
      const partyIds = input.partyIds ?? [];
      const concernsOwn =
        user.partyId != null && (input.municipalityIds.includes(user.partyId) || partyIds.includes(user.partyId));
      return write(user, async ({ tx, record }) => {
        // What the input names must exist before the rules judge the choice: an unknown municipality is bad input.
        await checkOwnerBody(input.ownerBodyId);
        await checkReferences(tx, input);
        const member = input.ownerBodyId != null && (await rolesOf(user)).some((r) => r.bodyId === input.ownerBodyId);
        const refusal = needsPolicy.createRefusal(user, concernsOwn, { id: input.ownerBodyId ?? null, member });
        if (refusal) throw refusedCreate(refusal);
        const values = {
          title: input.title,
          summary: input.summary,
          targetGroups: input.targetGroups,
          themeCodes: input.themeCodes,
          municipalityIds: input.municipalityIds,
          partyIds,
          ownerBodyId: input.ownerBodyId ?? null,
          priority: input.priority ?? null,
          legalBasis: input.legalBasis,
          estimatedResidents: input.estimatedResidents ?? null,
          indicators: input.indicators ?? [],
        };
        const setFields = Object.entries(values)
          .filter(([, v]) => v != null && !(Array.isArray(v) && v.length === 0))
          .map(([k]) => PROVENANCE_FIELDS[k])
          .filter((f): f is string => !!f);
        const need = await repo.needRows.insert(tx, {
          ...values,
          status: 'IDENTIFIED',
          fieldProvenance: stamp({}, user, [...setFields, 'status']),
          createdByUserId: user.userId,
          createdByPartyId: user.partyId,
        });
        await recordNeed(record, EVENTS.needCreated, null, need);
        return need;
      });
    },

    /** Changes fields of a need; editors only; a stale version is a CONFLICT. */
    async update(actor: Actor, id: string, expectedVersion: number, rawInput: unknown): Promise<ServiceNeedRow> {
      const input = parseChanges(updateNeedInput, rawInput);
      const user = requireUser(actor);
      return write(user, async (scope) => {
        const { tx } = scope;
        await checkOwnerBody(input.ownerBodyId);
        const { need: before, standing: s, roles } = await lockReadable(tx, user, id);
        if (!needsPolicy.editFields(user, s)) throw forbidden();
        if (before.version !== expectedVersion) throw conflict(before.version);
        await checkReferences(tx, input);
        if (input.ownerBodyId && input.ownerBodyId !== before.ownerBodyId) {
          if (
            !needsPolicy.chooseOwnerBody(
              user,
              roles.some((r) => r.bodyId === input.ownerBodyId),
            )
          )
            throw refusedCreate('OWNER_BODY');
        }
        // Who edits only as the need's recorder keeps it about their own party, as when recording it.
        if (!needsPolicy.edit(user, s)) {
          const concerned = [...(input.municipalityIds ?? before.municipalityIds), ...(input.partyIds ?? before.partyIds)];
          if (!concerned.includes(user.partyId ?? '')) throw refusedCreate('OWN_PARTY');
        }
        // A list cleared is stored empty; the other fields cleared hold null.
        const sent = Object.fromEntries(
          Object.entries(input).map(([k, v]) => [k, v ?? (k === 'partyIds' || k === 'indicators' ? [] : null)]),
        ) as Partial<ServiceNeedRow>;
        const changes = onlyChanged(before, sent);
        // Every field sent holds what is stored: nothing changes, so no new version, no provenance, no event.
        if (Object.keys(changes).length === 0) return before;
        // A party taken off the need while it owns actions there keeps it as a CONTRIBUTOR (as updateAction hands over).
        await keepActionOwnersConcerned(scope, before, { ...before, ...changes });
        const fields = Object.keys(changes)
          .map((k) => PROVENANCE_FIELDS[k])
          .filter((f): f is string => !!f);
        return saveNeed(scope, EVENTS.needUpdated, before, changes, fields);
      });
    },

    /** Moves a need along its lifecycle; escalation hands it to a body of a higher tier. */
    async transition(
      actor: Actor,
      id: string,
      expectedVersion: number,
      raw: { to: unknown; note?: unknown; escalateToBodyId?: unknown },
    ): Promise<ServiceNeedRow> {
      const input = parseInput(transitionInput, raw, '');
      const user = requireUser(actor);
      return write(user, async (scope) => {
        const { tx } = scope;
        const { need: before, standing: s } = await lockReadable(tx, user, id);
        // Permission first: who may not move the need hears so, not what their request lacks.
        if (!needsPolicy.edit(user, s)) throw forbidden();
        if (input.to === 'REJECTED' && !input.note) throw badInput({ note: 'Give the reason for rejecting' });
        if (input.to === 'ESCALATED' && !input.escalateToBodyId)
          throw badInput({ escalateToBodyId: 'Choose the body to escalate to' });
        if (before.version !== expectedVersion) throw conflict(before.version);
        const allowed = allowedTransitions(before.status);
        if (!allowed.includes(input.to)) throw invalidTransition(before.status, input.to, allowed);
        // The note is the latest change's own: a transition without one clears the previous note.
        const changes: Partial<ServiceNeedRow> = { status: input.to, statusNote: input.note ?? null };
        const fields = ['status'];
        if (input.to === 'ESCALATED') {
          const target = await cooperation.findBodyForRules(input.escalateToBodyId!);
          if (!target) throw badInput({ escalateToBodyId: 'No such body' });
          // Read in the transaction that holds the need's lock: the owner cannot change in between.
          const owner = before.ownerBodyId ? await cooperation.findBodyForRules(before.ownerBodyId) : undefined;
          if (owner && tierRank(target.tier) >= tierRank(owner.tier)) {
            throw badInput({ escalateToBodyId: 'Escalate to a body of a higher tier than the owner' });
          }
          changes.ownerBodyId = target.id;
          fields.push('ownerBody');
        }
        return saveNeed(scope, EVENTS.needTransitioned, before, changes, fields);
      });
    },

    ...createNeedPermissions(access, cooperation),

    /** Each field's provenance, in a stable order. */
    provenance(need: ServiceNeedRow): FieldProvenanceModel[] {
      return Object.entries(need.fieldProvenance ?? {})
        .map(([field, p]) => ({ field, partyId: p.partyId, userId: p.userId, at: p.at }))
        .sort((a, b) => a.field.localeCompare(b.field));
    },

    /** Every change to the need and what hangs on it, oldest first (up to `asOf` for a past view). */
    async history(actor: Actor, need: ServiceNeedModel): Promise<NeedHistoryModel[]> {
      const events = await listChangeEventsOfEntityTree(db, {
        entityType: EVENTS.needCreated.entityType,
        entityId: need.id,
        scopeKey: 'needId',
        upTo: need.asOf?.at,
      });
      return events.map((event) => historyEntryOf(actor, event));
    },
  };
}

export type NeedsService = ReturnType<typeof createNeedsService>;
export type { NeedFilter };
