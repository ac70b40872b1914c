import type { CombinedError } from '@urql/core';

/** The error codes of the API contract, plus NETWORK (no answer) and UNKNOWN (an answer without a known code). */
export const errorCodes = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'INVALID_TRANSITION',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
  'UNKNOWN',
] as const;

/** One of errorCodes. */
export type ErrorCode = (typeof errorCodes)[number];

/** An API error reduced to what the UI shows: the code and the contract's extensions. */
export interface ApiError {
  code: ErrorCode;
  /** The server's English message, for logs; the UI translates by code. */
  message: string;
  /** BAD_USER_INPUT: field path (without a leading "input.") → the server's message. */
  fields: Readonly<Record<string, string>>;
  currentVersion?: number;
  retryAfterSeconds?: number;
  requestId?: string;
  from?: string;
  to?: string;
  limit?: number;
  actual?: number;
  /** Why a rule refused (e.g. `NO_QUORUM`, `UNDECIDED_ITEMS`, `NOT_MINUTES_CHECKER`), when the server says. */
  reason?: string;
  /** NO_QUORUM: the meeting's quorum when refused. */
  quorum?: { members: number; present: number; required: number };
  /** UNDECIDED_ITEMS: the items without a decision. */
  items?: readonly { id: string; section: number | null; title: string }[];
}

/** The subset of GraphQLError this module reads, so tests can pass plain objects. */
export interface ErrorLike {
  message: string;
  extensions?: Readonly<Record<string, unknown>>;
}

/** The parts of urql's CombinedError this module reads. */
export type CombinedErrorLike = Pick<CombinedError, 'message'> & {
  networkError?: Error | undefined;
  graphQLErrors: readonly ErrorLike[];
};

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (errorCodes as readonly string[]).includes(value);

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** "input.names.fi" and "names.fi" name the same field; forms use the latter. */
export function normaliseFieldPath(path: string): string {
  return path.replace(/^input\./, '');
}

function fieldsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(value)) {
    if (typeof message === 'string') fields[normaliseFieldPath(key)] = message;
  }
  return fields;
}

function quorumOf(value: unknown): ApiError['quorum'] {
  if (!value || typeof value !== 'object') return undefined;
  const q = value as Record<string, unknown>;
  const [members, present, required] = [num(q['members']), num(q['present']), num(q['required'])];
  return members !== undefined && present !== undefined && required !== undefined ? { members, present, required } : undefined;
}

/** Reduces one GraphQL error to an ApiError. */
export function fromGraphQLError(error: ErrorLike): ApiError {
  const ext = error.extensions ?? {};
  const code = isErrorCode(ext['code']) ? ext['code'] : 'UNKNOWN';
  const result: ApiError = { code, message: error.message, fields: fieldsOf(ext['fields']) };
  const optional = {
    currentVersion: num(ext['currentVersion']),
    retryAfterSeconds: num(ext['retryAfterSeconds']),
    requestId: str(ext['requestId']),
    from: str(ext['from']),
    to: str(ext['to']),
    limit: num(ext['limit']),
    actual: num(ext['actual']),
    reason: str(ext['reason']),
    quorum: quorumOf(ext['quorum']),
    items: Array.isArray(ext['items'])
      ? (ext['items'] as unknown[]).flatMap((i) => {
          const o = (i ?? {}) as Record<string, unknown>;
          return typeof o['title'] === 'string'
            ? [{ id: str(o['id']) ?? '', section: num(o['section']) ?? null, title: o['title'] }]
            : [];
        })
      : undefined,
  };
  // Only copy present values: exactOptionalPropertyTypes-friendly and tidy in tests.
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(result, { [key]: value });
  }
  return result;
}

/**
 * Reduces urql's CombinedError to the one error the UI shows. A GraphQL error
 * wins over a network error: Apollo answers some errors (bad input, limits)
 * with HTTP 400 and a JSON body, which urql reports as both.
 */
export function toApiError(error: CombinedErrorLike | undefined | null): ApiError | undefined {
  if (!error) return undefined;
  const first = error.graphQLErrors[0];
  if (first) return fromGraphQLError(first);
  if (error.networkError) return { code: 'NETWORK', message: error.networkError.message, fields: {} };
  return { code: 'UNKNOWN', message: error.message, fields: {} };
}

/**
 * The server's message for a form field, matching "names.fi" against "input.names.fi" too: from
 * BAD_USER_INPUT, or FORBIDDEN naming the field whose value the rules refuse.
 */
export function fieldError(error: ApiError | undefined, path: string): string | undefined {
  if (!error || (error.code !== 'BAD_USER_INPUT' && error.code !== 'FORBIDDEN')) return undefined;
  return error.fields[path];
}

/** The error without one field's message: the user has changed that field since. */
export function withoutField(error: ApiError | undefined, path: string): ApiError | undefined {
  if (!error || !(path in error.fields)) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).filter(([key]) => key !== path));
  // Once every refused field has been changed there is nothing left to say.
  if ((error.code === 'BAD_USER_INPUT' || error.code === 'FORBIDDEN') && Object.keys(fields).length === 0) return undefined;
  return { ...error, fields };
}
