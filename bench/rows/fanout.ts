import type { Child } from '../proc.js';
import { openMany, until, type Subscriber } from '../clients/socket.js';
import { percentile } from '../table.js';

/**
 * Fan-out of one need's changes to many subscribers, the same for every
 * server: ours (a mutation over HTTP, `serviceNeedChanged` over graphql-ws),
 * plain graphql-ws and bare ws (POST /publish). Each message names the
 * mutation it came from by the need's title (`bench <n>`).
 */
export interface FanoutTarget {
  child: Child;
  /** Opens subscriber i; onTitle gets the need's title of every message. */
  open(i: number, onTitle: (title: string) => void): Promise<Subscriber>;
  /** Changes the need's title; resolves when the server answered. */
  publish(title: string): Promise<void>;
}

/** The subscription's selection, the same on every GraphQL server. */
export const NEED_SUBSCRIPTION =
  'subscription ($id: ID) { serviceNeedChanged(id: $id) { kind name need { id title status version } } }';

interface Opened {
  subscribers: Subscriber[];
  /** Messages per subscriber per title. */
  received: Map<string, number>;
  times: Map<string, number[]>;
}

async function openAndWarm(target: FanoutTarget, count: number, tag: string): Promise<Opened> {
  const received = new Map<string, number>();
  const times = new Map<string, number[]>();
  const subscribers = await openMany(count, (i) =>
    target.open(i, (title) => {
      received.set(title, (received.get(title) ?? 0) + 1);
      times.get(title)?.push(performance.now());
    }),
  );
  // Subscribing is asynchronous on the server: publish until every subscriber has a message.
  for (let attempt = 0; ; attempt++) {
    const title = `${tag} warm-up ${attempt}`;
    await target.publish(title);
    try {
      await until(() => (received.get(title) ?? 0) >= count, 10_000, `${count} subscribers to receive the warm-up`);
      break;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
  return { subscribers, received, times };
}

/** CPU of the server process per delivered message: `mutations` changes to `subscribers` subscribers. */
export async function cpuPerMessage(target: FanoutTarget, subscribers: number, mutations: number): Promise<number> {
  const opened = await openAndWarm(target, subscribers, 'cpu');
  try {
    const before = target.child.cpuMicros();
    for (let m = 0; m < mutations; m++) await target.publish(`bench cpu ${m}`);
    await until(
      () =>
        Array.from({ length: mutations }, (_, m) => opened.received.get(`bench cpu ${m}`) ?? 0).every((n) => n >= subscribers),
      120_000,
      'every message delivered',
    );
    return (target.child.cpuMicros() - before) / (subscribers * mutations);
  } finally {
    for (const s of opened.subscribers) s.close();
  }
}

export interface LatencyResult {
  delivered: number;
  deliveredWithin3s: number;
  expected: number;
  p99: number;
  /** RSS growth per idle subscribed socket (after GC), in bytes. */
  idleSocketBytes: number;
  heapPerSocketBytes: number;
}

/**
 * `subscribers` subscribers, `mutations` changes at `perSecond` (each waits
 * for the last to answer, as a client that names the version it changed
 * does); latency from sending a change to each subscriber's message. The
 * idle socket's memory is measured on the way, once every socket is
 * subscribed and before the changes start.
 */
export async function latency(
  target: FanoutTarget,
  subscribers: number,
  mutations: number,
  perSecond: number,
): Promise<LatencyResult> {
  const memBefore = await target.child.memory();
  const opened = await openAndWarm(target, subscribers, 'latency');
  try {
    const memAfter = await target.child.memory();
    const sentAt = new Map<string, number>();
    const start = performance.now();
    for (let m = 0; m < mutations; m++) {
      const wait = start + (m * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const title = `bench latency ${m}`;
      opened.times.set(title, []);
      sentAt.set(title, performance.now());
      await target.publish(title);
    }
    const expected = subscribers * mutations;
    const count = () => [...sentAt.keys()].reduce((n, t) => n + (opened.times.get(t)?.length ?? 0), 0);
    await until(() => count() >= expected, 10_000, 'every message').catch(() => {});
    const samples = [...sentAt].flatMap(([title, at]) => (opened.times.get(title) ?? []).map((t) => t - at));
    return {
      delivered: samples.length,
      deliveredWithin3s: samples.filter((ms) => ms <= 3000).length,
      expected,
      p99: percentile(samples, 0.99),
      idleSocketBytes: (memAfter.rss - memBefore.rss) / subscribers,
      heapPerSocketBytes: (memAfter.heapUsed + memAfter.external - memBefore.heapUsed - memBefore.external) / subscribers,
    };
  } finally {
    for (const s of opened.subscribers) s.close();
  }
}
