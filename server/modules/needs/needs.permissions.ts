import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import type { CooperationBodyRow } from '../cooperation/cooperation.table.js';
import type { Loaders } from '../loaders.js';
import type { NeedsAccess } from './needs.access.js';
import { RESPONSIBILITY_ROLES } from './needs.inputs.js';
import { allowedTransitions } from './needs.lifecycle.js';
import type { ServiceNeedModel } from './needs.models.js';
import { needsPolicy } from './needs.policy.js';

/** Stands for "some party" where the rule allows every party alike (editors). */
const ANY_PARTY = '*';

/** What the caller may do with needs, for the screen to offer only that (the writes check the same rules again). */
export function createNeedPermissions({ standing, rolesOf }: NeedsAccess, cooperation: CooperationService) {
  return {
    /** What the caller may do with a need (for the screen to offer only that). */
    async permissions(actor: Actor, need: ServiceNeedModel, loaders?: Loaders) {
      if (need.asOf) {
        return {
          edit: false,
          comment: false,
          setResponsibility: false,
          nameLead: false,
          responsibilityPartyIds: [],
          responsibilityRoles: [],
          createAction: false,
          actionOwnerPartyIds: [],
        };
      }
      const s = await standing(actor, need, loaders);
      const partyId = actor.kind === 'user' ? actor.partyId : null;
      // What setResponsibility and createAction allow: any party (null) for editors, else at most the caller's own.
      const anyResponsibility = needsPolicy.setAnyResponsibility(actor, s);
      // The roles the rule gives a party that is not LEAD now (a LEAD party's part is `nameLead`'s): any party for
      // editors (the rule does not ask which), else the caller's own (never LEAD: its representatives would be editors).
      const asked = anyResponsibility ? (partyId ?? ANY_PARTY) : partyId;
      const responsibilityRoles =
        asked == null ? [] : RESPONSIBILITY_ROLES.filter((role) => needsPolicy.setResponsibility(actor, s, asked, role, null));
      const ownResponsibility = partyId != null && responsibilityRoles.length > 0;
      const anyAction = needsPolicy.createActionForAny(actor, s);
      const ownAction = partyId != null && needsPolicy.createAction(actor, s, partyId);
      return {
        edit: needsPolicy.editFields(actor, s),
        comment: needsPolicy.comment(actor, s),
        setResponsibility: anyResponsibility || ownResponsibility,
        nameLead: needsPolicy.nameLead(actor, s),
        responsibilityPartyIds: anyResponsibility ? null : ownResponsibility ? [partyId] : [],
        responsibilityRoles,
        createAction: anyAction || ownAction,
        actionOwnerPartyIds: anyAction ? null : ownAction ? [partyId] : [],
      };
    },

    /** Whether the caller may record needs at all (`ViewerPermissions.recordServiceNeed`). */
    mayRecordNeeds(actor: Actor): boolean {
      return needsPolicy.createAny(actor);
    },

    /** The bodies the caller may make a need's owner: every body for the secretariat, else those they sit in now. */
    async ownerBodyChoices(actor: Actor, loaders?: Loaders): Promise<CooperationBodyRow[]> {
      const user = requireUser(actor);
      const sits = new Set((await rolesOf(user, loaders)).map((r) => r.bodyId));
      const bodies = await cooperation.listBodies(user);
      return bodies.filter((b) => needsPolicy.chooseOwnerBody(user, sits.has(b.id)));
    },

    /** The statuses the caller may move the need to now. */
    async allowedTransitions(actor: Actor, need: ServiceNeedModel, loaders?: Loaders): Promise<string[]> {
      if (need.asOf || !needsPolicy.edit(actor, await standing(actor, need, loaders))) return [];
      return [...allowedTransitions(need.status)];
    },
  };
}
