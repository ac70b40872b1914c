import type { NextFunction, Request, Response } from 'express';

/** Answers a request error in the contract's shape (every error has a code), as Apollo would. */
function refuse(res: Response, status: number, message: string, field: string): void {
  res.status(status).json({
    errors: [
      {
        message,
        extensions: { code: 'BAD_USER_INPUT', fields: { [field]: message }, requestId: String(res.locals.requestId ?? '') },
      },
    ],
  });
}

const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * Refuses malformed requests to /graphql before Apollo sees them, with the
 * contract's BAD_USER_INPUT instead of Apollo's BAD_REQUEST: a body that is
 * not JSON (CSRF prevention), a batch, no query or an empty one, variables,
 * extensions or an operation name of the wrong type, a GET without a preflight
 * header or with a mutation, a subscription over HTTP.
 */
export function graphqlRequestGuard(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET') {
    if (!PREFLIGHT_HEADERS.some((h) => req.header(h))) {
      return refuse(
        res,
        400,
        'GET requests need an apollo-require-preflight header (CSRF prevention); use POST with JSON',
        'method',
      );
    }
    const params = req.query as Record<string, unknown>;
    const problem = requestProblem({
      query: params.query,
      operationName: params.operationName,
      variables: parsedParam(params.variables),
      extensions: parsedParam(params.extensions),
    });
    if (problem) return refuse(res, 400, problem.message, problem.field);
    if (/^\s*mutation\b/.test(String(params.query))) {
      return refuse(res, 405, 'Mutations are not run over GET; use POST with a JSON body', 'method');
    }
    return next();
  }
  if (req.method !== 'POST') return refuse(res, 405, 'Use POST with a JSON body', 'method');
  if (!req.is('application/json')) {
    return refuse(res, 400, 'Send the request as JSON (Content-Type: application/json)', 'contentType');
  }
  const body: unknown = req.body;
  if (Array.isArray(body)) return refuse(res, 400, 'Batched requests are not supported; send one operation per request', 'body');
  if (!body || typeof body !== 'object') return refuse(res, 400, 'The body needs a "query" string', 'query');
  const problem = requestProblem(body as Record<string, unknown>);
  if (problem) return refuse(res, 400, problem.message, problem.field);
  if (/^\s*subscription\b/.test((body as { query: string }).query)) {
    return refuse(res, 400, 'Subscriptions run over the WebSocket at /graphql (graphql-transport-ws)', 'query');
  }
  next();
}

/** A GET parameter that carries JSON (variables, extensions): its value, or a marker that it is not JSON. */
function parsedParam(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return NOT_JSON;
  }
}
const NOT_JSON = Symbol('not JSON');

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with a request's GraphQL parameters, named by the field (GraphQL over HTTP's request shape). */
function requestProblem(params: Record<string, unknown>): { field: string; message: string } | undefined {
  if (typeof params.query !== 'string') return { field: 'query', message: 'The body needs a "query" string' };
  if (params.query.trim() === '') return { field: 'query', message: 'The "query" is empty' };
  for (const field of ['variables', 'extensions'] as const) {
    const value = params[field];
    if (value !== undefined && value !== null && !isObject(value)) {
      return { field, message: `"${field}" must be a JSON object (or left out)` };
    }
  }
  const name = params.operationName;
  if (name !== undefined && name !== null && typeof name !== 'string') {
    return { field: 'operationName', message: '"operationName" must be a string (or left out)' };
  }
  return undefined;
}

/** Turns body-parser refusals (malformed JSON, too large, unreadable) into the contract's BAD_USER_INPUT; passes on the rest. */
export function jsonErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = err as { type?: string; status?: number };
  if (e?.type === 'entity.parse.failed') return refuse(res, 400, 'The body is not valid JSON', 'body');
  if (e?.type === 'entity.too.large') return refuse(res, 413, 'The request body is too large (at most 2 MB)', 'body');
  // Another refusal of the body parser (a charset it cannot read, …): the client's fault, named by its status.
  if (e?.type && e.status && e.status >= 400 && e.status < 500 && !res.headersSent) {
    return refuse(res, e.status, 'The request body could not be read', 'body');
  }
  // Anything else is the last error handler's (http/client-error.ts): logged, and masked as a 500.
  next(err);
}
