import { startChild, type Child } from '../proc.js';
import { subscribeBareWs, subscribeGraphqlWs } from '../clients/socket.js';
import { NEED_SUBSCRIPTION, type FanoutTarget } from '../rows/fanout.js';
import type { Peers } from './install.js';

/** The peers as child processes of the bench, each run from the scratch folder with its own node_modules. */

const NEED = 'need-1';

function start(peers: Peers, name: string, script: string, env: Record<string, string> = {}, node?: string): Promise<Child> {
  return startChild({ name, node, args: [peers.script(script)], cwd: peers.dir, env: { PORT: '0', ...env } });
}

async function publish(url: string, title: string): Promise<void> {
  const res = await fetch(`${url}/publish`, { method: 'POST', body: JSON.stringify({ id: NEED, title }) });
  if (!res.ok) throw new Error(`publish answered ${res.status}`);
  await res.arrayBuffer();
}

export async function graphqlWsPeer(peers: Peers): Promise<FanoutTarget> {
  const child = await start(peers, 'graphql-ws', 'graphql-ws.mjs');
  return {
    child,
    open: (_i, onTitle) =>
      subscribeGraphqlWs({
        url: child.url.replace(/^http/, 'ws') + '/graphql',
        query: NEED_SUBSCRIPTION,
        variables: { id: NEED },
        onData: (data) => onTitle(data.serviceNeedChanged.need.title),
      }),
    publish: (title) => publish(child.url, title),
  };
}

export async function bareWsPeer(peers: Peers): Promise<FanoutTarget> {
  const child = await start(peers, 'ws', 'ws.mjs');
  return {
    child,
    open: (_i, onTitle) =>
      subscribeBareWs(child.url.replace(/^http/, 'ws') + '/ws', NEED, (data) => onTitle(data.serviceNeedChanged.need.title)),
    publish: (title) => publish(child.url, title),
  };
}

export const yWebsocketPeer = (peers: Peers) => start(peers, 'y-websocket', 'y-websocket.mjs');

export const rawPgPeer = (peers: Peers, databaseUrl: string) =>
  start(peers, 'raw pg', 'raw-pg.mjs', { DATABASE_URL: databaseUrl });

/** PostGraphile 5 with Node 22 from the scratch folder. */
export const postgraphilePeer = (peers: Peers, databaseUrl: string) =>
  start(peers, 'PostGraphile 5', 'postgraphile.mjs', { DATABASE_URL: databaseUrl, NODE_ENV: 'production' }, peers.node22);
