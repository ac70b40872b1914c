import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Session tokens start with this, API tokens with `API_TOKEN_PREFIX`; the prefix tells the store to look in. */
export const SESSION_TOKEN_PREFIX = 'yps_';
export const API_TOKEN_PREFIX = 'ypa_';

/** A new random secret (256 bits) with its kind's prefix. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Tokens are random and long, so a fast hash is enough to store them safely
 * (argon2 is for low-entropy passwords); lookups stay O(1) by index.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes).
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Checks a password against its argon2id hash. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
