import ExcelJS from 'exceljs';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { GraphQLContext, RequestFacts } from '../../graphql/context.js';
import type { PartyRow } from '../../graphql/mappers.js';
import { localized } from '../../graphql/locale.js';
import { AppError, unauthenticated } from '../../errors.js';
import { publicResidents } from '../needs/needs.privacy.js';
import type { NeedExportRow } from '../needs/needs.statistics.js';
import { analyticsPolicy } from './analytics.policy.js';

/** The columns of the export: stable English names (tools key on them), one need per row. */
const COLUMNS = [
  'id',
  'title',
  'status',
  'priority',
  'themes',
  'targetGroups',
  'municipalities',
  'municipalityCodes',
  'lead',
  'contributors',
  'ownerBody',
  'estimatedResidents',
  'actionsTotal',
  'actionsDone',
  'actionsOverdue',
  'createdAt',
  'updatedAt',
  'summary',
] as const;
type Column = (typeof COLUMNS)[number];
type Cell = string | number | Date | null;

const isUuid = (v: string) => z.uuid().safeParse(v).success;
/** Query parameters → the register's filter keys (each may repeat, or hold a comma-separated list). */
const LIST_PARAMS = { status: 'status', theme: 'themeCodes', targetGroup: 'targetGroups', priority: 'priority' } as const;

function list(value: unknown): string[] {
  const all = Array.isArray(value) ? value : value == null ? [] : [value];
  return all.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}

/**
 * The register's filter from query parameters: `status`, `theme`,
 * `municipality` (party id or official code), `targetGroup`, `priority`
 * (repeatable), `ownerBody`, `party` (a party with a responsibility), `text`.
 */
export async function filterFromQuery(query: Request['query'], ctx: GraphQLContext): Promise<Record<string, unknown>> {
  const filter: Record<string, unknown> = {};
  for (const [param, key] of Object.entries(LIST_PARAMS)) {
    const values = list(query[param]);
    if (values.length) filter[key] = values;
  }
  const municipalities = list(query.municipality);
  if (municipalities.length) {
    const codes = municipalities.filter((m) => !isUuid(m));
    const byCode = codes.length ? new Map((await ctx.services.parties.list(ctx.actor, 'MUNICIPALITY')).map((p) => [p.code, p.id])) : new Map();
    // An unknown code stays as given, so the filter refuses it by name.
    filter.municipalityIds = municipalities.map((m) => (isUuid(m) ? m : (byCode.get(m.padStart(3, '0')) ?? m)));
  }
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined;
  if (one(query.ownerBody)) filter.ownerBodyId = one(query.ownerBody);
  if (one(query.party)) filter.responsiblePartyId = one(query.party);
  if (one(query.text)) filter.text = one(query.text);
  return filter;
}

/** One need as the export's cells; names in the caller's language, the estimate suppressed under 5. */
async function cellsOf(row: NeedExportRow, ctx: GraphQLContext): Promise<Record<Column, Cell>> {
  const { need, responsibilities, actions } = row;
  const partyName = async (id: string) => {
    const p = await ctx.loaders.parties.partyById.load(id);
    return p ? localized(p.names, ctx.locale) : id;
  };
  const municipalities = (await ctx.loaders.parties.partyById.loadMany(need.municipalityIds)).filter((p): p is PartyRow => !!p && !(p instanceof Error));
  const lead = responsibilities.find((r) => r.role === 'LEAD');
  const body = need.ownerBodyId ? await ctx.loaders.cooperation.bodyById.load(need.ownerBodyId) : undefined;
  const today = new Date().toISOString().slice(0, 10);
  return {
    id: need.id,
    title: need.title,
    status: need.status,
    priority: need.priority,
    themes: need.themeCodes.join(', '),
    targetGroups: need.targetGroups.join(', '),
    municipalities: municipalities.map((p) => localized(p.names, ctx.locale)).join(', '),
    municipalityCodes: municipalities.map((p) => p.code ?? '').join(', '),
    lead: lead ? await partyName(lead.partyId) : null,
    contributors: (await Promise.all(responsibilities.filter((r) => r.role === 'CONTRIBUTOR').map((r) => partyName(r.partyId)))).join(', '),
    ownerBody: body ? localized(body.names, ctx.locale) : null,
    estimatedResidents: publicResidents(need.estimatedResidents),
    actionsTotal: actions.length,
    actionsDone: actions.filter((a) => a.status === 'DONE').length,
    actionsOverdue: actions.filter((a) => a.dueDate != null && a.dueDate < today && a.status !== 'DONE' && a.status !== 'CANCELLED').length,
    createdAt: need.createdAt,
    updatedAt: need.updatedAt,
    summary: need.summary,
  };
}

/** Text that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection). */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** One CSV field for Finnish Excel: `;` separated, quoted when needed. */
function csvField(v: Cell): string {
  if (v == null) return '';
  if (typeof v === 'number') return String(v);
  const s = v instanceof Date ? v.toISOString() : defuse(v);
  return /[";\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * `GET /export/service-needs.csv` and `.xlsx`: the register as a file, with
 * the register's filters as query parameters, for the session cookie or a
 * bearer token (the same authentication as /graphql). A token's export is
 * logged as a disclosure before the file leaves.
 */
export function serviceNeedsExportHandler(
  format: 'csv' | 'xlsx',
  createContext: (facts: RequestFacts) => Promise<GraphQLContext>,
  cookieOf: (req: Request) => string | undefined,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = String(res.locals.requestId ?? '');
    let ctx: GraphQLContext | undefined;
    try {
      ctx = await createContext({
        requestId,
        authorization: req.header('authorization'),
        sessionCookie: cookieOf(req),
        acceptLanguage: typeof req.query.lang === 'string' ? req.query.lang : req.header('accept-language'),
        clientAddress: req.ip ?? '',
      });
      if (!analyticsPolicy.exportRegister(ctx.actor)) throw unauthenticated();
      const filter = await filterFromQuery(req.query, ctx);
      const batches = await ctx.services.needStatistics.exportBatches(ctx.actor, filter);
      await disclose(ctx, req, filter, 'ok');
      const stamp = new Date().toISOString().slice(0, 10);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Disposition', `attachment; filename="service-needs-${stamp}.${format}"`);
      if (format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        // The BOM tells Excel the file is UTF-8 (ä, ö, å); `;` is the list separator of the Finnish locale.
        res.write(`\uFEFF${COLUMNS.join(';')}\r\n`);
        for await (const batch of batches) {
          const rows = await Promise.all(batch.map((r) => cellsOf(r, ctx!)));
          const lines = rows.map((row) => COLUMNS.map((c) => csvField(row[c])).join(';'));
          res.write(lines.map((l) => `${l}\r\n`).join(''));
        }
        res.end();
      } else {
        res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
        const sheet = workbook.addWorksheet('service-needs', { views: [{ state: 'frozen', ySplit: 1 }] });
        sheet.columns = COLUMNS.map((c) => ({ header: c, key: c, width: c === 'title' || c === 'summary' ? 50 : 18, style: c.endsWith('At') ? { numFmt: 'yyyy-mm-dd hh:mm' } : {} }));
        sheet.getRow(1).font = { bold: true };
        for await (const batch of batches) {
          for (const r of batch) sheet.addRow(await cellsOf(r, ctx)).commit();
        }
        sheet.commit();
        await workbook.commit();
      }
    } catch (err) {
      const code = err instanceof AppError ? String(err.extensions.code) : 'INTERNAL_SERVER_ERROR';
      if (ctx) await disclose(ctx, req, null, code).catch(() => {});
      if (res.headersSent) {
        ctx?.log.error({ err }, 'export failed while streaming');
        res.destroy(err as Error);
        return;
      }
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' ? 400 : 500;
      if (status === 500) ctx?.log.error({ err }, 'export failed');
      const body = err instanceof AppError && status !== 500 ? { message: err.message, extensions: err.extensions } : { message: 'Internal server error', extensions: { code, requestId } };
      res.status(status).json({ errors: [body] });
    }
  };
}

/** Logs a token's export in the disclosure log (other callers are not disclosures). */
function disclose(ctx: GraphQLContext, req: Request, filter: unknown, outcome: string): Promise<void> {
  return ctx.services.analytics.recordDisclosure(ctx.actor, {
    requestId: ctx.requestId,
    transport: 'http',
    operationType: 'export',
    operationName: `GET ${req.path}`,
    rootFields: ['export.serviceNeeds'],
    query: req.originalUrl,
    variables: filter,
    outcome,
  });
}
