/** Peer: the y-websocket server (@y/websocket-server's setupWSConnection, documents in memory). */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { serve, port, host } from './ipc.mjs';

const server = http.createServer((_req, res) => res.writeHead(200).end('okay'));
const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => setupWSConnection(ws, req));
server.listen(port, host, () => serve(`http://${host}:${server.address().port}`, {}, () => server.close()));
