import { hasRole, type Actor } from '../../auth/actor.js';
import { readableBySignedIn, type ChangeView } from '../../realtime/change-view.js';

/** Roles inside a body that let a member manage the body's memberships. */
const RUNS_BODY = new Set(['CHAIR', 'SECRETARY']);

/** Who may do what with the cooperation structure, agreements and negotiations. */
export const cooperationPolicy = {
  /** Everyone signed in reads the structure, agreements and negotiations (analysts too). */
  read: (actor: Actor): boolean => actor.kind === 'user',
  /** Only the secretariat creates and edits bodies. */
  manageBodies: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  /** The secretariat, or whoever is now the body's chair or secretary. */
  manageMemberships: (actor: Actor, rolesInBody: readonly string[]): boolean =>
    hasRole(actor, 'SECRETARIAT') || (actor.kind === 'user' && rolesInBody.some((r) => RUNS_BODY.has(r))),
  /** Only the secretariat creates and edits agreements and their sections. */
  manageAgreements: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
  /** A party's representative for their own party; the secretariat for any. */
  recordRatification: (actor: Actor, partyId: string): boolean =>
    hasRole(actor, 'SECRETARIAT') ||
    (actor.kind === 'user' && hasRole(actor, 'PARTY_REPRESENTATIVE') && actor.partyId === partyId),
  /** Only the secretariat records negotiations. */
  manageNegotiations: (actor: Actor): boolean => hasRole(actor, 'SECRETARIAT'),
};

/** The structure, agreements and negotiations are read by everyone signed in; so are their change events. */
export const cooperationChangeViews: Record<string, ChangeView> = Object.fromEntries(
  ['cooperation_body', 'membership', 'agreement', 'agreement_section', 'ratification', 'negotiation'].map((t) => [
    t,
    readableBySignedIn,
  ]),
);
