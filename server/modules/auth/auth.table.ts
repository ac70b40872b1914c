import { boolean, index, integer, pgTable, text, type PgColumnBuilderBase } from 'drizzle-orm/pg-core';
import { idColumn, optionalRef, ownerRef, setNullRef, timestamptz, timestamptzNow, versionColumn } from '../../db/columns.js';
import { parties } from '../parties/parties.table.js';

/**
 * Users of the hub. Passwords are argon2id hashes (null until an invited person sets one, and for people
 * who sign in only through single sign-on); `roles` are standing roles; `status` is `INVITED` (an
 * invitation not yet accepted), `ACTIVE` or `DEACTIVATED` (no sign-in, no session, no token).
 */
export const users = pgTable('users', {
  id: idColumn(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  status: text('status').notNull().default('ACTIVE'),
  partyId: optionalRef('party_id', () => parties.id),
  roles: text('roles').array().notNull().default([]),
  isDemo: boolean('is_demo').notNull().default(false),
  version: versionColumn(),
  createdAt: timestamptzNow('created_at'),
});

/**
 * A table of secrets a user holds (one-time links, sessions, API tokens): each row belongs to its user,
 * is deleted with them, and is found by them (`<name>_user_idx`).
 */
const userSecrets = <TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
) =>
  pgTable(name, { id: idColumn(), userId: ownerRef('user_id', () => users.id), ...columns }, (t) => [
    index(`${name}_user_idx`).on(t.userId),
  ]);

/**
 * One-time links that set a password (issue 12): an invitation (`INVITE`) or a reset (`RESET`), valid
 * 7 days. Only the SHA-256 of the token is stored; `usedAt` or `revokedAt` end a link.
 */
export const accountLinks = userSecrets('account_links', {
  kind: text('kind').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** The language it was sent in (fi, sv, en): its e-mail's, and the page it opens unless the reader chose one. */
  language: text('language').notNull().default('fi'),
  createdByUserId: setNullRef('created_by_user_id', () => users.id),
  createdAt: timestamptzNow('created_at'),
  expiresAt: timestamptz('expires_at').notNull(),
  usedAt: timestamptz('used_at'),
  revokedAt: timestamptz('revoked_at'),
});

/** Web sessions. Only the SHA-256 of the random token is stored. */
export const sessions = userSecrets('sessions', {
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamptzNow('created_at'),
  expiresAt: timestamptz('expires_at').notNull(),
  revokedAt: timestamptz('revoked_at'),
});

/** Read-only API tokens for analytics tools. Only the SHA-256 of the secret is stored. */
export const apiTokens = userSecrets('api_tokens', {
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  version: versionColumn(),
  createdAt: timestamptzNow('created_at'),
  lastUsedAt: timestamptz('last_used_at'),
  revokedAt: timestamptz('revoked_at'),
});

/**
 * Counters of the limits every instance shares (failed logins per account and per address), kept by
 * rate-limiter-flexible's Drizzle store: one row per key, its points and when the window ends.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull().default(0),
    expire: timestamptz('expire'),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
);

export type UserRow = typeof users.$inferSelect;
export type AccountLinkRow = typeof accountLinks.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;
