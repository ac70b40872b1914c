/* global process */
/**
 * The bench's IPC protocol for a peer server (see bench/proc.ts): `ready`
 * once listening, `mem` after a full GC, SIGTERM or a lost bench to stop.
 */
export function serve(url, handlers = {}, onStop = () => {}) {
  const all = {
    mem: async () => {
      globalThis.gc?.();
      globalThis.gc?.();
      const { rss, heapUsed, external } = process.memoryUsage();
      return { rss, heapUsed, external };
    },
    ...handlers,
  };
  process.on('message', (msg) => {
    const handler = all[msg?.type];
    if (!handler) return process.send({ id: msg?.id, error: `unknown request ${msg?.type}` });
    handler(msg).then(
      (reply) => process.send({ id: msg.id, reply }),
      (err) => process.send({ id: msg.id, error: String(err?.stack ?? err) }),
    );
  });
  const stop = () => Promise.resolve(onStop()).finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send({ type: 'ready', url });
}

/** The request body as JSON. */
export function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (e) {
        reject(e);
      }
    });
  });
}

export const port = Number(process.env.PORT ?? 0);
export const host = '127.0.0.1';
