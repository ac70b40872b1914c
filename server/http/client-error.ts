import type http from 'node:http';
import type { Duplex } from 'node:stream';

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
