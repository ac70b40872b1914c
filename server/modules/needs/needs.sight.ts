import type { Actor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import { isPartyConcerned, needsPolicy, partiesOffLists, standingOf } from './needs.policy.js';
import * as repo from './needs.repo.js';
import type { ServiceNeedRow } from './needs.table.js';

/*
 * Losing sight of a need. A change to a need's municipalities, other parties or owner body can take away what let
 * someone read it. The write records what it took away in the scope of the need's own event (one row, one NOTIFY,
 * same transaction); `serviceNeedWithdrawn` tells those who read the need only through that, and may no longer,
 * the need's id and nothing else (docs/realtime.md). So does a seat in a body that ends: the membership's write
 * records the account that no longer sits there and the needs the body owns, in its own event.
 */

/** What a change took a need out of: the parties no longer concerned and the body that no longer owns it. */
export interface LostSight {
  partyIds: string[];
  ownerBodyId: string | null;
}

/**
 * What the change from `before` to `after` took the need out of, read in the write's transaction; null when nothing.
 * A party still concerned (a municipality or other party still, or holding a responsibility) has lost nothing.
 */
export async function lostSight(tx: Db, before: ServiceNeedRow, after: ServiceNeedRow): Promise<LostSight | null> {
  const ownerBodyId = before.ownerBodyId !== after.ownerBodyId ? before.ownerBodyId : null;
  let partyIds = partiesOffLists(before, after);
  // Only when some party left the lists: whether it holds a responsibility (a change to the fields leaves them as they are).
  if (partyIds.length > 0) {
    const responsibilities = await repo.listResponsibilities(tx, [after.id]);
    partyIds = partyIds.filter((p) => !isPartyConcerned(after, responsibilities, p));
  }
  return partyIds.length > 0 || ownerBodyId != null ? { partyIds, ownerBodyId } : null;
}

/** The keys `lost` adds to the need event's scope (none when the change took nothing away). */
export const lostSightScope = (lost: LostSight | null): Record<string, string | string[] | null> =>
  lost ? { lostPartyIds: lost.partyIds, lostOwnerBodyId: lost.ownerBodyId } : {};

/** What a committed need event took the need out of, from its scope; null when nothing. */
export function lostSightOf(event: ChangeEventRow): LostSight | null {
  const partyIds = event.scope?.lostPartyIds;
  const ownerBodyId = event.scope?.lostOwnerBodyId;
  if (!Array.isArray(partyIds) && typeof ownerBodyId !== 'string') return null;
  return { partyIds: Array.isArray(partyIds) ? partyIds : [], ownerBodyId: typeof ownerBodyId === 'string' ? ownerBodyId : null };
}

/**
 * Whether the actor read the need through what was lost: by the read rule (needsPolicy.read), as a representative
 * of a party no longer concerned or as a member of the body that no longer owns it.
 */
export function readThroughLost(actor: Actor, lost: LostSight, rolesByBody: readonly { bodyId: string; role: string }[]) {
  const through = standingOf(
    actor,
    { ownerBodyId: lost.ownerBodyId, municipalityIds: lost.partyIds, partyIds: [], createdByUserId: null, status: '' },
    [],
    rolesByBody,
  );
  return (through.partyConcerned || through.memberOfOwnerBody) && needsPolicy.read(actor, through);
}

/**
 * What a seat in a body let its holder read of needs (cooperation's `SeatSight`): the needs the body owns, read in
 * the transaction of the write that takes the seat away, whose `membership.*` event records their ids.
 */
export async function needsSeenThroughSeat(tx: Db, bodyId: string): Promise<Record<string, string[]>> {
  const needIds = await repo.needIdsOwnedBy(tx, bodyId);
  return needIds.length > 0 ? { lostNeedIds: needIds } : {};
}

/** A seat that ended: the account that held it and the needs it let them read. */
export interface LostSeat {
  userId: string;
  needIds: string[];
}

/** The seat a committed `membership.*` event took away, from its scope (`lostUserId`, `lostNeedIds`); null when none. */
export function lostSeatOf(event: ChangeEventRow): LostSeat | null {
  if (event.entityType !== EVENTS.membershipAdded.entityType) return null;
  const userId = event.scope?.lostUserId;
  const needIds = event.scope?.lostNeedIds;
  return typeof userId === 'string' && Array.isArray(needIds) && needIds.length > 0 ? { userId, needIds } : null;
}
