import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EphemeralListener, EventBus } from '../../realtime/bus.js';
import { createConnection } from '../../realtime/connection.js';
import { createPresenceRegistry, PRESENCE_TTL_MS } from './meetings.presence.js';

/** The ephemeral half of the bus, in process: what one instance hears of its own broadcasts. */
function inProcessBus(): EventBus {
  const topics = new Map<string, Set<EphemeralListener>>();
  return {
    async publish() {},
    subscribe: () => () => {},
    countAlso: () => () => {},
    async broadcast(topic, payload) {
      for (const listener of topics.get(topic) ?? []) listener(JSON.parse(JSON.stringify(payload)));
    },
    subscribeEphemeral(topic, listener) {
      const set = topics.get(topic) ?? new Set();
      set.add(listener);
      topics.set(topic, set);
      return () => set.delete(listener);
    },
    size: () => 0,
    hasSeen: () => false,
    health: () => ({ listening: true, lastEventAgeMs: null, epoch: 0 }),
    subscriptionBuffer: 1000,
    log: pino({ level: 'silent' }),
    async start() {},
    async stop() {},
  };
}

describe('presence in a meeting room', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('drops someone whose heartbeat stopped, and tells the watchers', async () => {
    const presence = createPresenceRegistry(inProcessBus(), pino({ level: 'silent' }));
    const watching = presence.watch('m1', 'observer');
    expect((await watching.next()).value).toEqual([]);
    await presence.join('m1', 'u1', 'p1');
    expect((await watching.next()).value).toMatchObject([{ userId: 'u1', partyId: 'p1' }]);

    await vi.advanceTimersByTimeAsync(PRESENCE_TTL_MS - 10_000);
    expect(presence.list('m1')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(presence.list('m1')).toEqual([]);
    expect((await watching.next()).value).toEqual([]);
    presence.stop();
  });

  it('keeps someone whose heartbeat goes on, with the time they first came in', async () => {
    const presence = createPresenceRegistry(inProcessBus(), pino({ level: 'silent' }));
    const [first] = await presence.join('m1', 'u1', 'p1');
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(PRESENCE_TTL_MS / 2);
      await presence.join('m1', 'u1', 'p1');
    }
    expect(presence.list('m1')).toEqual([first]);
    presence.stop();
  });

  it('lets a user leave when their last watch in this process closes (the socket closed)', async () => {
    const presence = createPresenceRegistry(inProcessBus(), pino({ level: 'silent' }));
    await presence.join('m1', 'u1', null);
    const a = presence.watch('m1', 'u1');
    const b = presence.watch('m1', 'u1');
    await a.return!();
    expect(presence.list('m1')).toHaveLength(1);
    await b.return!();
    await vi.advanceTimersByTimeAsync(0);
    expect(presence.list('m1')).toEqual([]);
    presence.stop();
  });

  it("ends a socket's hold on every instance when it closes, and keeps the user while another hold remains", async () => {
    const bus = inProcessBus();
    const log = pino({ level: 'silent' });
    const [a, b] = [createPresenceRegistry(bus, log), createPresenceRegistry(bus, log)];
    const fail = (err: unknown) => {
      throw err;
    };
    const [tab1, tab2] = [createConnection('c1', fail), createConnection('c2', fail)];
    await a.join('m1', 'u1', null, tab1);
    await a.join('m1', 'u1', null, tab1);
    await b.join('m1', 'u1', null, tab2);
    await b.join('m1', 'u2', null);
    expect([a.holds('m1', 'u1'), b.holds('m1', 'u1')]).toEqual([2, 2]);

    tab1.close();
    await vi.advanceTimersByTimeAsync(0);
    expect([a.holds('m1', 'u1'), b.list('m1').map((p) => p.userId)]).toEqual([1, ['u1', 'u2']]);
    tab2.close();
    await vi.advanceTimersByTimeAsync(0);
    expect([a.list('m1'), b.list('m1')].map((l) => l.map((p) => p.userId))).toEqual([['u2'], ['u2']]);

    // A socket that closed while its joinMeeting was on the way holds nobody.
    const gone = createConnection('c3', fail);
    gone.close();
    await a.join('m1', 'u3', null, gone);
    await vi.advanceTimersByTimeAsync(0);
    expect(b.list('m1').map((p) => p.userId)).toEqual(['u2']);
    a.stop();
    b.stop();
  });

  it("holds each HTTP client that names itself apart: one's leave or closed watch keeps the user while another holds them", async () => {
    const presence = createPresenceRegistry(inProcessBus(), pino({ level: 'silent' }));
    await presence.join('m1', 'u1', null, undefined, 'tab-a');
    await presence.join('m1', 'u1', null, undefined, 'tab-b');
    await presence.join('m1', 'u1', null);
    expect([presence.holds('m1', 'u1'), presence.list('m1')]).toMatchObject([3, [{ userId: 'u1' }]]);

    await presence.leave('m1', 'u1', undefined, 'tab-a');
    expect(presence.holds('m1', 'u1')).toBe(2);
    // The unnamed joins' leave ends their shared hold only.
    await presence.leave('m1', 'u1');
    expect(presence.list('m1').map((p) => p.userId)).toEqual(['u1']);

    // tab-b's own watch ends: its hold goes with it, and the user with their last hold.
    const watch = presence.watch('m1', 'u1', 'tab-b');
    await watch.return!();
    await vi.advanceTimersByTimeAsync(0);
    expect(presence.list('m1')).toEqual([]);
    presence.stop();
  });
});
