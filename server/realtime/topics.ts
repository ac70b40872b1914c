import type { ChangeEventRow } from './changes.table.js';

/**
 * Every event name and the entity type it concerns, in one place. Names are
 * `<domain>.<verb>`; docs/realtime.md lists each with its payload and auth rule.
 */
export const EVENTS = {
  partyUpdated: { name: 'party.updated', entityType: 'party' },
  partyPopulationAdded: { name: 'party.population_added', entityType: 'party' },
  apiTokenCreated: { name: 'api_token.created', entityType: 'api_token' },
  apiTokenRevoked: { name: 'api_token.revoked', entityType: 'api_token' },
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS]['name'];

/** Matches events of one entity type, optionally of one entity. */
export function entityFilter(entityType: string, entityId?: string | null) {
  return (event: ChangeEventRow): boolean =>
    event.entityType === entityType && (entityId == null || event.entityId === entityId);
}
