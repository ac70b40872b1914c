import { z } from 'zod';
import { actorOf, type Actor, type ApiScope, type UserActor } from '../../auth/actor.js';
import { createCredentialCache, type Revocation } from '../../auth/credential-cache.js';
import { authorize, requireUser } from '../../auth/guard.js';
import { RateLimiterRes } from 'rate-limiter-flexible';
import {
  API_TOKEN_PREFIX,
  SESSION_TOKEN_PREFIX,
  dummyPasswordHash,
  hashToken,
  newToken,
  verifyPassword,
} from '../../auth/tokens.js';
import { forbidden, notFound, rateLimited, unauthenticated } from '../../errors.js';
import { EVENTS, REVOKED_TOPIC } from '../../realtime/topics.js';
import { emailText, parseInput, requiredLine } from '../../validation.js';
import type { Db } from '../../db/client.js';
import type { ServiceDeps } from '../deps.js';
import { authPolicy } from './auth.policy.js';
import * as repo from './auth.repo.js';
import type { ApiTokenRow, UserRow } from './auth.table.js';
import { rowCreated, rowUpdated } from '../../realtime/write.js';

/**
 * Login attempts in a 15-minute window: per account from one address, per account from all addresses, and per
 * address. The tight limit is the account at one address, so that guesses from elsewhere cannot lock the owner
 * out (a lockout for the asking); the account-wide limit caps guessing spread over many addresses.
 */
const ACCOUNT_AT_ADDRESS_FAILURES = { points: 5, durationSeconds: 15 * 60 };
const ACCOUNT_FAILURES = { points: 50, durationSeconds: 15 * 60 };
const ADDRESS_FAILURES = { points: 30, durationSeconds: 15 * 60 };
/** How often expired counters are swept from the database (on a login, at most this often). */
const SWEEP_EVERY_MS = 10 * 60_000;

const loginInput = z.object({ email: emailText });

const createTokenInput = z.object({
  name: requiredLine(100),
  scopes: z.array(z.enum(['READ'])).min(1, 'Choose at least one scope'),
});

/** Result of a successful login. */
export interface LoginResult {
  token: string;
  actor: UserActor;
  user: UserRow;
  expiresAt: Date;
}

/** Sign-in, sessions and API tokens. */
export function createAuthService({ db, write, bus, config, log }: ServiceDeps) {
  // In the database, so every instance counts the same attempts (behind two instances the limit would halve).
  const byAccountAtAddress = repo.sharedRateLimiter(db, {
    keyPrefix: `${config.rateLimitKeyPrefix}:login:account-address`,
    ...ACCOUNT_AT_ADDRESS_FAILURES,
  });
  const byAccount = repo.sharedRateLimiter(db, { keyPrefix: `${config.rateLimitKeyPrefix}:login:account`, ...ACCOUNT_FAILURES });
  const byAddress = repo.sharedRateLimiter(db, { keyPrefix: `${config.rateLimitKeyPrefix}:login:address`, ...ADDRESS_FAILURES });
  let sweptAt = Date.now();
  const lookups = repo.prepareCredentialLookups(db);
  // Authenticated credentials for a few seconds; revocations evict them on every instance (ADR 0012).
  const cache = createCredentialCache({ ttlMs: config.authCacheSeconds * 1000 });
  bus.subscribeEphemeral(REVOKED_TOPIC, (payload) => cache.evict((payload ?? {}) as Revocation));
  /** When each API token's use was last recorded (kept to the minute). */
  const touchedAt = new Map<string, number>();

  /** Records a token's use at most once a minute; most requests of a sync need no write at all. */
  async function touch(apiTokenId: string, lastUsedAt: number): Promise<void> {
    const last = Math.max(lastUsedAt, touchedAt.get(apiTokenId) ?? 0);
    if (touchedAt.size >= 10_000) touchedAt.delete(touchedAt.keys().next().value as string);
    if (Date.now() - last <= 60_000) {
      touchedAt.set(apiTokenId, last);
      return;
    }
    touchedAt.set(apiTokenId, Date.now());
    await repo.touchApiToken(db, apiTokenId).catch((err) => log.warn({ err }, 'could not record token use'));
  }

  /** Reads the credential from the database: the actor, or undefined when it is not live. */
  async function lookUp(token: string, hash: string): Promise<UserActor | undefined> {
    if (token.startsWith(SESSION_TOKEN_PREFIX)) {
      const found = await lookups.session(hash);
      return found && actorOf(found.user, 'session', { sessionId: found.sessionId, expiresAt: found.expiresAt });
    }
    const found = await lookups.apiToken(hash);
    if (!found) return undefined;
    await touch(found.apiTokenId, found.lastUsedAt?.getTime() ?? 0);
    return actorOf(found.user, 'api_token', { apiTokenId: found.apiTokenId });
  }

  /** The key of an account at one address (JSON, so that no email or address can spell another pair). */
  const accountAt = (email: string, address: string): string => JSON.stringify([email, address]);

  /** Counts one attempt against all limits before the (slow) password check, so parallel guesses cannot all pass. */
  async function countAttempt(email: string, address: string): Promise<void> {
    const results = await Promise.allSettled([
      byAccountAtAddress.consume(accountAt(email, address)),
      byAccount.consume(email),
      byAddress.consume(address),
    ]);
    const refused = results.flatMap((r) => (r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [r.reason] : []));
    const failed = results.find((r) => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes));
    if (failed?.status === 'rejected') throw failed.reason;
    if (refused.length) throw rateLimited(Math.max(1, ...refused.map((r) => Math.ceil(r.msBeforeNext / 1000))));
    if (Date.now() - sweptAt > SWEEP_EVERY_MS) {
      sweptAt = Date.now();
      repo.deleteExpiredRateLimits(db, new Date()).catch((err) => log.warn({ err }, 'could not sweep expired rate limits'));
    }
  }

  /** A new web session for a user who has proved who they are (password, a one-time link, single sign-on). */
  async function startSession(user: UserRow): Promise<LoginResult> {
    const token = newToken(SESSION_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
    const session = await repo.insertSession(db, user.id, hashToken(token), expiresAt);
    return { token, user, expiresAt, actor: actorOf(user, 'session', { sessionId: session.id, expiresAt }) };
  }

  return {
    /**
     * The actor behind a bearer token or session cookie; undefined when the token is not valid. Served from
     * the credential cache while the bus listens (so revocations reach it); read from the database otherwise.
     */
    async authenticate(token: string): Promise<UserActor | undefined> {
      if (!token.startsWith(SESSION_TOKEN_PREFIX) && !token.startsWith(API_TOKEN_PREFIX)) return undefined;
      const hash = hashToken(token);
      const { listening, epoch } = bus.health();
      if (!cache.enabled || !listening) return lookUp(token, hash);
      const hit = cache.get(hash, epoch);
      if (hit) {
        if (hit.apiTokenId) await touch(hit.apiTokenId, 0);
        return hit;
      }
      const startedAt = cache.generation();
      const actor = await lookUp(token, hash);
      if (actor) cache.set(hash, actor, epoch, startedAt);
      return actor;
    },

    /** Checks the password (argon2id), rate-limited per account at an address, per account and per address. */
    async login(emailRaw: string, password: string, address: string): Promise<LoginResult> {
      // An address no account can have (too long) is refused before it is counted or looked up.
      const { email } = parseInput(loginInput, { email: emailRaw }, '');
      await countAttempt(email, address);
      const user = await repo.findUserByEmail(db, email);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      // An invited (no password yet) or deactivated account gets the same answer as a wrong password.
      if (!user || !ok || user.status !== 'ACTIVE') throw unauthenticated('Wrong email or password');
      // A successful login clears the account's count at this address and takes back its own count elsewhere.
      await Promise.all([
        byAccountAtAddress.delete(accountAt(email, address)),
        byAccount.reward(email, 1),
        byAddress.reward(address, 1),
      ]);
      return startSession(user);
    },

    startSession,

    /** Ends the caller's session (a no-op for anonymous callers); a token is read-only and is refused. */
    async logout(actor: Actor): Promise<boolean> {
      if (actor.kind === 'user' && actor.via === 'api_token') throw forbidden('API tokens are read-only');
      if (actor.kind === 'user' && actor.sessionId) {
        await repo.revokeSession(db, actor.sessionId);
        cache.evict({ sessionId: actor.sessionId });
        await bus.broadcast(REVOKED_TOPIC, { sessionId: actor.sessionId });
      }
      return true;
    },

    async me(actor: Actor): Promise<UserRow | null> {
      if (actor.kind !== 'user') return null;
      const [user] = await repo.userRows.findByIds(db, [actor.userId]);
      return user ?? null;
    },

    /** A new read-only token; the secret is returned once and stored only as a hash. */
    async createApiToken(
      actor: Actor,
      rawName: string,
      rawScopes: readonly string[],
    ): Promise<{ token: string; apiToken: ApiTokenRow }> {
      const input = parseInput(createTokenInput, { name: rawName, scopes: rawScopes }, '');
      const user = authorize(actor, authPolicy.createApiToken);
      const token = newToken(API_TOKEN_PREFIX);
      const apiToken = await write(user, async ({ tx, record }) => {
        const created = await repo.apiTokenRows.insert(tx, {
          userId: user.userId,
          name: input.name,
          prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
          tokenHash: hashToken(token),
          scopes: [...new Set(input.scopes as ApiScope[])],
        });
        await record(
          rowCreated(EVENTS.apiTokenCreated, created, {
            name: created.name,
            scopes: created.scopes,
            prefix: created.prefix,
            userId: created.userId,
          }),
        );
        return created;
      });
      return { token, apiToken };
    },

    async revokeApiToken(actor: Actor, id: string): Promise<ApiTokenRow> {
      const user = requireUser(actor);
      const revoked = await write(user, async ({ tx, record }) => {
        const token = await repo.apiTokenRows.find(tx, id, { forUpdate: true });
        if (!token || (token.userId !== user.userId && !user.roles.includes('SECRETARIAT'))) throw notFound('API token');
        if (!authPolicy.revokeApiToken(user, token)) throw forbidden();
        if (token.revokedAt) return token;
        const revoked = await repo.revokeApiToken(tx, id);
        await record(rowUpdated(EVENTS.apiTokenRevoked, revoked, { revokedAt: null }, { revokedAt: revoked.revokedAt }));
        return revoked;
      });
      // This instance refuses it at once; the broadcast evicts it elsewhere and closes open sockets, on every instance.
      cache.evict({ apiTokenId: id });
      await bus.broadcast(REVOKED_TOPIC, { apiTokenId: id });
      return revoked;
    },

    /** A user's email when the caller may see contact details, else null. */
    emailFor(actor: Actor, user: UserRow): string | null {
      return authPolicy.seeEmail(actor, user) ? user.email : null;
    },

    /** A token for the disclosure log: the secretariat and the token's owner see it. */
    async apiTokenFor(actor: Actor, id: string): Promise<ApiTokenRow | null> {
      if (actor.kind !== 'user') return null;
      const token = await repo.apiTokenRows.find(db, id);
      return token && (token.userId === actor.userId || actor.roles.includes('SECRETARIAT')) ? token : null;
    },

    async listMyApiTokens(actor: Actor): Promise<ApiTokenRow[]> {
      const user = requireUser(actor);
      return repo.listApiTokens(db, user.userId);
    },

    /** Within a write of another service: these accounts (in no particular order; an unknown id is left out). */
    usersInTx(tx: Db, ids: readonly string[]): Promise<UserRow[]> {
      return repo.userRows.findByIds(tx, ids);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
