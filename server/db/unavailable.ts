import { serviceUnavailable } from '../errors.js';

/**
 * PostgreSQL error classes that mean "the database went away", not "the request was wrong":
 * 08 connection exception, 57P01-57P03 shutdown / terminated by an administrator / not accepting
 * connections yet, 53300 too many connections.
 */
const PG_CODES = /^(08...|57P0[123]|53300)$/;
/** Node's socket errors when the server is unreachable or the connection breaks. */
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres and pg-pool say it in words only. */
const MESSAGES = [
  /^Connection terminated/,
  /^Client was closed and is not queryable/,
  /^Client has encountered a connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Cannot use a pool after calling end on the pool/,
];

/**
 * True when an error (or one it wraps: drizzle's DrizzleQueryError keeps the driver's error as
 * `cause`) says the database could not be reached or dropped the connection: worth retrying later.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e instanceof Error && !seen.has(e)) {
    seen.add(e);
    // Already answered as an outage (SERVICE_UNAVAILABLE) further down.
    if ((e as { extensions?: { code?: unknown } }).extensions?.code === 'SERVICE_UNAVAILABLE') return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (PG_CODES.test(code) || NODE_CODES.has(code))) return true;
    if (MESSAGES.some((m) => m.test(e instanceof Error ? e.message : ''))) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
    e = (e as { cause?: unknown }).cause ?? (e as { originalError?: unknown }).originalError;
  }
  return false;
}

/** Runs `fn`; a database outage becomes SERVICE_UNAVAILABLE (HTTP 503, retryable) instead of an internal error. */
export async function unavailableAs503<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw Object.assign(serviceUnavailable(), { cause: err });
    throw err;
  }
}
