/* global process */
/** Peer: raw pg behind node:http, the floor for "24 parties over HTTP". */
import http from 'node:http';
import pg from 'pg';
import { serve, port, host } from './ipc.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const server = http.createServer(async (_req, res) => {
  const { rows } = await pool.query({
    name: 'parties',
    text: "select id, code, kind, names->>'fi' as name from parties order by code",
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ data: { parties: rows } }));
});
server.listen(port, host, () => serve(`http://${host}:${server.address().port}`, {}, () => pool.end()));
