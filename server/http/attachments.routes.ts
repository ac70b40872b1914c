import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Express, Request, Response } from 'express';
import type { GraphQLContext, RequestFacts } from '../graphql/context.js';
import { AppError } from '../errors.js';
import { disclosureOnce, downloadFacts } from './download.js';
import { contentDisposition, MAX_ATTACHMENT_BYTES, multipartFileName } from '../modules/attachments/attachments.files.js';
import type { ReceivedFile } from '../modules/attachments/attachments.service.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };
/** Room for the multipart framing and the form fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const HEAD_BYTES = 4096;

/** Answers in the contract's error shape. */
function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res
    .status(status)
    .json({ errors: [{ message, extensions: { code, ...extra, requestId: String(res.locals.requestId ?? '') } }] });
}

const tooLarge = (res: Response) =>
  refuse(res, 413, 'BAD_USER_INPUT', `The file is larger than the limit of ${MAX_ATTACHMENT_BYTES} bytes (20 MB)`, {
    fields: { file: 'The file is larger than 20 MB' },
    reason: 'TOO_LARGE',
    limit: MAX_ATTACHMENT_BYTES,
  });

/** The server's own origin and ALLOWED_ORIGINS may post; requests without Origin are not from a browser page. */
function sameOrigin(req: Request, allowed: readonly string[]): boolean {
  const origin = req.header('origin');
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.header('host');
  } catch {
    return false;
  }
}

type Received = { fields: Record<string, string>; file: ReceivedFile | null; tooLarge: boolean };

/** Streams one multipart body: form fields, and the one `file` part into a temporary file, hashed, capped. */
function receive(req: Request, incomingDir: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: ReceivedFile | null = null;
    let capped = false;
    let writing: Promise<void> | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // busboy reports the limit on reaching it; one byte more tells a file of exactly 20 MB from a larger one.
        limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
        defParamCharset: 'utf8',
      });
    } catch {
      reject(
        new AppError('BAD_USER_INPUT', 'Send the file as multipart/form-data', {
          fields: { body: 'Expected multipart/form-data' },
        }),
      );
      return;
    }
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      const tempPath = path.join(incomingDir, randomUUID());
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
        if (head.reduce((n, b) => n + b.length, 0) < HEAD_BYTES) head.push(chunk);
      });
      stream.on('limit', () => (capped = true));
      const received: ReceivedFile = {
        tempPath,
        clientName: multipartFileName(info.filename ?? ''),
        size: 0,
        sha256: '',
        head: Buffer.alloc(0),
      };
      file = received;
      writing = pipeline(stream, createWriteStream(tempPath)).then(() => {
        received.size = size;
        received.sha256 = hash.digest('hex');
        received.head = Buffer.concat(head).subarray(0, HEAD_BYTES);
      });
    });
    parser.on('error', () =>
      reject(
        new AppError('BAD_USER_INPUT', 'The multipart body could not be read', { fields: { body: 'Malformed multipart body' } }),
      ),
    );
    parser.on('close', () => {
      (writing ?? Promise.resolve()).then(() => resolve({ fields, file, tooLarge: capped }), reject);
    });
    req.pipe(parser);
  });
}

/**
 * `POST /attachments` (multipart/form-data: `targetType`, `targetId`, then
 * `file`) and `GET /attachments/:id`. Downloads take any credential that may
 * read the record (cookie, a session's or an API token's bearer token; a
 * token's download is logged as a disclosure). Uploads take the session
 * (cookie, or a session's bearer token), never an API token; a browser must send
 * `X-Requested-With` (a header a foreign page cannot add without a CORS
 * preflight, which is never granted) from an allowed Origin: with the
 * SameSite cookie, the same CSRF protection as /graphql.
 */
export function routeAttachments(
  app: Express,
  opts: {
    createContext: (facts: RequestFacts) => Promise<GraphQLContext>;
    cookieOf: (req: Request) => string | undefined;
    allowedOrigins: readonly string[];
    incomingDir: () => string;
  },
): void {
  const contextOf = (req: Request, res: Response) => opts.createContext(downloadFacts(req, res, opts.cookieOf));

  const fail = (res: Response, err: unknown, ctx?: GraphQLContext) => {
    if (res.headersSent) return void res.destroy();
    if (err instanceof AppError) {
      const code = String(err.extensions.code);
      const { code: _c, http: _h, ...extra } = err.extensions as Record<string, unknown>;
      return refuse(res, STATUS[code] ?? (code === 'SERVICE_UNAVAILABLE' ? 503 : 500), code, err.message, extra);
    }
    ctx?.log.error({ err }, 'attachment request failed');
    refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };

  app.post('/attachments', async (req, res) => {
    let ctx: GraphQLContext | undefined;
    try {
      if (!req.header('x-requested-with')) {
        return refuse(
          res,
          403,
          'FORBIDDEN',
          'Cross-site upload refused: send the header X-Requested-With (any value, e.g. XMLHttpRequest) with the upload',
          { header: 'X-Requested-With' },
        );
      }
      if (!sameOrigin(req, opts.allowedOrigins)) {
        return refuse(
          res,
          403,
          'FORBIDDEN',
          'Cross-site upload refused: the Origin is neither the app’s own nor one of ALLOWED_ORIGINS',
          { header: 'Origin' },
        );
      }
      if (!req.is('multipart/form-data')) {
        return refuse(res, 400, 'BAD_USER_INPUT', 'Send the file as multipart/form-data', {
          fields: { body: 'Expected multipart/form-data' },
        });
      }
      ctx = await contextOf(req, res);
      const target = { targetType: req.query.targetType, targetId: req.query.targetId };
      // With the target in the query string, rights are checked before the body is read.
      if (target.targetType !== undefined || target.targetId !== undefined)
        await ctx.services.attachments.authorizeUpload(ctx.actor, target, ctx.loaders);
      else if (ctx.actor.kind !== 'user' || ctx.actor.via !== 'session')
        await ctx.services.attachments.authorizeUpload(ctx.actor, {}, ctx.loaders);
      if (Number(req.header('content-length') ?? 0) > MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES) {
        res.setHeader('Connection', 'close');
        return tooLarge(res);
      }
      const got = await receive(req, opts.incomingDir());
      if (got.tooLarge || (got.file?.size ?? 0) > MAX_ATTACHMENT_BYTES) {
        await ctx.services.attachments.discard(got.file);
        return tooLarge(res);
      }
      if (!got.file)
        return refuse(res, 400, 'BAD_USER_INPUT', 'No file in the form (field "file")', { fields: { file: 'Choose a file' } });
      const row = await ctx.services.attachments.upload(
        ctx.actor,
        { targetType: target.targetType ?? got.fields.targetType, targetId: target.targetId ?? got.fields.targetId },
        got.file,
      );
      res.status(201).json({
        attachment: {
          id: row.id,
          name: row.name,
          size: row.size,
          contentType: row.contentType,
          createdAt: row.createdAt.toISOString(),
          downloadUrl: `/attachments/${row.id}`,
        },
      });
    } catch (err) {
      fail(res, err, ctx);
    }
  });

  app.get('/attachments/:id', async (req, res) => {
    const id = String(req.params.id ?? '');
    let ctx: GraphQLContext | undefined;
    let body: Readable | undefined;
    // A download with an API token is a disclosure like its GraphQL read: logged before the bytes leave, refused ones too.
    const once = disclosureOnce(req, { operationType: 'download', rootField: 'download.attachment' });
    const disclose = (outcome: string) => once(ctx, outcome, { id });
    try {
      ctx = await contextOf(req, res);
      const opened = await ctx.services.attachments.open(ctx.actor, id, ctx.loaders);
      const row = opened.row;
      body = opened.body;
      await disclose('ok');
      res.status(200);
      res.setHeader('Content-Type', row.contentType.startsWith('text/') ? `${row.contentType}; charset=utf-8` : row.contentType);
      res.setHeader('Content-Length', String(row.size));
      res.setHeader('Content-Disposition', contentDisposition(row.name));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('ETag', `"${row.sha256}"`);
      await pipeline(body, res);
    } catch (err) {
      body?.destroy();
      await disclose(err instanceof AppError ? String(err.extensions.code) : 'INTERNAL_SERVER_ERROR').catch(() => {});
      fail(res, err, ctx);
    }
  });
}
