import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';
import { anonymous } from '../auth/actor.js';
import type { GraphQLContext, RequestFacts } from '../graphql/context.js';
import { downloadFacts } from './download.js';
import type { OparlCatalogue, OparlService } from '../modules/oparl/oparl.service.js';
import type { OparlObject } from '../modules/oparl/oparl.model.js';

type ListName = keyof OparlCatalogue['lists'];
const LISTS: readonly ListName[] = [
  'organization',
  'person',
  'meeting',
  'paper',
  'agendaItem',
  'consultation',
  'file',
  'legislativeTerm',
  'membership',
  'location',
];
const isList = (v: string): v is ListName => (LISTS as readonly string[]).includes(v);

/** Items per page unless `limit` says otherwise (1–100). */
export const DEFAULT_PAGE_SIZE = 20;
const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;

function refuse(res: Response, status: number, code: string, message: string, fields?: Record<string, string>): void {
  res.status(status).json({
    errors: [{ message, extensions: { code, ...(fields ? { fields } : {}), requestId: String(res.locals.requestId ?? '') } }],
  });
}

/** An OParl object list page: `data`, `pagination`, `links` (OParl 1.1, "Objektlisten"), with the date filters applied. */
export function paginate(
  all: readonly OparlObject[],
  self: string,
  query: Request['query'],
): { page?: object; bad?: Record<string, string> } {
  const bad: Record<string, string> = {};
  const num = (name: string, fallback: number, max: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 1 && n <= max)) bad[name] = `Expected an integer from 1 to ${max}`;
    return n;
  };
  const limit = num('limit', DEFAULT_PAGE_SIZE, 100);
  const page = num('page', 1, 1_000_000);
  const bounds: Partial<Record<(typeof FILTERS)[number], number>> = {};
  for (const f of FILTERS) {
    const raw = query[f];
    if (raw === undefined) continue;
    const t = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : NaN;
    if (Number.isNaN(t)) bad[f] = 'Expected an ISO 8601 date and time, e.g. 2026-01-01T00:00:00+02:00';
    else bounds[f] = t;
  }
  if (Object.keys(bad).length) return { bad };
  const at = (o: OparlObject, key: 'created' | 'modified') => (typeof o[key] === 'string' ? Date.parse(o[key] as string) : NaN);
  const kept = all.filter(
    (o) =>
      (bounds.created_since === undefined || at(o, 'created') >= bounds.created_since) &&
      (bounds.created_until === undefined || at(o, 'created') <= bounds.created_until) &&
      (bounds.modified_since === undefined || at(o, 'modified') >= bounds.modified_since) &&
      (bounds.modified_until === undefined || at(o, 'modified') <= bounds.modified_until),
  );
  const totalPages = Math.max(1, Math.ceil(kept.length / limit));
  const link = (p: number) => {
    const params = new URLSearchParams();
    for (const f of FILTERS) if (typeof query[f] === 'string') params.set(f, query[f] as string);
    if (query.limit !== undefined) params.set('limit', String(limit));
    params.set('page', String(p));
    return `${self}?${params.toString()}`;
  };
  return {
    page: {
      data: kept.slice((page - 1) * limit, page * limit),
      pagination: { totalElements: kept.length, elementsPerPage: limit, currentPage: page, totalPages },
      links: {
        first: link(1),
        ...(page > 1 ? { prev: link(Math.min(page - 1, totalPages)) } : {}),
        ...(page < totalPages ? { next: link(page + 1) } : {}),
        last: link(totalPages),
      },
    },
  };
}

/** OParl reads no session: the feed is the same for everyone. */
const noCookie = () => undefined;

/** The OParl objects of the region, as the service builds them per request. */
type Catalogue = Awaited<ReturnType<OparlService['catalogue']>>;

/**
 * `GET /oparl/v1/system` and everything it links to: public, read-only,
 * no sign-in, open to any origin (CORS), as municipal portals and aggregators expect.
 */
export function routeOparl(
  app: Express,
  opts: {
    oparl: () => OparlService;
    createContext: (facts: RequestFacts, actor: typeof anonymous) => Promise<GraphQLContext>;
    publicUrl: string | undefined;
    log: Logger;
  },
): void {
  const load = async (req: Request, res: Response) => {
    // Nothing here depends on who asks: everyone reads as an anonymous visitor.
    const ctx = await opts.createContext(downloadFacts(req, res, noCookie), anonymous);
    const base = opts.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'public, max-age=60');
    return { catalogue: await opts.oparl().catalogue(base, ctx.loaders), base };
  };
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await fn(req, res);
    } catch (err) {
      opts.log.error({ err, requestId: res.locals.requestId }, 'oparl request failed');
      if (!res.headersSent) refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  };
  const sendList = (req: Request, res: Response, all: readonly OparlObject[], self: string) => {
    const { page, bad } = paginate(all, self, req.query);
    if (bad) return refuse(res, 400, 'BAD_USER_INPUT', 'Invalid list parameters', bad);
    res.json(page);
  };
  /** Routes `path` to the one object of the catalogue that `pick` names. */
  const routeObject = (path: string, pick: (catalogue: Catalogue) => OparlObject) =>
    app.get(
      path,
      handle(async (req, res) => void res.json(pick((await load(req, res)).catalogue))),
    );
  /** Routes `path`, whose `:param` names one of the catalogue's lists (else NOT_FOUND with `message`), to `fn`. */
  const routeByList = (
    path: string,
    param: string,
    message: string,
    fn: (list: ListName, loaded: Awaited<ReturnType<typeof load>>, req: Request, res: Response) => void,
  ) =>
    app.get(
      path,
      handle(async (req, res) => {
        const list = String(req.params[param]);
        if (!isList(list)) return refuse(res, 404, 'NOT_FOUND', message);
        fn(list, await load(req, res), req, res);
      }),
    );

  routeObject('/oparl/v1/system', (catalogue) => catalogue.system);
  app.get(
    '/oparl/v1/bodies',
    handle(async (req, res) => {
      const { catalogue, base } = await load(req, res);
      sendList(req, res, [catalogue.body], `${base}/oparl/v1/bodies`);
    }),
  );
  routeObject('/oparl/v1/body/region', (catalogue) => catalogue.body);
  routeByList('/oparl/v1/body/region/:list', 'list', 'No such list', (name, { catalogue, base }, req, res) =>
    sendList(req, res, catalogue.lists[name], `${base}/oparl/v1/body/region/${name}`),
  );
  app.get(
    '/oparl/v1/organization/:id/meeting',
    handle(async (req, res) => {
      const { catalogue, base } = await load(req, res);
      const org = `${base}/oparl/v1/organization/${String(req.params.id)}`;
      if (!catalogue.lists.organization.some((o) => o.id === org)) return refuse(res, 404, 'NOT_FOUND', 'No such organization');
      sendList(
        req,
        res,
        catalogue.lists.meeting.filter((m) => (m.organization as string[]).includes(org)),
        `${org}/meeting`,
      );
    }),
  );
  routeByList('/oparl/v1/:type/:id', 'type', 'No such object', (type, { catalogue, base }, req, res) => {
    const id = `${base}/oparl/v1/${type}/${String(req.params.id)}`;
    const found = catalogue.lists[type].find((o) => o.id === id);
    if (!found) return refuse(res, 404, 'NOT_FOUND', 'No such object');
    res.json(found);
  });
}
