/**
 * Peer: a bare ws broadcast server. A client sends {"subscribe": id}; POST
 * /publish {id, title} serialises the event once and sends it to that need's sockets.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { serve, readJson, port, host } from './ipc.mjs';

const needs = new Map();
const rooms = new Map();
const server = http.createServer(async (req, res) => {
  if (req.method === 'POST' && req.url === '/publish') {
    const { id, title } = await readJson(req);
    const n = needs.get(id) ?? { id, title: `Need ${id}`, status: 'IN_PROGRESS', version: 1 };
    n.version += 1;
    if (title) n.title = title;
    needs.set(id, n);
    const frame = JSON.stringify({ data: { serviceNeedChanged: { kind: 'UPDATED', name: 'need.updated', need: n } } });
    for (const ws of rooms.get(id) ?? []) ws.send(frame);
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ version: n.version }));
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const { subscribe } = JSON.parse(String(data));
    if (!rooms.has(subscribe)) rooms.set(subscribe, new Set());
    rooms.get(subscribe).add(ws);
    ws.once('close', () => rooms.get(subscribe)?.delete(ws));
    ws.send(JSON.stringify({ subscribed: subscribe }));
  });
});
server.listen(port, host, () => serve(`http://${host}:${server.address().port}`, {}, () => server.close()));
