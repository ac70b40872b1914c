import type { Actor, UserActor } from './actor.js';
import { forbidden, unauthenticated } from '../errors.js';

/** The signed-in actor, or UNAUTHENTICATED. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN when the policy says no. */
export function authorize(actor: Actor, allowed: (actor: Actor) => boolean): UserActor {
  const user = requireUser(actor);
  if (!allowed(user)) throw forbidden();
  return user;
}
