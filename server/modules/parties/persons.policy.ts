import { hasRole, isSession, type Actor } from '../../auth/actor.js';

/** Who may do what with people of the bodies. */
export const personsPolicy = {
  /** Names and titles are public within the hub: everyone signed in. */
  read: (actor: Actor): boolean => actor.kind === 'user',
  /** The secretariat; a chair or secretary of some body too, to seat a new member. */
  create: (actor: Actor, chairsOrSecretariesABody: boolean): boolean =>
    isSession(actor) && (hasRole(actor, 'SECRETARIAT') || chairsOrSecretariesABody),
  update: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  /**
   * Contact details: the secretariat, and signed-in members of the same bodies,
   * never analysts or API tokens.
   */
  seeContact: (actor: Actor, sharesABody: boolean): boolean =>
    isSession(actor) && !hasRole(actor, 'ANALYST') && (hasRole(actor, 'SECRETARIAT') || sharesABody),
};
