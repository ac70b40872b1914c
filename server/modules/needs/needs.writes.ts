import type { UserActor } from '../../auth/actor.js';
import type { Db } from '../../db/client.js';
import { badInput } from '../../errors.js';
import { EVENTS } from '../../realtime/topics.js';
import { rowChange, type WriteScope } from '../../realtime/write.js';
import { API_FIELD, needSnapshot, responsibilitySnapshot } from './needs.history.js';
import { isPartyConcerned, partiesOffLists } from './needs.policy.js';
import { lostSightScope, type LostSight } from './needs.sight.js';
import * as repo from './needs.repo.js';
import { checkPartyIds, checkThemeCodes } from '../parties/parties.service.js';
import type { FieldProvenanceValue, ServiceNeedRow } from './needs.table.js';

/* What the needs module's writes share, each inside the caller's transaction: provenance stamps, reference checks, events. */

/** Columns of a need whose changes are tracked by provenance → their API name (as history names them). */
export const PROVENANCE_FIELDS: Record<string, string> = Object.fromEntries(
  [
    'title',
    'summary',
    'priority',
    'targetGroups',
    'themeCodes',
    'municipalityIds',
    'partyIds',
    'legalBasis',
    'estimatedResidents',
    'indicators',
    'ownerBodyId',
  ].map((column) => [column, API_FIELD[column]!]),
);

/** The provenance map after `user` set `columns` now. */
export function stamp(
  current: Record<string, FieldProvenanceValue>,
  user: UserActor,
  apiFields: string[],
): Record<string, FieldProvenanceValue> {
  const at = new Date().toISOString();
  const next = { ...current };
  for (const f of apiFields) next[f] = { partyId: user.partyId, userId: user.userId, at };
  return next;
}

/** Themes exist, municipalities are municipalities, other parties and the owner body exist. */
export async function checkReferences(
  tx: Db,
  input: { themeCodes?: string[]; municipalityIds?: string[]; partyIds?: string[] | null },
) {
  await checkThemeCodes(tx, input.themeCodes, 'input.themeCodes');
  const kinds = await repo.partyKinds(tx, [...(input.municipalityIds ?? []), ...(input.partyIds ?? [])]);
  if (input.municipalityIds?.some((id) => kinds.get(id) !== 'MUNICIPALITY')) {
    throw badInput({ 'input.municipalityIds': 'Expected municipalities' });
  }
  if (input.partyIds?.some((id) => !kinds.has(id))) throw badInput({ 'input.partyIds': 'No such party' });
}

/**
 * Records the need's event with full snapshots; `lost`, what the change took the need out of (needs.sight.ts),
 * goes into its scope, so that the event also tells those who lost sight of the need (`serviceNeedWithdrawn`).
 */
export async function recordNeed(
  record: WriteScope['record'],
  event: (typeof EVENTS)['needCreated' | 'needUpdated' | 'needTransitioned'],
  before: ServiceNeedRow | null,
  after: ServiceNeedRow,
  lost: LostSight | null = null,
) {
  const states = { before: before ? needSnapshot(before) : null, after: needSnapshot(after) };
  await record(
    rowChange(before ? 'UPDATED' : 'CREATED', event, after, states, {
      needId: after.id,
      ownerBodyId: after.ownerBodyId,
      ...lostSightScope(lost),
    }),
  );
}

/** Sets a responsibility inside a write, with its event. */
export async function putResponsibility(
  scope: WriteScope,
  needId: string,
  partyId: string,
  role: string,
  description: string | null,
  /** The party's part as already locked by the caller (null: none); read and locked here when not given. */
  locked?: Awaited<ReturnType<typeof repo.findResponsibilityForUpdate>> | null,
) {
  const before = locked === undefined ? await repo.findResponsibilityForUpdate(scope.tx, needId, partyId) : (locked ?? undefined);
  const after = await repo.upsertResponsibility(scope.tx, {
    needId,
    partyId,
    role,
    description,
    updatedByUserId: scope.actor.userId,
  });
  await scope.record({
    ...EVENTS.responsibilitySet,
    entityId: `${needId}:${partyId}`,
    kind: before ? 'UPDATED' : 'CREATED',
    entityVersion: after.version,
    before: before ? responsibilitySnapshot(before) : null,
    after: responsibilitySnapshot(after),
    scope: { needId, partyId },
  });
  return after;
}

/** A party given an action must exist, and becomes a CONTRIBUTOR of the need unless it is concerned already. */
export async function ensureConcerned(scope: WriteScope, need: ServiceNeedRow, partyId: string) {
  await checkPartyIds(scope.tx, partyId, 'input.ownerPartyId');
  const resp = await repo.listResponsibilities(scope.tx, [need.id]);
  if (!isPartyConcerned(need, resp, partyId)) await putResponsibility(scope, need.id, partyId, 'CONTRIBUTOR', null);
}

/**
 * A party that a change to the need's municipalities or other parties (`before` → `after`) takes off it, while it owns
 * an action there that is not CANCELLED (DONE too: its work is recorded there), stays a CONTRIBUTOR, as a party given
 * an action becomes one (ensureConcerned): it keeps sight of the need and its actions. Each such part is set with its
 * own event in the write's transaction, before the need's event, so that event does not count the party as lost.
 */
export async function keepActionOwnersConcerned(
  scope: WriteScope,
  before: ServiceNeedRow,
  after: Pick<ServiceNeedRow, 'municipalityIds' | 'partyIds'>,
) {
  const taken = new Set(partiesOffLists(before, after));
  if (taken.size === 0) return;
  const actions = await repo.listActions(scope.tx, [before.id]);
  const owners = new Set(actions.filter((a) => a.status !== 'CANCELLED' && taken.has(a.ownerPartyId)).map((a) => a.ownerPartyId));
  if (owners.size === 0) return;
  const resp = await repo.listResponsibilities(scope.tx, [before.id]);
  for (const partyId of owners) {
    if (!isPartyConcerned(after, resp, partyId)) await putResponsibility(scope, before.id, partyId, 'CONTRIBUTOR', null);
  }
}
