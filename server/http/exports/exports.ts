import type { Express, Request, Response } from 'express';
import type { GraphQLContext, RequestFacts } from '../../graphql/context.js';
import { localized } from '../../lib/locale.js';
import { AppError, publicError, unauthenticated } from '../../errors.js';
import { today } from '../../lib/dates.js';
import { enumLabel } from '../../modules/analytics/analytics.labels.js';
import { analyticsPolicy } from '../../modules/analytics/analytics.policy.js';
import { actionsExport } from './export.actions.js';
import { routeChangesExport } from './export.changes.js';
import { disclosureOnce, downloadFacts } from '../download.js';
import type { ExportDefinition, ExportScope } from './export.definition.js';
import { startTable } from './export.format.js';
import { attendanceExport, decisionsExport } from './export.meetings.js';
import { checkQueryText, keysParam } from './export.params.js';
import { serviceNeedsExport } from './export.needs.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

function scopeOf(ctx: GraphQLContext, codes: boolean): ExportScope {
  return {
    ctx,
    codes,
    label: (value, of) => (value == null ? null : codes ? value : enumLabel(value, ctx.locale, of)),
    party: async (id) => (id ? await ctx.loaders.parties.partyById.load(id) : undefined),
    name: (text) => (text ? localized(text, ctx.locale) : null),
  };
}

/**
 * `GET /export/<name>.csv` and `.xlsx` for one export, for the session cookie
 * or a bearer token (the same authentication as /graphql) and what the caller
 * may read through the API. Headers and labels are in `?lang=` (else
 * Accept-Language, else Finnish). A token's export is logged as a disclosure
 * before the file leaves.
 */
export function exportHandler<R>(
  def: ExportDefinition<R>,
  format: 'csv' | 'xlsx',
  createContext: (facts: RequestFacts) => Promise<GraphQLContext>,
  cookieOf: (req: Request) => string | undefined,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = String(res.locals.requestId ?? '');
    let ctx: GraphQLContext | undefined;
    const disclose = disclosureOnce(req, { operationType: 'export', rootField: def.rootField });
    try {
      ctx = await createContext(downloadFacts(req, res, cookieOf));
      if (!analyticsPolicy.exportRegister(ctx.actor)) throw unauthenticated();
      checkQueryText(req.query);
      const codes = keysParam(req.query);
      const scope = scopeOf(ctx, codes);
      const { parameters, batches } = await def.open(req.query, scope);
      // The first batch's rows are read (and made cells) before anything is sent: a failing query answers with its
      // status and the contract's error body instead of a file cut short after its header row.
      const rows = (async function* () {
        for await (const batch of batches) yield await Promise.all(batch.map((r) => def.cells(r, scope)));
      })();
      const first = await rows.next();
      await disclose(ctx, 'ok', parameters);
      const stamp = today();
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Disposition', `attachment; filename="${def.name}-${stamp}.${format}"`);
      const table = startTable(res, format, { columns: def.columns, locale: ctx.locale, keys: codes, sheet: def.name });
      if (!first.done) await table.rows(first.value);
      for await (const batch of rows) await table.rows(batch);
      await table.end();
    } catch (err) {
      const code = err instanceof AppError ? String(err.extensions.code) : 'INTERNAL_SERVER_ERROR';
      await disclose(ctx, code, null).catch(() => {});
      if (res.headersSent) {
        ctx?.log.error({ err }, 'export failed while streaming');
        res.destroy(err as Error);
        return;
      }
      const status = STATUS[code] ?? 500;
      if (status === 500) ctx?.log.error({ err }, 'export failed');
      const body =
        err instanceof AppError && status !== 500
          ? publicError(err)
          : { message: 'Internal server error', extensions: { code, requestId } };
      res.status(status).json({ errors: [body] });
    }
  };
}

/** Every export, at `/export/<name>.csv` and `.xlsx`. */
const EXPORTS = [serviceNeedsExport, actionsExport, decisionsExport, attendanceExport] as ExportDefinition<unknown>[];

/** Routes every export in both formats, and the audit stream as NDJSON. */
export function routeExports(
  app: Express,
  createContext: (facts: RequestFacts) => Promise<GraphQLContext>,
  cookieOf: (req: Request) => string | undefined,
): void {
  for (const def of EXPORTS) {
    for (const format of ['csv', 'xlsx'] as const)
      app.get(`/export/${def.name}.${format}`, exportHandler(def, format, createContext, cookieOf));
  }
  routeChangesExport(app, createContext, cookieOf);
}
