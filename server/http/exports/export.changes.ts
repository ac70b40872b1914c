import type { Express, Request, Response } from 'express';
import type { GraphQLContext, RequestFacts } from '../../graphql/context.js';
import { localized } from '../../lib/locale.js';
import { AppError, publicError } from '../../errors.js';
import { disclosureOnce, downloadFacts } from '../download.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { changeFacts } from '../../realtime/write.js';
import { checkQueryText } from './export.params.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

/**
 * The lines of a batch: each a `changes` node with the scalars as GraphQL serialises them, and its cursor.
 * Actors and parties are loaded once per batch, so that a line costs no promise of its own.
 */
async function linesOf(ctx: GraphQLContext, batch: { event: ChangeEventRow; cursor: string }[]): Promise<string> {
  const userIds = [...new Set(batch.flatMap(({ event }) => (event.actorUserId ? [event.actorUserId] : [])))];
  const partyIds = [...new Set(batch.flatMap(({ event }) => (event.actorPartyId ? [event.actorPartyId] : [])))];
  const [users, parties] = await Promise.all([
    userIds.length ? ctx.loaders.users.userById.loadMany(userIds) : [],
    partyIds.length ? ctx.loaders.parties.partyById.loadMany(partyIds) : [],
  ]);
  const actors = new Map<string, { id: string; displayName: string }>();
  for (const u of users) if (u && !(u instanceof Error)) actors.set(u.id, { id: u.id, displayName: u.displayName });
  const named = new Map<string, { id: string; code: string | null; name: string }>();
  for (const p of parties)
    if (p && !(p instanceof Error)) named.set(p.id, { id: p.id, code: p.code, name: localized(p.names, ctx.locale) });
  let out = '';
  for (const { event, cursor } of batch) {
    out +=
      JSON.stringify({
        id: String(event.id),
        at: event.at.toISOString(),
        actor: (event.actorUserId && actors.get(event.actorUserId)) || null,
        party: (event.actorPartyId && named.get(event.actorPartyId)) || null,
        ...changeFacts(event),
        cursor,
      }) + '\n';
  }
  return out;
}

/** Resolves when the response can take more (or is gone): backpressure for a slow reader. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * `GET /export/changes.ndjson?after=<cursor>`: the audit stream for a first sync, one JSON object per line
 * in the order and with the filtering of `changes`, read in keyset pages as the client takes them (never
 * the whole stream in memory). Each line carries its `cursor`; the last one (also the `X-End-Cursor`
 * trailer) continues with `changes(after:)` or another export. Authorised by a bearer token or the session
 * cookie; a token's export is one record in the disclosure log. An empty `after=` in the address is no cursor (the
 * stream from its start), as a form or script leaves it; `changes(after: "")` in GraphQL is refused as a bad cursor.
 */
export function changesExportHandler(
  createContext: (facts: RequestFacts) => Promise<GraphQLContext>,
  cookieOf: (req: Request) => string | undefined,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = String(res.locals.requestId ?? '');
    const after = typeof req.query.after === 'string' && req.query.after !== '' ? req.query.after : undefined;
    let ctx: GraphQLContext | undefined;
    const once = disclosureOnce(req, { operationType: 'export', rootField: 'export.changes' });
    const disclose = (outcome: string) => once(ctx, outcome, { after: after ?? null });
    try {
      ctx = await createContext(downloadFacts(req, res, cookieOf));
      checkQueryText(req.query);
      const batches = ctx.services.analytics.openFeed(ctx.actor, after, ctx.loaders);
      await disclose('ok');
      res.status(200);
      res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Trailer', 'X-End-Cursor');
      let endCursor = after ?? '';
      for await (const batch of batches) {
        if (res.destroyed) return;
        const lines = await linesOf(ctx, batch);
        endCursor = batch.at(-1)!.cursor;
        if (!res.write(lines)) await drained(res);
      }
      res.addTrailers({ 'X-End-Cursor': endCursor });
      res.end();
    } catch (err) {
      const code = err instanceof AppError ? String(err.extensions.code) : 'INTERNAL_SERVER_ERROR';
      await disclose(code).catch(() => {});
      if (res.headersSent) {
        ctx?.log.error({ err }, 'changes export failed while streaming');
        res.destroy(err as Error);
        return;
      }
      const status = STATUS[code] ?? (code === 'SERVICE_UNAVAILABLE' ? 503 : 500);
      if (status >= 500) ctx?.log.error({ err }, 'changes export failed');
      const body =
        err instanceof AppError && status < 500
          ? publicError(err)
          : { message: 'Internal server error', extensions: { code, requestId } };
      res.status(status).json({ errors: [body] });
    }
  };
}

/** Routes `GET /export/changes.ndjson`. */
export function routeChangesExport(
  app: Express,
  createContext: (facts: RequestFacts) => Promise<GraphQLContext>,
  cookieOf: (req: Request) => string | undefined,
): void {
  app.get('/export/changes.ndjson', changesExportHandler(createContext, cookieOf));
}
