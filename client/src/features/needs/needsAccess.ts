import type { Role } from '../../graphql/generated/graphql';

/**
 * Whether the person may record needs at all, as the server's needsPolicy.createRefusal decides it: the
 * secretariat any need, a party's representative (one with a party) the needs that concern their own party.
 * Analysts and those without these roles may not. The register offers its "record a new need" link on this
 * rule, and /needs/new shows its form on it.
 */
export function mayRecordNeeds(user: { roles: readonly Role[]; party?: { id: string } | null } | null | undefined): boolean {
  if (!user) return false;
  return user.roles.includes('SECRETARIAT') || (user.roles.includes('PARTY_REPRESENTATIVE') && user.party != null);
}
