import { describe, expect, it } from 'vitest';
import { connectionReducer, connectionStatus, initialConnectionState, type ConnectionEvent } from './connectionState';

const run = (events: ConnectionEvent[], online = true) => events.reduce(connectionReducer, initialConnectionState(online));

describe('connection state', () => {
  it('is idle until a socket starts connecting', () => {
    expect(connectionStatus(run([]))).toBe('idle');
  });

  it('shows connecting for the first attempt and connected once acknowledged', () => {
    expect(connectionStatus(run([{ type: 'connecting', isRetry: false }]))).toBe('connecting');
    expect(connectionStatus(run([{ type: 'connecting', isRetry: false }, { type: 'connected' }]))).toBe('connected');
  });

  it('shows reconnecting after a connected socket closes', () => {
    const state = run([{ type: 'connecting', isRetry: false }, { type: 'connected' }, { type: 'closed' }]);
    expect(connectionStatus(state)).toBe('reconnecting');
  });

  it('counts a reconnect only when a connection is acknowledged again', () => {
    const state = run([
      { type: 'connecting', isRetry: false },
      { type: 'connected' },
      { type: 'closed' },
      { type: 'connecting', isRetry: true },
    ]);
    expect(state.reconnects).toBe(0);
    const after = connectionReducer(state, { type: 'connected' });
    expect(after.reconnects).toBe(1);
    expect(connectionStatus(after)).toBe('connected');
  });

  it('treats a failed first attempt being retried as reconnecting', () => {
    const state = run([{ type: 'connecting', isRetry: false }, { type: 'closed' }, { type: 'connecting', isRetry: true }]);
    expect(connectionStatus(state)).toBe('reconnecting');
    expect(connectionReducer(state, { type: 'connected' }).reconnects).toBe(0);
  });

  it('shows offline whenever the browser is offline, and recovers when it is back', () => {
    const connected = run([{ type: 'connecting', isRetry: false }, { type: 'connected' }]);
    const offline = connectionReducer(connected, { type: 'offline' });
    expect(connectionStatus(offline)).toBe('offline');
    expect(connectionStatus(connectionReducer(offline, { type: 'online' }))).toBe('connected');
  });

  it('ignores a close while idle and starts over on reset', () => {
    expect(connectionStatus(run([{ type: 'closed' }]))).toBe('idle');
    const state = run([{ type: 'connecting', isRetry: false }, { type: 'connected' }, { type: 'reset', online: false }]);
    expect(state).toEqual(initialConnectionState(false));
  });

  it('shows reconnecting while HTTP requests get no answer over a connected socket, and counts the recovery', () => {
    const connected = run([{ type: 'connecting', isRetry: false }, { type: 'connected' }]);
    const unreachable = connectionReducer(connected, { type: 'unreachable' });
    expect(connectionStatus(unreachable)).toBe('reconnecting');
    const back = connectionReducer(unreachable, { type: 'reachable' });
    expect(connectionStatus(back)).toBe('connected');
    expect(back.recoveries).toBe(1);
    // An answer while reachable changes nothing (no refetch); a reconnect clears it without a second refetch count.
    expect(connectionReducer(back, { type: 'reachable' })).toBe(back);
    const reconnected = run(
      [{ type: 'closed' }, { type: 'connecting', isRetry: true }, { type: 'connected' }].map((e) => e as ConnectionEvent),
      true,
    );
    expect(reconnected.unreachable).toBe(false);
    const cleared = connectionReducer(connectionReducer(unreachable, { type: 'closed' }), { type: 'connected' });
    expect({ unreachable: cleared.unreachable, recoveries: cleared.recoveries, reconnects: cleared.reconnects }).toEqual({
      unreachable: false,
      recoveries: 0,
      reconnects: 1,
    });
  });
});
