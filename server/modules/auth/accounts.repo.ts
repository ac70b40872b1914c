import { and, arrayContains, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { insertOne } from '../../lib/rows.js';
import { accountLinks, apiTokens, users, type AccountLinkRow, type ApiTokenRow, type UserRow } from './auth.table.js';

/** What the people page filters by. */
export interface UserFilter {
  partyId?: string | null;
  role?: string | null;
  status?: string | null;
}

/** Users for the secretariat's people page, by name. */
export function listUsers(db: Db, filter: UserFilter): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(
      and(
        filter.partyId ? eq(users.partyId, filter.partyId) : undefined,
        filter.role ? arrayContains(users.roles, [filter.role]) : undefined,
        filter.status ? eq(users.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

/** Active secretariat accounts, locked, so that two demotions cannot both pass the "last one" check. */
export function lockActiveSecretariat(tx: Db): Promise<{ id: string }[]> {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.status, 'ACTIVE'), arrayContains(users.roles, ['SECRETARIAT'])))
    .orderBy(asc(users.id))
    .for('update');
}

/** Changes a user's status, roles, name or password hash; version + 1. */
export async function updateUser(
  tx: Db,
  id: string,
  changes: Partial<Pick<UserRow, 'status' | 'roles' | 'displayName' | 'partyId' | 'passwordHash'>>,
): Promise<UserRow> {
  const [row] = await tx
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error('user vanished during update');
  return row;
}

/** Stores a one-time link by the hash of its token. */
export const insertAccountLink = (tx: Db, row: typeof accountLinks.$inferInsert) =>
  insertOne(tx, accountLinks, row, 'account link');

/** A link and its user by the token's hash (used, revoked or expired too: the caller tells which). */
export async function findAccountLink(
  db: Db,
  tokenHash: string,
  opts: { forUpdate?: boolean } = {},
): Promise<{ link: AccountLinkRow; user: UserRow } | undefined> {
  const query = db
    .select({ link: accountLinks, user: users })
    .from(accountLinks)
    .innerJoin(users, eq(users.id, accountLinks.userId))
    .where(eq(accountLinks.tokenHash, tokenHash));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Ends a user's unused links (a new link replaces them; deactivation ends them); returns those ended. */
export function revokeLinksOfUser(tx: Db, userId: string): Promise<AccountLinkRow[]> {
  return tx
    .update(accountLinks)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(accountLinks.userId, userId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt)))
    .returning();
}

/** Marks a link used. */
export async function markLinkUsed(tx: Db, id: string): Promise<void> {
  await tx
    .update(accountLinks)
    .set({ usedAt: sql`now()` })
    .where(eq(accountLinks.id, id));
}

/** The newest live (unused, unrevoked, unexpired) link of each user. */
export async function liveLinksOfUsers(db: Db, userIds: readonly string[]): Promise<AccountLinkRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select()
    .from(accountLinks)
    .where(
      and(
        inArray(accountLinks.userId, [...userIds]),
        isNull(accountLinks.usedAt),
        isNull(accountLinks.revokedAt),
        gt(accountLinks.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(accountLinks.createdAt));
  const newest = new Map<string, AccountLinkRow>();
  for (const r of rows) newest.set(r.userId, r);
  return [...newest.values()];
}

/** Revokes every live API token of a user inside a write; returns those revoked. */
export function revokeAllApiTokens(tx: Db, userId: string): Promise<ApiTokenRow[]> {
  return tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()`, version: sql`${apiTokens.version} + 1` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
}
