import type { Measured, Row } from '../table.js';
import type { CoeditResult } from './coedit.js';
import type { LatencyResult } from './fanout.js';
import type { SyncResult } from './changes.js';

/** A measurement, or why there is none ("n/a (PostgreSQL only)", an error). */
export type Outcome<T> = T | string;

export interface Side {
  partiesRate: Outcome<number>;
  needs50Rate: Outcome<number>;
  sync: Outcome<SyncResult>;
  cpuPerMessage: Outcome<number>;
  latency: Outcome<LatencyResult>;
  coedit: Outcome<CoeditResult>;
}

export interface Results {
  ours: Side & { register: Outcome<{ median: number; p95: number }>; statistics: Outcome<{ median: number; p95: number }> };
  /** PostGraphile 5: parties, needs, sync. */
  postgraphile: Pick<Side, 'partiesRate' | 'needs50Rate' | 'sync'>;
  rawPgPartiesRate: Outcome<number>;
  graphqlWs: Pick<Side, 'cpuPerMessage' | 'latency'>;
  bareWsCpuPerMessage: Outcome<number>;
  yWebsocket: Outcome<CoeditResult>;
}

function m<T>(o: Outcome<T>, f: (v: T) => Measured): Measured | string {
  return typeof o === 'string' ? o : f(o);
}

const rate = (o: Outcome<number>) => m(o, (v) => ({ value: v, unit: 'req/s' }));
const micros = (o: Outcome<number>) => m(o, (v) => ({ value: v, unit: 'µs' }));
const lat = (o: Outcome<LatencyResult>) =>
  m(o, (v) => ({
    value: v.p99,
    unit: 'ms p99',
    note: `${v.deliveredWithin3s.toLocaleString('en-US')} / ${v.expected.toLocaleString('en-US')} within 3 s`,
  }));
const mem = (o: Outcome<LatencyResult>) =>
  m(o, (v) => ({ value: v.heapPerSocketBytes / 1024, unit: 'KB', note: `RSS ${(v.idleSocketBytes / 1024).toFixed(1)} KB` }));
const keyLatency = (o: Outcome<CoeditResult>) =>
  m(o, (v) => ({
    value: v.p99,
    unit: 'ms p99',
    note: `median ${v.median.toFixed(0)} ms, ${v.delivered.toLocaleString('en-US')} / ${v.expected.toLocaleString('en-US')} seen`,
  }));
const keyCpu = (o: Outcome<CoeditResult>) =>
  m(o, (v) => ({ value: v.cpuPerKeystroke / 1000, unit: 'ms', note: `${v.keystrokes} keystrokes` }));
const sync = (o: Outcome<SyncResult>) =>
  m(o, (v) => ({
    value: v.eventsPerSecond,
    unit: 'events/s',
    note: `${v.events.toLocaleString('en-US')} in pages of ${v.pageSize}`,
  }));
const ms = (o: Outcome<{ median: number; p95: number }>) =>
  m(o, (v) => ({ value: v.median, unit: 'ms median', note: `p95 ${v.p95.toFixed(0)} ms` }));

export interface Sizes {
  fanoutSubscribers: number;
  fanoutMutations: number;
  latencySubscribers: number;
  latencyMutations: number;
  latencyPerSecond: number;
  editors: number;
  keystrokesPerSecond: number;
  events: number;
}

/** The table, row by row, with its targets. */
export function assemble(r: Results, s: Sizes): Row[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const allWithin = (o: Outcome<LatencyResult>) => typeof o !== 'string' && o.deliveredWithin3s === o.expected && o.p99 <= 100;
  return [
    {
      what: `1 mutation -> ${n(s.fanoutSubscribers)} subscribers of one need, server CPU per delivered message (${s.fanoutMutations} mutations)`,
      ours: micros(r.ours.cpuPerMessage),
      peers: [
        { name: 'plain graphql-ws', measured: micros(r.graphqlWs.cpuPerMessage) },
        { name: 'bare ws', measured: micros(r.bareWsCpuPerMessage) },
      ],
      target: { kind: 'ratio', max: 1.3, text: '<= 1.3x plain graphql-ws' },
    },
    {
      what: `${n(s.latencySubscribers)} subscribers x ${s.latencyMutations} mutations at ${s.latencyPerSecond}/s, delivered within 3 s and p99`,
      ours: lat(r.ours.latency),
      peers: [{ name: 'plain graphql-ws', measured: lat(r.graphqlWs.latency) }],
      target: { kind: 'all', text: 'all delivered within 3 s, p99 <= 100 ms', met: () => allWithin(r.ours.latency) },
    },
    {
      what: `co-editing, ${s.editors} editors x ${s.keystrokesPerSecond} keystrokes/s, keystroke -> other editors p99`,
      ours: keyLatency(r.ours.coedit),
      peers: [{ name: 'y-websocket', measured: keyLatency(r.yWebsocket) }],
      target: {
        kind: 'all',
        text: 'p99 <= 50 ms, every keystroke seen',
        met: () =>
          typeof r.ours.coedit !== 'string' && r.ours.coedit.delivered === r.ours.coedit.expected && r.ours.coedit.p99 <= 50,
      },
    },
    {
      what: 'co-editing, server CPU per keystroke',
      ours: keyCpu(r.ours.coedit),
      peers: [{ name: 'y-websocket', measured: keyCpu(r.yWebsocket) }],
      target: { kind: 'ratio', max: 2, text: '<= 2x y-websocket' },
    },
    {
      what: `\`changes\` full sync, ${n(s.events)} seeded events, API token`,
      ours: sync(r.ours.sync),
      peers: [{ name: 'PostGraphile 5 cursor connection', measured: sync(r.postgraphile.sync) }],
      target: { kind: 'ratio-min', min: 1.5, text: '>= 1.5x PostGraphile' },
    },
    {
      what: '24 parties over HTTP, req/s',
      ours: rate(r.ours.partiesRate),
      peers: [
        { name: 'PostGraphile 5', measured: rate(r.postgraphile.partiesRate) },
        { name: 'raw pg', measured: rate(r.rawPgPartiesRate) },
      ],
      target: { kind: 'ratio-min', min: 1.2, text: '>= 1.2x PostGraphile' },
    },
    {
      what: '50 needs with municipalities and actions, req/s',
      ours: rate(r.ours.needs50Rate),
      peers: [{ name: 'PostGraphile 5', measured: rate(r.postgraphile.needs50Rate) }],
      target: { kind: 'ratio-min', min: 1.2, text: '>= 1.2x PostGraphile' },
    },
    {
      what: `idle subscribed socket, server heap + external per socket after GC (${n(s.latencySubscribers)} sockets)`,
      ours: mem(r.ours.latency),
      peers: [{ name: 'plain graphql-ws', measured: mem(r.graphqlWs.latency) }],
      target: { kind: 'max', value: 25, text: '<= 25 KB' },
    },
    {
      what: 'register, first page of 50 filtered by 3 statuses x 3 themes (API token)',
      ours: ms(r.ours.register),
      peers: [],
      target: { kind: 'none' },
    },
    {
      what: 'needStatistics(groupBy: [STATUS, THEME]) (API token)',
      ours: ms(r.ours.statistics),
      peers: [],
      target: { kind: 'none' },
    },
  ];
}
