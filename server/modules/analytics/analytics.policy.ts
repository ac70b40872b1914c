import { hasRole, type Actor } from '../../auth/actor.js';

/** Who may read the audit stream and the disclosure log. */
export const analyticsPolicy = {
  /** Everyone signed in reads the audit stream, filtered per event by its entity's view. */
  readChanges: (actor: Actor): boolean => actor.kind === 'user',
  /** The secretariat sees every change event unfiltered. */
  readAllChanges: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  /** Only the secretariat reads the disclosure log (906/2019 § 17). */
  readDisclosures: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
};
