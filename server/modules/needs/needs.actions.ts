import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { badInput, conflict, forbidden, notFound } from '../../errors.js';
import { unchanged } from '../../lib/changed.js';
import { updateLocked } from '../../lib/lock.js';
import { EVENTS } from '../../realtime/topics.js';
import { rowCreated, rowUpdated, type WriteScope } from '../../realtime/write.js';
import { isUuid, parseChanges, parseInput } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import type { NotificationHooks } from '../notifications/notifications.service.js';
import type { NeedsAccess } from './needs.access.js';
import { actionSnapshot } from './needs.history.js';
import { createActionInput, updateActionInput } from './needs.inputs.js';
import { needsPolicy } from './needs.policy.js';
import * as repo from './needs.repo.js';
import type { ActionRow } from './needs.table.js';
import { ensureConcerned } from './needs.writes.js';

/** The field message of a refused owner party (FORBIDDEN `fields`); the client words it in the user's language. */
export const OWN_PARTY_ONLY = 'Choose your own party';

/** What an action's events are scoped to: its need, its owner party and the agenda item that agreed it. */
const eventScope = (a: ActionRow) => ({ needId: a.needId, ownerPartyId: a.ownerPartyId, agendaItemId: a.agendaItemId });

/** A need's actions: created and updated by the parties that own them, listed per party. Part of the needs service. */
export function createNeedActions(
  { db, write }: Pick<ServiceDeps, 'db' | 'write'>,
  access: NeedsAccess,
  notify?: NotificationHooks,
) {
  const { rolesOf, standing, visibility, lockReadable } = access;
  return {
    /**
     * Adds an action owned by a party; a party not yet concerned becomes a CONTRIBUTOR.
     * `decidedInMeeting`: the meetings module has checked that the caller runs the
     * meeting whose decision agreed it, in a need related to the item (meetings.service.ts);
     * `alsoInTx` lets it record its own event in the same transaction.
     */
    async createAction(
      actor: Actor,
      raw: unknown,
      opts: { decidedInMeeting?: boolean; alsoInTx?: (scope: WriteScope, action: ActionRow) => Promise<void> } = {},
    ): Promise<ActionRow> {
      const input = parseInput(createActionInput, raw);
      const user = requireUser(actor);
      return write(user, async (scope) => {
        const { need, standing: s } = await lockReadable(scope.tx, user, input.needId);
        if (!opts.decidedInMeeting && !needsPolicy.createAction(user, s, input.ownerPartyId)) {
          // A party that may add its own actions chose another owner: name the field, so the form says it beside it.
          throw user.partyId != null && needsPolicy.createAction(user, s, user.partyId)
            ? forbidden('You may only add an action owned by your own party', { 'input.ownerPartyId': OWN_PARTY_ONLY })
            : forbidden();
        }
        if (input.agendaItemId && !(await repo.agendaItemExists(scope.tx, input.agendaItemId))) {
          throw badInput({ 'input.agendaItemId': 'No such agenda item' });
        }
        await ensureConcerned(scope, need, input.ownerPartyId);
        const action = await repo.actionRows.insert(scope.tx, {
          needId: need.id,
          title: input.title,
          description: input.description,
          ownerPartyId: input.ownerPartyId,
          dueDate: input.dueDate ?? null,
          agendaItemId: input.agendaItemId ?? null,
        });
        await scope.record(rowCreated(EVENTS.actionCreated, action, actionSnapshot(action), eventScope(action)));
        await repo.touchNeed(scope.tx, need.id);
        await notify?.actionAssigned(scope, action);
        await opts.alsoInTx?.(scope, action);
        return action;
      });
    },

    /** Updates an action; its owner party (or the secretariat) only; a stale version is a CONFLICT. */
    async updateAction(actor: Actor, id: string, expectedVersion: number, raw: unknown): Promise<ActionRow> {
      const input = parseChanges(updateActionInput, raw);
      const user = requireUser(actor);
      return write(user, async (scope) => {
        const before = await repo.actionRows.find(scope.tx, id, { forUpdate: true });
        if (!before) throw notFound('Action');
        const need = await repo.needRows.find(scope.tx, before.needId);
        if (!need) throw notFound('Action');
        const s = await standing(user, need);
        const mayUpdate = needsPolicy.updateAction(user, before.ownerPartyId);
        if (!needsPolicy.read(user, s) && !mayUpdate) throw notFound('Action');
        if (!mayUpdate) throw forbidden();
        if (before.version !== expectedVersion) throw conflict(before.version);
        // Every field sent holds what is stored: nothing changes, so no new version and no event (as updateServiceNeed).
        if (unchanged(before, input)) return before;
        const handedOver = input.ownerPartyId !== undefined && input.ownerPartyId !== before.ownerPartyId;
        if (handedOver) {
          if (!needsPolicy.createAction(user, s, input.ownerPartyId!))
            throw forbidden('You may hand an action only to a party you may create actions for', {
              'input.ownerPartyId': OWN_PARTY_ONLY,
            });
          await ensureConcerned(scope, need, input.ownerPartyId!);
        } else if (before.status === 'CANCELLED' && input.status != null && input.status !== 'CANCELLED') {
          // Taken up again: its owner may have been taken off the need meanwhile, and becomes a CONTRIBUTOR again. That
          // is a hand-over's right (who may give the party actions here): the representative of a party taken off the
          // need cannot reopen its way back onto it.
          if (!needsPolicy.createAction(user, s, before.ownerPartyId))
            throw forbidden('Only one who may give this party actions on the need may take up its cancelled action');
          await ensureConcerned(scope, need, before.ownerPartyId);
        }
        const after = await updateLocked(scope.tx, repo.actionRows.updateIfVersion, before, input);
        if (handedOver) await notify?.actionAssigned(scope, after);
        await scope.record(
          rowUpdated(EVENTS.actionUpdated, after, actionSnapshot(before), actionSnapshot(after), eventScope(after)),
        );
        await repo.touchNeed(scope.tx, need.id);
        return after;
      });
    },

    /** One party's actions across the needs the caller may see. */
    async partyActions(
      actor: Actor,
      partyId: string,
      statuses?: readonly string[] | null,
      loaders?: Loaders,
    ): Promise<ActionRow[]> {
      const user = requireUser(actor);
      if (!isUuid(partyId)) return [];
      return repo.listActionsOfParty(db, partyId, visibility(user, await rolesOf(user, loaders)), statuses);
    },

    /** Whether the caller may update an action (their own party's). */
    canUpdateAction: (actor: Actor, action: ActionRow): boolean => needsPolicy.updateAction(actor, action.ownerPartyId),
  };
}
