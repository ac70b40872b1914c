import type { PartyRow } from './parties.table.js';

/** Payload of `partyChanged`: the reloaded party and who changed it. */
export interface PartyEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  party: PartyRow;
  actorUserId: string | null;
}
