import type { Request, Response } from 'express';
import type { GraphQLContext, RequestFacts } from '../graphql/context.js';

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

/** What the disclosure record says of one download: what kind, the field it stands for, its parameters, its outcome. */
export interface DownloadDisclosure {
  /** `export` (a register or feed as a file) or `download` (one record's file). */
  operationType: 'export' | 'download';
  /** The GraphQL field it is the file of (`export.serviceNeeds`, `download.attachment`, ...). */
  rootField: string;
  parameters: unknown;
  /** `ok`, or the error code it was refused or failed with. */
  outcome: string;
}

/**
 * Records a download made with an API token in the disclosure log (906/2019 § 17), as the gate does for
 * every GraphQL operation: awaited before the file leaves, refused ones too. Other callers leave none.
 */
export function discloseDownload(ctx: GraphQLContext, req: Request, d: DownloadDisclosure): Promise<void> {
  return ctx.services.analytics.recordDisclosure(ctx.actor, {
    requestId: ctx.requestId,
    transport: 'http',
    operationType: d.operationType,
    // Express answers HEAD with the GET route: the record says which it was (a HEAD sends no content, but its
    // headers still disclose the file's name, type, size and hash, as a GraphQL read of them would).
    operationName: `${req.method} ${req.path}`,
    rootFields: [d.rootField],
    query: req.originalUrl,
    variables: d.parameters,
    outcome: d.outcome,
  });
}

/**
 * The disclosure record of one request, written at most once: the first call writes it (the outcome, or the
 * error a refusal or failure ended with), later ones do nothing. So an error handler may always call it, even
 * when the error was the failed write of the record itself, without logging the request twice. Nothing is
 * written before the request has a context (`ctx` undefined).
 */
export function disclosureOnce(
  req: Request,
  what: Pick<DownloadDisclosure, 'operationType' | 'rootField'>,
): (ctx: GraphQLContext | undefined, outcome: string, parameters: unknown) => Promise<void> {
  let done = false;
  return (ctx, outcome, parameters) => {
    if (!ctx || done) return Promise.resolve();
    done = true;
    return discloseDownload(ctx, req, { ...what, parameters, outcome });
  };
}
