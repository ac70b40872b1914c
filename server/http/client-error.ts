import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** What the HTTP parser refuses before any route sees the request, as status, reason and message. */
function refusalOf(error: NodeJS.ErrnoException): [status: number, reason: string, message: string] {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return [431, 'Request Header Fields Too Large', 'The request headers are too large (16 kB at most)'];
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'Request Timeout', 'The request took too long to arrive'];
  return [400, 'Bad Request', 'The request is not well-formed HTTP'];
}

/**
 * A request that Node's HTTP parser refuses (headers over its 16 kB, malformed, too slow) gets the contract's error shape,
 * a JSON body with `extensions.code`, instead of Node's bare status line: a client reads every refusal the same way.
 */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, message] = refusalOf(error);
    const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** Errors that say the client went away mid-answer (a page left while its assets loaded): nobody is left to answer. */
const CLIENT_GONE = new Set(['ECONNABORTED', 'ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * The last error handler of the HTTP routes. A request the client gave up is no fault (a debug line); anything
 * else is one structured log line with the request id, and a masked 500 in the contract's shape. Express's own
 * handler would write the stack to stderr, outside the JSON log, and answer with an HTML page.
 */
export function lastErrorHandler(log: Logger) {
  // Four parameters: that is how Express knows an error handler.
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const requestId = String(res.locals.requestId ?? '');
    if (code && CLIENT_GONE.has(code)) {
      log.debug({ requestId, url: req.originalUrl, code }, 'client went away before the answer was sent');
      res.destroy();
      return;
    }
    log.error({ err: error, requestId, method: req.method, url: req.originalUrl }, 'unexpected error in an HTTP route');
    if (res.headersSent) return void res.destroy();
    res
      .status(500)
      .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
  };
}
