import { createHash } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import type { Db } from '../../db/client.js';
import { findOne, recordRows } from '../../lib/rows.js';
import { parties } from '../parties/parties.table.js';
import { apiTokens, rateLimits, sessions, users, type ApiTokenRow, type SessionRow, type UserRow } from './auth.table.js';

/** A session still in use: neither ended nor expired. */
const liveSession = () => and(isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`));

/** A user by email (case-insensitive). */
export const findUserByEmail = (db: Db, email: string) => findOne(db, users, eq(sql`lower(${users.email})`, email.toLowerCase()));

/** Users: one by id (locked for update inside a write), by ids (for DataLoader), and inserts (lib/rows.ts). */
export const userRows = recordRows(users, 'user');

/** Stores a new session by the hash of its token. */
export async function insertSession(db: Db, userId: string, tokenHash: string, expiresAt: Date): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values({ userId, tokenHash, expiresAt }).returning();
  if (!row) throw new Error('session insert returned nothing');
  return row;
}

/** The columns of a user that make an actor (what authentication needs, nothing more). */
const actorColumns = { id: users.id, displayName: users.displayName, partyId: users.partyId, roles: users.roles };

/** The user behind a credential, as authentication reads it. */
export interface ActorUser {
  id: string;
  displayName: string;
  partyId: string | null;
  roles: string[];
}

/**
 * The credential lookups of every request as prepared statements (issue 10): built once per database,
 * planned once per connection on PostgreSQL, and reading only the columns an actor needs.
 */
export function prepareCredentialLookups(db: Db) {
  const hash = sql.placeholder('hash');
  const session = db
    .select({ user: actorColumns, sessionId: sessions.id, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hash), liveSession(), eq(users.status, 'ACTIVE')))
    .prepare('auth_live_session');
  const apiToken = db
    .select({ user: actorColumns, apiTokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), eq(users.status, 'ACTIVE')))
    .prepare('auth_live_api_token');
  return {
    /** A live session and its user by the token's hash. */
    async session(tokenHash: string): Promise<{ user: ActorUser; sessionId: string; expiresAt: Date } | undefined> {
      const [row] = await session.execute({ hash: tokenHash });
      return row;
    },
    /** A live API token and its user by the secret's hash. */
    async apiToken(tokenHash: string): Promise<{ user: ActorUser; apiTokenId: string; lastUsedAt: Date | null } | undefined> {
      const [row] = await apiToken.execute({ hash: tokenHash });
      return row;
    },
  };
}

/** Ends a session. */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}

/** Records that a token was used (at most once a minute, to keep reads cheap). */
export async function touchApiToken(db: Db, id: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(eq(apiTokens.id, id), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`),
    );
}

/** API tokens: one by id (locked for update inside a write), and the insert of a new one (lib/rows.ts). */
export const apiTokenRows = recordRows(apiTokens, 'api token');

/** Marks a token revoked. */
export async function revokeApiToken(tx: Db, id: string): Promise<ApiTokenRow> {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()`, version: sql`${apiTokens.version} + 1` })
    .where(eq(apiTokens.id, id))
    .returning();
  if (!row) throw new Error('api token vanished during revoke');
  return row;
}

/** A user's tokens, newest first. */
export function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

/**
 * A Drizzle limiter whose stored key is its prefix and a SHA-256 of the key it is given: whatever a caller
 * sends (an email of any length, an address), the row's key stays far under the btree index's limit of
 * about 2.7 kB, and the table holds no email or address in clear text.
 */
class HashedKeyLimiter extends RateLimiterDrizzle {
  override getKey(key: string | number): string {
    return super.getKey(createHash('sha256').update(String(key)).digest('base64url'));
  }
}

/**
 * A limit whose counters live in `rate_limits`, so every instance on the database shares it (an atomic
 * upsert per hit, on PostgreSQL and PGlite alike), keyed by a hash (HashedKeyLimiter). Expired rows are
 * removed by deleteExpiredRateLimits.
 */
export function sharedRateLimiter(
  db: Db,
  opts: { keyPrefix: string; points: number; durationSeconds: number },
): RateLimiterDrizzle {
  return new HashedKeyLimiter({
    storeClient: db,
    schema: rateLimits,
    keyPrefix: opts.keyPrefix,
    points: opts.points,
    duration: opts.durationSeconds,
    // Its own timer would outlive a stopped server; the auth service sweeps instead.
    clearExpiredByTimeout: false,
  });
}

/** Removes counters whose window ended before `before`. */
export async function deleteExpiredRateLimits(db: Db, before: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, before));
}

/** A party's id by its official code (`--party` of admin:create). */
export async function findPartyIdByCode(db: Db, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: parties.id }).from(parties).where(eq(parties.code, code));
  return row?.id;
}

/** A user's live sessions, newest first. */
export function listLiveSessions(db: Db, userId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), liveSession()))
    .orderBy(desc(sessions.createdAt), desc(sessions.id));
}

/** Ends a user's live sessions except `keep` (or just `only` when given) inside a write; returns those ended. */
export function revokeSessionsOfUser(tx: Db, userId: string, opts: { keep?: string; only?: string } = {}): Promise<SessionRow[]> {
  return tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        liveSession(),
        opts.keep ? ne(sessions.id, opts.keep) : undefined,
        opts.only ? eq(sessions.id, opts.only) : undefined,
      ),
    )
    .returning();
}

/** Replaces a user's password hash inside a write. */
export async function setPasswordHash(tx: Db, userId: string, passwordHash: string): Promise<UserRow> {
  const [row] = await tx
    .update(users)
    .set({ passwordHash, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId))
    .returning();
  if (!row) throw new Error('user vanished during password change');
  return row;
}
