import type { Request, Response } from 'express';
import type { RequestFacts } from '../graphql/context.js';

/**
 * The credentials and request facts of a download or upload over plain HTTP (exports, the change feed,
 * attachments, the goal report PDF, OParl): the session cookie or a bearer token, and the language from
 * `?lang=` before `Accept-Language`. Every route here builds its request's context from these facts.
 */
export function downloadFacts(req: Request, res: Response, cookieOf: (req: Request) => string | undefined): RequestFacts {
  return {
    requestId: String(res.locals.requestId ?? ''),
    authorization: req.header('authorization'),
    sessionCookie: cookieOf(req),
    acceptLanguage: typeof req.query.lang === 'string' ? req.query.lang : req.header('accept-language'),
    clientAddress: req.ip ?? '',
  };
}
