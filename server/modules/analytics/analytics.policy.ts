import { hasRole, type Actor } from '../../auth/actor.js';
import { goalsPolicy } from '../goals/goals.policy.js';

/** Who may read the audit stream and the disclosure log, import indicators and export the register. */
export const analyticsPolicy = {
  /** Everyone signed in reads the audit stream, filtered per event by its entity's view. */
  readChanges: (actor: Actor): boolean => actor.kind === 'user',
  /** The secretariat sees every change event unfiltered. */
  readAllChanges: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  /** Only the secretariat reads the disclosure log (906/2019 § 17). */
  readDisclosures: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  /** Only the secretariat imports indicator values (they are the region's shared figures). */
  importIndicators: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  /** The audit stream names the goals an event refers to for whoever reads goals (`ChangeEvent.referencedRecords`). */
  nameGoals: (actor: Actor): boolean => goalsPolicy.read(actor),
  /**
   * The audit stream names an account by its person's display name for whoever reads the account's events, as it
   * names every event's actor to every reader (`ChangeEvent.actor`); never by e-mail, which `User.email` keeps to
   * the secretariat's and the person's own sessions.
   */
  nameUsers: (actor: Actor): boolean => actor.kind === 'user',
  /** Everyone signed in, and API tokens, may export the register they may read (with the session cookie or a bearer token). */
  exportRegister: (actor: Actor): boolean => actor.kind === 'user',
};
