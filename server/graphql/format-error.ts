import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { literalPath } from './variable-paths.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError, isExpected, publicError, serviceUnavailable } from '../errors.js';

const SUGGESTION = /\s*Did you mean .*\?$/;
/** Apollo's and graphql-js's own codes for a malformed request, told in the contract's words. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** graphql-js stops validating a document whose checks cost too much (issue: a field repeated hundreds of times). */
const VALIDATION_ABORTED = /Validation aborted\.$/;

/** QUERY_TOO_COMPLEX for a document graphql-js gave up validating, named so that the caller knows what to change. */
export function validationAborted(): AppError {
  return new AppError(
    'QUERY_TOO_COMPLEX',
    'The query repeats fields too often to be checked: ask for each field once in a selection',
    { measure: 'repeatedFields', http: { status: 400 } },
  );
}

/** Whether graphql-js's validation stopped on this document (its work budget, or too many errors). */
export const isValidationAborted = (message: string) => VALIDATION_ABORTED.test(message);

function unwrap(error: unknown): unknown {
  let e = error;
  while (e instanceof GraphQLError && e.originalError) e = e.originalError;
  return e;
}

/**
 * Maps any error to the contract: expected errors keep their code and message;
 * a malformed request is BAD_USER_INPUT; anything else is masked as
 * INTERNAL_SERVER_ERROR (the request id is added where the context is known).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  const code = formatted.extensions?.code;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (isExpected(original)) return { ...base, ...publicError(original) };
  if (isDatabaseUnavailable(original)) {
    // An outage, not a bug: the documented retryable answer instead of a masked 500.
    const unavailable = serviceUnavailable();
    const { http: _http, ...extensions } = unavailable.extensions as Record<string, unknown>;
    return { message: unavailable.message, path: formatted.path, extensions };
  }
  if (isValidationAborted(formatted.message)) {
    const { http: _http, ...extensions } = validationAborted().extensions as Record<string, unknown>;
    return { message: validationAborted().message, extensions };
  }
  if (typeof code === 'string' && (REQUEST_CODES.has(code) || code === 'BAD_USER_INPUT')) {
    // Variables of the wrong type are refused by the gate, which names the argument a variable fills; what
    // reaches here names the variable itself or the query.
    const inputPath = formatted.extensions?.[INPUT_PATH];
    const field = typeof inputPath === 'string' ? inputPath : fieldOfMessage(formatted.message);
    return { ...base, extensions: { code: 'BAD_USER_INPUT', reason: code, fields: { [field]: formatted.message } } };
  }
  if (original instanceof GraphQLError && original.extensions?.code === undefined && !original.originalError && original.nodes) {
    // A plain GraphQLError raised by graphql-js itself (validation or coercion): the caller's request is at fault.
    return {
      ...base,
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED', fields: { query: formatted.message } },
    };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Adds the request id to masked errors and strips "Did you mean" hints for anonymous callers. */
export function finishErrors(
  errors: readonly GraphQLFormattedError[],
  opts: { requestId: string; anonymous: boolean },
): GraphQLFormattedError[] {
  return errors.map((e) => {
    const extensions = { ...e.extensions };
    if (extensions.code === 'INTERNAL_SERVER_ERROR') extensions.requestId = opts.requestId;
    let message = e.message;
    if (opts.anonymous) {
      message = message.replace(SUGGESTION, '');
      const fields = extensions.fields as Record<string, string> | undefined;
      if (fields) extensions.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.replace(SUGGESTION, '')]));
    }
    return { ...e, message, extensions };
  });
}

/** True when an error was not expected (worth logging with its stack). */
export function isUnexpected(error: unknown): boolean {
  const original = unwrap(error);
  if (isExpected(original)) return false;
  const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
  if (typeof code === 'string' && (REQUEST_CODES.has(code) || code === 'BAD_USER_INPUT')) return false;
  return !(original instanceof GraphQLError && !original.originalError);
}

/** Where a validation error keeps the argument path of the literal it is about, until formatError names it in `fields`. */
const INPUT_PATH = 'inputPath';

/** The argument path of the literal a graphql-js validation error is about (its nodes), or undefined. */
export function literalPathOf(error: GraphQLError, document: DocumentNode): string | undefined {
  for (const node of error.nodes ?? []) {
    const path = literalPath(document, node);
    if (path !== undefined) return path;
  }
  return undefined;
}

/**
 * Marks Apollo's validation errors with the argument path of the literal each is about (Apollo keeps an
 * error's extensions when it wraps it; formatError reads the mark), so `extensions.fields` names `asOf`
 * for `serviceNeed(asOf: "0001-…")` as it does for a variable, instead of `query`.
 */
export function markLiteralPaths(errors: readonly Error[] | undefined, document: DocumentNode | undefined): void {
  if (!document) return;
  for (const error of errors ?? []) {
    if (!(error instanceof GraphQLError)) continue;
    const path = literalPathOf(error, document);
    if (path !== undefined) (error.extensions as Record<string, unknown>)[INPUT_PATH] = path;
  }
}

/** The input path a graphql-js coercion message names ('… at "input.dueDate"'), else its variable, else "query". */
export function fieldOfMessage(message: string): string {
  return /at "([\w.[\]]+)"/.exec(message)?.[1] ?? /Variable "\$(\w+)"/.exec(message)?.[1] ?? 'query';
}
