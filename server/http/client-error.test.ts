import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastErrorHandler } from './client-error.js';

// The last error handler behind real HTTP: routes that fail as the client routes can (a client that went away,
// a bug), and the log lines it writes.
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  },
});
let url: string;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use((_req, res, next) => ((res.locals.requestId = 'req-1'), next()));
  app.get('/gone', (_req, _res, next) => next(Object.assign(new Error('Request aborted'), { code: 'ECONNABORTED' })));
  app.get('/bug', () => {
    throw new Error('a bug at /srv/secret.ts:12');
  });
  app.use(lastErrorHandler(pino({ level: 'debug' }, sink)));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('lastErrorHandler', () => {
  it('answers an unexpected error with a masked 500 in the contract shape and logs it as one JSON line', async () => {
    const res = await fetch(`${url}/bug`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } }],
    });
    expect(body).not.toContain('secret');
    expect(lines.find((l) => l.url === '/bug')).toMatchObject({
      level: 50,
      requestId: 'req-1',
      method: 'GET',
      err: { message: 'a bug at /srv/secret.ts:12' },
    });
  });

  it('logs a client that went away at debug level only, and sends nothing after', async () => {
    await expect(fetch(`${url}/gone`)).rejects.toThrow();
    const line = lines.find((l) => l.url === '/gone');
    expect(line).toMatchObject({ level: 20, code: 'ECONNABORTED', requestId: 'req-1' });
    expect(line).not.toHaveProperty('err');
  });
});
