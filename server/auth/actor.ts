/** Standing roles of a user (contract `Role`). */
export type Role = 'SECRETARIAT' | 'PARTY_REPRESENTATIVE' | 'ANALYST';
/** Scopes of an API token (contract `ApiScope`). */
export type ApiScope = 'READ';

/** A signed-in caller: a user by session, or a user's read-only API token. */
export interface UserActor {
  kind: 'user';
  userId: string;
  displayName: string;
  partyId: string | null;
  roles: readonly Role[];
  /** How the caller authenticated; an API token never writes. */
  via: 'session' | 'api_token';
  sessionId?: string;
  apiTokenId?: string;
  /** When the session ends (sockets close then). */
  expiresAt?: Date;
}

/** Nobody signed in. */
export interface AnonymousActor {
  kind: 'anonymous';
}

/** Who is asking: every service and policy takes one. */
export type Actor = UserActor | AnonymousActor;

/** The fields of a user row that an actor is made of. */
export interface ActorSource {
  id: string;
  displayName: string;
  partyId: string | null;
  roles: readonly string[];
}

/** The actor a user row stands for, signed in `via` a session or an API token (whose ids `ids` carries). */
export function actorOf(
  user: ActorSource,
  via: UserActor['via'],
  ids: Pick<UserActor, 'sessionId' | 'apiTokenId' | 'expiresAt'> = {},
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    displayName: user.displayName,
    partyId: user.partyId,
    roles: user.roles as readonly Role[],
    via,
    ...ids,
  };
}

export const anonymous: AnonymousActor = Object.freeze({ kind: 'anonymous' });

/** Signed in to the web client with a session: the only caller that writes (an API token is read-only). */
export const isSession = (actor: Actor): actor is UserActor => actor.kind === 'user' && actor.via === 'session';

/** True when the actor has the standing role. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.includes(role);
}
