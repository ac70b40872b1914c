import type { Logger } from 'pino';
import { anonymous, type Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import type { Services } from '../modules/index.js';
import type { Loaders } from '../modules/loaders.js';
import type { Locale } from '../lib/locale.js';

/** What HTTP requests can do that sockets cannot: set and clear the session cookie. */
export interface HttpHooks {
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

/** The context of every operation, over HTTP and WebSocket alike. */
export interface GraphQLContext {
  actor: Actor;
  requestId: string;
  locale: Locale;
  clientAddress: string;
  services: Services;
  loaders: Loaders;
  log: Logger;
  /** Present on HTTP requests only. */
  http?: HttpHooks;
  /**
   * Set when the fan-out starts a running subscription again under its subscriber's new scope (a membership
   * changed): the subscriber asked for it before, this is not a new start (`serviceNeedWithdrawn` reads it).
   */
  resumed?: boolean;
}

/** The credentials and request facts a transport hands over. */
export interface RequestFacts {
  requestId: string;
  /** The `Authorization` header or `connection_init` value. */
  authorization?: string | null;
  /** The session cookie's value, if any. */
  sessionCookie?: string | null;
  acceptLanguage?: string | null;
  clientAddress: string;
  http?: HttpHooks;
}

/** Builds contexts: authenticates once, picks the locale, gives fresh loaders. */
export function createContextFactory(deps: {
  /** The services that authenticate. */
  services: Services;
  /** The services an operation of this actor runs with (API tokens use the analytics pool). */
  servicesFor: (actor: Actor) => Services;
  createLoaders: (actor: Actor) => Loaders;
  log: Logger;
  pickLocale: (header: string | null | undefined) => Locale;
}) {
  /** The actor for the credentials; UNAUTHENTICATED for an invalid bearer token. */
  async function authenticate(facts: Pick<RequestFacts, 'authorization' | 'sessionCookie' | 'http'>): Promise<Actor> {
    const bearer = bearerToken(facts.authorization);
    if (bearer) {
      const actor = await deps.services.auth.authenticate(bearer);
      if (!actor) throw invalidCredentials('Invalid or expired token');
      return actor;
    }
    if (facts.sessionCookie) {
      const actor = await deps.services.auth.authenticate(facts.sessionCookie);
      if (actor) return actor;
      facts.http?.clearSessionCookie();
    }
    return anonymous;
  }

  /**
   * A context whose DataLoaders and logger are made when first used: many operations need neither, and
   * a subscription's context lives as long as its socket (issue 10: the idle subscribed socket).
   */
  function lazy(fields: Omit<GraphQLContext, 'loaders' | 'log'>, makeLog: () => Logger): GraphQLContext {
    let loaders: Loaders | undefined;
    let log: Logger | undefined;
    return Object.defineProperties(fields as GraphQLContext, {
      loaders: {
        enumerable: true,
        configurable: true,
        get: () => (loaders ??= deps.createLoaders(fields.actor)),
        set: (value: Loaders) => (loaders = value),
      },
      log: { enumerable: true, configurable: true, get: () => (log ??= makeLog()), set: (value: Logger) => (log = value) },
    });
  }

  async function create(facts: RequestFacts, knownActor?: Actor): Promise<GraphQLContext> {
    const actor = knownActor ?? (await authenticate(facts));
    const fields = {
      actor,
      requestId: facts.requestId,
      locale: deps.pickLocale(facts.acceptLanguage),
      clientAddress: facts.clientAddress,
      services: deps.servicesFor(actor),
      http: facts.http,
    };
    return lazy(fields, () => deps.log.child({ requestId: facts.requestId }));
  }

  /** The same context with new DataLoaders (each event of a subscription starts afresh). */
  function withFreshLoaders(ctx: GraphQLContext): GraphQLContext {
    const { actor, requestId, locale, clientAddress, services, http } = ctx;
    return lazy({ actor, requestId, locale, clientAddress, services, http }, () => ctx.log);
  }

  return { authenticate, create, withFreshLoaders };
}

const malformedAuthorization = () => invalidCredentials('Malformed authorization; use "Bearer <token>"');

/**
 * The token of an `authorization`, the HTTP header or a socket's `connection_init` value alike: absent, null or
 * blank is none (null: the cookie, else anonymous; a signed-out client may send an empty header); anything else
 * must be the string "Bearer <token>" (42, "Basic …", a bare token are UNAUTHENTICATED, never anonymous).
 */
export function bearerToken(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value !== 'string') throw malformedAuthorization();
  if (value.trim() === '') return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(value.trim())?.[1];
  if (!bearer) throw malformedAuthorization();
  return bearer;
}

function invalidCredentials(message: string) {
  return new AppError('UNAUTHENTICATED', message, { http: { status: 401 } });
}
