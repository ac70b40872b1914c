/**
 * The row types that GraphQL object types resolve from (codegen mappers).
 * Resolvers receive these as parents; field resolvers shape them for the API.
 */
export type { PartyRow, PopulationFigureRow, ThemeRow } from '../modules/parties/parties.table.js';
export type { UserRow, ApiTokenRow } from '../modules/auth/auth.table.js';
import type { PartyRow } from '../modules/parties/parties.table.js';

/** Payload of `partyChanged`: the reloaded party and who changed it. */
export interface PartyEventModel {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  party: PartyRow;
  actorUserId: string | null;
}
