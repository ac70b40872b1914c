/* global process, console */
/** Peer: PostGraphile 5 (amber preset) over the same PostgreSQL database; run with Node 22. */
import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { serve, port, host } from './ipc.mjs';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
serv.addTo(server).then(
  () => server.listen(port, host, () => serve(`http://${host}:${server.address().port}`, {}, () => pgl.release())),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
