import { hasRole, isSession, type Actor } from '../../auth/actor.js';
import type { ApiTokenRow, UserRow } from './auth.table.js';

/** Who may do what with accounts and tokens. */
export const authPolicy = {
  /** Only a person signed in to the web client makes tokens: a token cannot mint another. */
  createApiToken: (actor: Actor): boolean => isSession(actor),
  /** A user revokes their own tokens; the secretariat revokes any. */
  revokeApiToken: (actor: Actor, token: ApiTokenRow): boolean =>
    isSession(actor) && (token.userId === actor.userId || hasRole(actor, 'SECRETARIAT')),
  /** Email addresses are contact details: shown to the user themself and the secretariat only. */
  seeEmail: (actor: Actor, user: UserRow): boolean =>
    isSession(actor) && (actor.userId === user.id || hasRole(actor, 'SECRETARIAT')),
};
