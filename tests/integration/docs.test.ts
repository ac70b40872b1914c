import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAnalystsGuide } from '../../server/app.js';
import { startServer, type TestServer } from './helpers.js';

const guideFile = path.resolve(import.meta.dirname, '../../docs/analytics.md');

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe("the analysts' guide", () => {
  it('is served at /docs/analytics.md as UTF-8 markdown without signing in', async () => {
    const res = await fetch(`${server.url}/docs/analytics.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await res.text()).toBe(readFileSync(guideFile, 'utf8'));
  });

  it('answers 404, not the web client, when the file is missing', async () => {
    const app = express();
    serveAnalystsGuide(app, path.join(import.meta.dirname, 'no-such-guide.md'));
    app.get(/.*/, (_req, res) => res.send('<!doctype html>'));
    const httpServer = http.createServer(app);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const address = httpServer.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/docs/analytics.md`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('<!doctype html>');
    } finally {
      await new Promise((resolve) => httpServer.close(resolve));
    }
  });
});
