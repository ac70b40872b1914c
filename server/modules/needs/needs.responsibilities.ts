/**
 * A party's part in a need (lead, contributor, informed). The lead is named by those who name leads: a LEAD asked
 * for, and a change to a party that is the lead now, are theirs alone. Part of the needs service.
 */
import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { badInput, forbidden } from '../../errors.js';
import { parseInput } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import { checkPartyIds } from '../parties/parties.service.js';
import type { NeedsAccess } from './needs.access.js';
import { OWN_PARTY_ONLY } from './needs.actions.js';
import { responsibilityInput } from './needs.inputs.js';
import { needsPolicy, type NeedStanding } from './needs.policy.js';
import * as repo from './needs.repo.js';
import type { ServiceNeedRow } from './needs.table.js';
import { putResponsibility } from './needs.writes.js';

/** The field messages of a refused LEAD (`role`) and of a refused change to a LEAD party's part (`partyId`). */
export const LEAD_REFUSED = 'Not allowed to name the lead';
export const LEAD_PART_REFUSED = "Not allowed to change the lead's part";
/** A need has at most two LEAD parties (a joint lead): the field message of a third one (`role`). */
export const MAX_LEADS = 2;
export const TOO_MANY_LEADS = `A need has at most ${MAX_LEADS} LEAD parties`;

/**
 * FORBIDDEN for `setResponsibility`; when the caller may set some part, naming the field they chose beyond what
 * they may: another party (`partyId`), LEAD (`role`), or a LEAD party's part (`partyId`), so the form says it there.
 */
const refusedResponsibility = (
  user: Actor,
  s: NeedStanding,
  input: { partyId: string; role: string },
  currentRole: string | null,
) => {
  const ownPartyId = user.kind === 'user' ? user.partyId : null;
  const anyParty = needsPolicy.setAnyResponsibility(user, s);
  if (!anyParty && (ownPartyId == null || !needsPolicy.setResponsibility(user, s, ownPartyId, 'CONTRIBUTOR', null)))
    return forbidden();
  if (!anyParty && input.partyId !== ownPartyId)
    return forbidden("You may only set your own party's responsibility", { partyId: OWN_PARTY_ONLY });
  if (input.role === 'LEAD') return forbidden('Only those who name the lead party may name one', { role: LEAD_REFUSED });
  return currentRole === 'LEAD'
    ? forbidden('Only those who name the lead party may change its part', { partyId: LEAD_PART_REFUSED })
    : forbidden();
};

/** Setting a party's part in a need. Part of the needs service. */
export function createNeedResponsibilities({ write }: Pick<ServiceDeps, 'write'>, access: NeedsAccess) {
  return {
    /** Sets a party's part in a need. */
    async setResponsibility(actor: Actor, raw: unknown): Promise<ServiceNeedRow> {
      const input = parseInput(responsibilityInput, raw, '');
      const user = requireUser(actor);
      return write(user, async (scope) => {
        const { need, standing: s } = await access.lockReadable(scope.tx, user, input.needId);
        // A LEAD part is changed only by those who name the lead: its role now decides as much as the one asked for.
        const locked = (await repo.findResponsibilityForUpdate(scope.tx, need.id, input.partyId)) ?? null;
        const current = locked?.role ?? null;
        if (!needsPolicy.setResponsibility(user, s, input.partyId, input.role, current))
          throw refusedResponsibility(user, s, input, current);
        await checkPartyIds(scope.tx, input.partyId, 'partyId');
        // Counted under the need's row lock (lockReadable), so concurrent LEADs for other parties wait and count this one.
        if (input.role === 'LEAD' && current !== 'LEAD') {
          const leads = (await repo.listResponsibilities(scope.tx, [need.id])).filter((r) => r.role === 'LEAD');
          if (leads.length >= MAX_LEADS) throw badInput({ role: TOO_MANY_LEADS });
        }
        await putResponsibility(scope, need.id, input.partyId, input.role, input.description ?? null, locked);
        return (await repo.touchNeed(scope.tx, need.id)) ?? need;
      });
    },
  };
}
