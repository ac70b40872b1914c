import { GraphQLError } from 'graphql';
import type { ZodError } from 'zod';

/** The error codes of the contract; every error the API returns carries one. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** An expected error: its message and extensions reach the client unmasked. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** No or invalid credentials where they are needed. */
export const unauthenticated = (message = 'Sign in to do this') => new AppError('UNAUTHENTICATED', message);
/** Authenticated but not allowed; `fields` names the input whose value the rules refuse (path → message). */
export const forbidden = (
  message = 'You are not allowed to do this',
  fields?: Record<string, string>,
  extra: Record<string, unknown> = {},
) => new AppError('FORBIDDEN', message, { ...extra, ...(fields ? { fields } : {}) });
/** No such record, or one the caller may not see: the same answer for both. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
/**
 * Invalid arguments; `fields` maps input paths to messages. `extra` adds machine-readable facts, e.g.
 * `reason` (`NO_QUORUM`, `UNDECIDED_ITEMS`) so a client can explain a refusal without parsing the message.
 */
export const badInput = (fields: Record<string, string>, message = 'Invalid input', extra: Record<string, unknown> = {}) =>
  new AppError('BAD_USER_INPUT', message, { ...extra, fields });
/** `expectedVersion` is stale. */
export const conflict = (currentVersion: number) =>
  new AppError('CONFLICT', 'The record was changed by someone else', { currentVersion });
/** A status change the lifecycle does not allow. */
export const invalidTransition = (from: string, to: string, allowed: readonly string[]) =>
  new AppError('INVALID_TRANSITION', `Cannot change status from ${from} to ${to}`, { from, to, allowed });
/** Too many attempts. */
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', 'Too many attempts; try again later', { retryAfterSeconds });

/** Seconds a client should wait before retrying when the database is unavailable (HTTP Retry-After). */
export const RETRY_AFTER_SECONDS = 2;
/**
 * The database could not be reached or dropped the connection (an outage, a restart): nothing is
 * wrong with the request; retry after `retryAfterSeconds`. HTTP 503 with a Retry-After header.
 */
export const serviceUnavailable = (retryAfterSeconds = RETRY_AFTER_SECONDS) =>
  new AppError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; try again shortly', {
    retryAfterSeconds,
    http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });

/** Turns a zod error into BAD_USER_INPUT naming each field by its input path. */
export function fromZodError(error: ZodError, prefix = ''): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || 'input';
    fields[key] ??= issue.message;
  }
  return badInput(fields);
}

/**
 * An expected error as an answer's `errors` entry shows it, over /graphql and plain HTTP alike: its message and
 * extensions, less what only the server reads (`http`: the status and headers it answers with; a stack trace).
 */
export function publicError(error: GraphQLError): { message: string; extensions: Record<string, unknown> } {
  const { http: _http, stacktrace: _stack, ...extensions } = (error.extensions ?? {}) as Record<string, unknown>;
  return { message: error.message, extensions };
}

/** True for errors whose message may be shown as is (everything else is masked). */
export function isExpected(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.code;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
}
