/**
 * Peer: a plain graphql-ws broadcast server, as a tutorial writes one. A
 * subscription per subscriber with its own async iterator, executed per
 * subscriber and event; POST /publish {id, title} changes that need and publishes.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { withResolvers } from './schema.mjs';
import { useServer } from 'graphql-ws/use/ws';
import { serve, readJson, port, host } from './ipc.mjs';

const needs = new Map();
const listeners = new Set();
function need(id) {
  if (!needs.has(id)) needs.set(id, { id, title: `Need ${id}`, status: 'IN_PROGRESS', version: 1 });
  return needs.get(id);
}

/** An async iterator of the events of one need (or all), like graphql-subscriptions' withFilter. */
function subscribe(id) {
  const queue = [];
  let wake;
  const listener = (event) => {
    if (id && event.need.id !== id) return;
    queue.push(event);
    wake?.();
  };
  listeners.add(listener);
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (queue.length === 0) await new Promise((r) => (wake = r));
      return { value: { serviceNeedChanged: queue.shift() }, done: false };
    },
    async return() {
      listeners.delete(listener);
      return { value: undefined, done: true };
    },
  };
}

const schema = withResolvers({
  need: ({ id }) => need(id),
  serviceNeedChanged: { subscribe: (_root, { id }) => subscribe(id) },
});

const server = http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/publish') {
    const { id, title } = await readJson(req);
    const n = need(id);
    n.version += 1;
    if (title) n.title = title;
    const event = { kind: 'UPDATED', name: 'need.updated', need: { ...n } };
    for (const l of listeners) l(event);
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ version: n.version }));
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: '/graphql' });
useServer({ schema }, wss);
server.listen(port, host, () => serve(`http://${host}:${server.address().port}`, {}, () => server.close()));
