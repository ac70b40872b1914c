import type { Peers } from './peers/install.js';
import { bareWsPeer, graphqlWsPeer, postgraphilePeer, rawPgPeer, yWebsocketPeer } from './peers/start.js';
import { attempt, load, sizes, withChild } from './run.js';
import type { Outcome, Results } from './rows/assemble.js';
import { cpuPerMessage, latency, type FanoutTarget } from './rows/fanout.js';
import { coedit } from './rows/coedit.js';
import { postgraphileFullSync } from './rows/changes.js';
import { POSTGRAPHILE, graphqlRate, needsOk, partiesOk, rawRate } from './rows/http.js';
import { yWebsocketEditors } from './coedit/y-websocket.js';

type PeerResults = Omit<Results, 'ours'>;

async function fanout(start: () => Promise<FanoutTarget>, withLatency: boolean) {
  const s = sizes;
  return withChild(start, async (t) => ({
    lat: withLatency
      ? await attempt(`${t.child.name}: latency and idle sockets`, () =>
          latency(t, s.latencySubscribers, s.latencyMutations, s.latencyPerSecond),
        )
      : 'n/a',
    cpu: await attempt(`${t.child.name}: CPU per message`, () => cpuPerMessage(t, s.fanoutSubscribers, s.fanoutMutations)),
  }));
}

async function postgraphile(peers: Peers, databaseUrl: string): Promise<PeerResults['postgraphile']> {
  const parties = partiesOk((d) => d.allParties.nodes);
  const needs = needsOk((d) => d.allServiceNeeds.nodes);
  const r = await attempt('PostGraphile 5', () =>
    withChild(
      () => postgraphilePeer(peers, databaseUrl),
      async (c) => ({
        partiesRate: await attempt(
          'PostGraphile: parties',
          () => graphqlRate(c.url, POSTGRAPHILE.parties, undefined, load, parties),
          'http',
        ),
        needs50Rate: await attempt(
          'PostGraphile: 50 needs',
          () => graphqlRate(c.url, POSTGRAPHILE.needs50, undefined, load, needs),
          'http',
        ),
        sync: await attempt('PostGraphile: changes sync', () => postgraphileFullSync(c.url), 'changes'),
      }),
    ),
  );
  return typeof r === 'string' ? { partiesRate: r, needs50Rate: r, sync: r } : r;
}

/** Every peer's figures; PostGraphile and raw pg only over PostgreSQL (the database ours just used). */
export async function measurePeers(peers: Outcome<Peers>, databaseUrl: string | undefined): Promise<PeerResults> {
  const none = typeof peers === 'string' ? `n/a (${peers})` : undefined;
  const pgOnly = none ?? (databaseUrl ? undefined : 'n/a (PostgreSQL only)');
  const out: PeerResults = {
    postgraphile: { partiesRate: pgOnly ?? '', needs50Rate: pgOnly ?? '', sync: pgOnly ?? '' },
    rawPgPartiesRate: pgOnly ?? '',
    graphqlWs: { cpuPerMessage: none ?? '', latency: none ?? '' },
    bareWsCpuPerMessage: none ?? '',
    yWebsocket: none ?? '',
  };
  if (typeof peers === 'string') return out;
  if (databaseUrl) {
    out.postgraphile = await postgraphile(peers, databaseUrl);
    out.rawPgPartiesRate = await attempt(
      'raw pg: parties',
      () =>
        withChild(
          () => rawPgPeer(peers, databaseUrl),
          (c) => rawRate(c.url, load),
        ),
      'http',
    );
  }
  const gws = await attempt('plain graphql-ws', () => fanout(() => graphqlWsPeer(peers), true), 'fanout');
  out.graphqlWs = typeof gws === 'string' ? { cpuPerMessage: gws, latency: gws } : { cpuPerMessage: gws.cpu, latency: gws.lat };
  const bare = await attempt('bare ws', () => fanout(() => bareWsPeer(peers), false), 'fanout');
  out.bareWsCpuPerMessage = typeof bare === 'string' ? bare : bare.cpu;
  const s = sizes;
  out.yWebsocket = await attempt(
    'y-websocket: co-editing',
    () =>
      withChild(
        () => yWebsocketPeer(peers),
        (c) =>
          coedit(
            yWebsocketEditors({ peersDir: peers.dir, url: c.url, room: 'bench' }),
            c,
            s.editors,
            s.keystrokesPerSecond,
            s.coeditSeconds,
          ),
      ),
    'coedit',
  );
  return out;
}
