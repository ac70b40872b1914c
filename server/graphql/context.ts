import type { Logger } from 'pino';
import { anonymous, type Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import type { Loaders, Services } from '../modules/index.js';
import type { Locale } from './locale.js';

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
    const bearer = /^Bearer\s+(\S+)$/i.exec(facts.authorization?.trim() ?? '')?.[1];
    if (facts.authorization && !bearer) throw invalidCredentials('Malformed Authorization header; use "Bearer <token>"');
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

  async function create(facts: RequestFacts, knownActor?: Actor): Promise<GraphQLContext> {
    const actor = knownActor ?? (await authenticate(facts));
    return {
      actor,
      requestId: facts.requestId,
      locale: deps.pickLocale(facts.acceptLanguage),
      clientAddress: facts.clientAddress,
      services: deps.servicesFor(actor),
      loaders: deps.createLoaders(actor),
      log: deps.log.child({ requestId: facts.requestId }),
      http: facts.http,
    };
  }

  /** The same context with new DataLoaders (each event of a subscription starts afresh). */
  function withFreshLoaders(ctx: GraphQLContext): GraphQLContext {
    // Built on first use: most events (a co-edited keystroke) resolve without a loader, once per subscriber.
    let loaders: Loaders | undefined;
    return Object.defineProperty({ ...ctx }, 'loaders', {
      get: () => (loaders ??= deps.createLoaders(ctx.actor)),
      enumerable: true,
      configurable: true,
    });
  }

  return { authenticate, create, withFreshLoaders };
}

function invalidCredentials(message: string) {
  return new AppError('UNAUTHENTICATED', message, { http: { status: 401 } });
}
