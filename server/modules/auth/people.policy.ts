import { hasRole, isSession, type Actor, type Role } from '../../auth/actor.js';

/** Who may administer people's accounts (issue 12): the secretariat, signed in to the web client. */
export const peoplePolicy = {
  /** List accounts, invite, deactivate, reactivate, send reset links and change roles. */
  administer: (actor: Actor): boolean => isSession(actor) && hasRole(actor, 'SECRETARIAT'),
  /** An account's status and person: the secretariat and the user themself. */
  seeAccount: (actor: Actor, userId: string): boolean =>
    actor.kind === 'user' && (actor.userId === userId || hasRole(actor, 'SECRETARIAT')),
  /** Nobody deactivates their own account: another administrator must (so an office is never locked out by a slip). */
  deactivate: (actor: Actor, targetUserId: string): boolean =>
    peoplePolicy.administer(actor) && actor.kind === 'user' && actor.userId !== targetUserId,
  /**
   * A change that takes an account out of the secretariat (demotion or deactivation) must leave at least one
   * active secretariat account: `activeSecretariatIds` are those active now, locked by the caller.
   */
  leavesASecretariat: (
    targetUserId: string,
    rolesAfter: readonly Role[] | null,
    activeSecretariatIds: readonly string[],
  ): boolean => {
    const remains = rolesAfter !== null && rolesAfter.includes('SECRETARIAT');
    if (remains || !activeSecretariatIds.includes(targetUserId)) return true;
    return activeSecretariatIds.some((id) => id !== targetUserId);
  },
};
