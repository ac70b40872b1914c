import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startDemo } from './helpers.js';

/** What a graphql-transport-ws client meets at the edges of the socket: its connection_init and its frames. */
const demo = startDemo();

/** A raw socket that sends `connection_init` with this payload: `ack`, or the code and reason it was closed with. */
function init(payload: unknown): Promise<'ack' | { code: number; reason: string }> {
  const socket = new WebSocket(demo.server.wsUrl, 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type !== 'connection_ack') return;
      socket.close();
      resolve('ack');
    });
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    socket.on('error', reject);
  });
}

describe('connection_init authorization', () => {
  it('refuses an authorization that is not the string "Bearer <token>" as a bad token is: 4403, saying why', async () => {
    for (const authorization of [42, {}, ['Bearer x'], true, `Basic ${demo.admin}`, demo.admin])
      expect(await init({ authorization }), JSON.stringify(authorization)).toEqual({
        code: 4403,
        reason: 'Forbidden: Malformed authorization; use "Bearer <token>"',
      });
    expect(await init({ authorization: 'Bearer yps_forged' })).toEqual({
      code: 4403,
      reason: 'Forbidden: Invalid or expired token',
    });
  });

  it('accepts a session token, and no authorization (null, or empty as over HTTP) as anonymous', async () => {
    expect(await init({ authorization: `Bearer ${demo.admin}` })).toBe('ack');
    expect(await init({ authorization: '' })).toBe('ack');
    expect(await init({})).toBe('ack');
    expect(await init({ authorization: null })).toBe('ack');
    expect(await init(undefined)).toBe('ack');
  });
});

describe('a frame over the size limit', () => {
  it('closes the socket with 1009 and prints nothing to the console (the server logs one line instead)', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(demo.server.app.log, 'warn');
    try {
      const socket = new WebSocket(demo.server.wsUrl, 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      socket.on('error', () => {});
      await new Promise((resolve) => socket.on('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
      expect(await closed).toBe(1009);
      // The server's 'error' handler ran (synchronously, before the close reached the client) by now.
      expect(consoleError).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' }),
        'WebSocket protocol error',
      );
    } finally {
      warn.mockRestore();
      consoleError.mockRestore();
    }
  });
});
