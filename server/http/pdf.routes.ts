import type { Request, Response } from 'express';
import { AppError, publicError } from '../errors.js';
import type { GraphQLContext, RequestFacts } from '../graphql/context.js';
import { pickLocale } from '../lib/locale.js';
import { renderGoalReportPdf } from '../modules/goals/goals.pdf.js';
import { printableReport } from '../modules/goals/goals.printable.js';
import type { ReportLang } from '../modules/goals/goals.texts.js';
import { renderMinutesPdf } from '../modules/meetings/meetings.pdf.js';
import { pdfLang } from '../modules/meetings/meetings.pdf.texts.js';
import type { MeetingsService } from '../modules/meetings/meetings.service.js';
import { disclosureOnce, downloadFacts } from './download.js';

/**
 * `GET /meetings/:id/minutes.pdf[?lang=fi|sv|en]`: the published minutes, to anyone; 404 NOT_FOUND (JSON, as
 * /graphql words errors) until they are published. Without `lang`, the first of Finnish, Swedish and English in Accept-Language (Finnish by default).
 */
export function minutesPdfHandler(meetings: () => MeetingsService) {
  return async (req: Request, res: Response): Promise<void> => {
    const minutes = await meetings().publishedMinutes(String(req.params.id ?? ''));
    if (!minutes) {
      // The body every other download and /graphql give: clients read one shape of error.
      res.status(404).json({ errors: [{ message: 'No published minutes', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const lang = pdfLang(req.query.lang) ?? pickLocale(req.headers['accept-language']);
    const pdf = await renderMinutesPdf(minutes, lang);
    const name = { fi: 'poytakirja', sv: 'protokoll', en: 'minutes' }[lang];
    res
      .status(200)
      .type('application/pdf')
      .setHeader('Content-Language', lang)
      .setHeader('Content-Disposition', `attachment; filename="${name}-${minutes.meetingId.slice(0, 8)}.pdf"`)
      .send(pdf);
  };
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };
const LANGS: readonly ReportLang[] = ['fi', 'sv', 'en'];

/**
 * `GET /agreements/:agreementId/goals/:goalId/report.pdf?year=&lang=`: the
 * follow-up report for whoever may read the goal (session cookie or bearer
 * token; a token's report is logged as a disclosure); `lang` fi (default), sv
 * or en; `year` defaults to the last full year.
 */
export function goalReportPdfHandler(
  createContext: (facts: RequestFacts) => Promise<GraphQLContext>,
  cookieOf: (req: Request) => string | undefined,
) {
  return async (req: Request, res: Response): Promise<void> => {
    let scope: GraphQLContext | undefined;
    const lang = LANGS.find((l) => l === req.query.lang) ?? 'fi';
    const rawYear =
      typeof req.query.year === 'string' && req.query.year !== '' ? Number(req.query.year) : new Date().getUTCFullYear() - 1;
    // A token's report is a disclosure like its GraphQL read: logged before the file leaves, refused ones too.
    const once = disclosureOnce(req, { operationType: 'download', rootField: 'download.goalReport' });
    const disclose = (ctx: GraphQLContext | undefined, outcome: string) =>
      once(ctx, outcome, { agreementId: req.params.agreementId, goalId: req.params.goalId, year: rawYear, lang });
    try {
      scope = await createContext(downloadFacts(req, res, cookieOf));
      const report = await scope.services.goals.report(scope.actor, String(req.params.goalId ?? ''), rawYear, scope.loaders);
      if (!report || report.goal.agreementId !== req.params.agreementId) {
        await disclose(scope, 'NOT_FOUND');
        res.status(404).json({ errors: [{ message: 'Goal not found', extensions: { code: 'NOT_FOUND' } }] });
        return;
      }
      const pdf = await renderGoalReportPdf(
        await printableReport(report, lang, { actor: scope.actor, loaders: scope.loaders, needs: scope.services.needs }),
      );
      await disclose(scope, 'ok');
      res
        .status(200)
        .type('application/pdf')
        .setHeader('Cache-Control', 'no-store')
        .setHeader(
          'Content-Disposition',
          `attachment; filename="seurantaraportti-${report.year}-${report.goal.id.slice(0, 8)}.pdf"`,
        )
        .send(pdf);
    } catch (err) {
      const code = err instanceof AppError ? String(err.extensions.code) : 'INTERNAL_SERVER_ERROR';
      await disclose(scope, code).catch(() => {});
      const status = STATUS[code] ?? 500;
      if (status === 500) {
        // Masked like every other internal error; the request id leads to the log line.
        scope?.log.error({ err }, 'goal report failed');
        res.status(500).json({
          errors: [{ message: 'Internal server error', extensions: { code, requestId: String(res.locals.requestId ?? '') } }],
        });
        return;
      }
      res.status(status).json({ errors: [publicError(err as AppError)] });
    }
  };
}
