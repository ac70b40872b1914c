import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from './base64';
import { DocumentSync, type DocumentTransport } from './DocumentSync';

/** A server's document in memory behind the DocumentTransport interface; each stream can be ended as the server would. */
function memoryServer() {
  const doc = new Y.Doc();
  const streams = new Set<{ onUpdate: (u: string) => void; onEnd?: (error?: unknown) => void }>();
  let subscriptions = 0;
  const transport: DocumentTransport = {
    async push(update) {
      Y.applyUpdate(doc, fromBase64(update));
      return 1;
    },
    async state(stateVector) {
      return toBase64(Y.encodeStateAsUpdate(doc, fromBase64(stateVector)));
    },
    subscribe(stateVector, _clientId, onUpdate, onEnd) {
      subscriptions++;
      const stream = { onUpdate, onEnd };
      streams.add(stream);
      onUpdate(toBase64(Y.encodeStateAsUpdate(doc, fromBase64(stateVector))), toBase64(Y.encodeStateVector(doc)));
      return () => streams.delete(stream);
    },
  };
  return {
    transport,
    /** Another editor's change, relayed to every open stream. */
    edit(text: string) {
      const other = new Y.Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      other.getText('t').insert(other.getText('t').length, text);
      const update = Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc));
      Y.applyUpdate(doc, update);
      for (const s of streams) s.onUpdate(toBase64(update));
    },
    /** The server ends every stream (e.g. it failed to check a permission), the connection staying up. */
    endStreams(error?: unknown) {
      for (const s of [...streams]) {
        streams.delete(s);
        s.onEnd?.(error);
      }
    },
    text: () => doc.getText('t').toString(),
    subscriptions: () => subscriptions,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DocumentSync', () => {
  it('opens the stream again when the server ends it, and gets what it missed meanwhile', async () => {
    vi.useFakeTimers();
    const server = memoryServer();
    const local = new Y.Doc();
    const sync = new DocumentSync(local, server.transport, { batchMs: 0 });
    await sync.connect();
    server.edit('a');
    expect(local.getText('t').toString()).toBe('a');

    server.endStreams(new Error('database away'));
    expect(sync.status()).toMatchObject({ online: false });
    server.edit('b'); // nobody listens: missed for now
    local.getText('t').insert(0, 'x'); // typed while the stream was down: waits
    expect(local.getText('t').toString()).toBe('xa');

    await vi.advanceTimersByTimeAsync(600);
    expect(server.subscriptions()).toBe(2);
    expect(sync.status()).toMatchObject({ online: true });
    expect(local.getText('t').toString()).toBe('xab');
    await vi.advanceTimersByTimeAsync(10);
    expect(server.text()).toBe('xab');
    server.edit('c');
    expect(local.getText('t').toString()).toBe('xabc');
    sync.destroy();
  });

  it('does not open the stream again after a disconnect', async () => {
    vi.useFakeTimers();
    const server = memoryServer();
    const sync = new DocumentSync(new Y.Doc(), server.transport);
    await sync.connect();
    server.endStreams();
    sync.disconnect();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.subscriptions()).toBe(1);
    sync.destroy();
  });

  it('waits in flush for what it sends again after a reconnect, though the lost socket failed its pushes before the disconnect', async () => {
    // A server killed mid-push: the socket's close fails the pushes in flight before the app (or a test) calls disconnect().
    let failInFlight: (err: unknown) => void = () => {};
    let inFlight: Promise<number> = Promise.resolve(0);
    const dying: DocumentTransport = {
      ...memoryServer().transport,
      push: () => (inFlight = new Promise<number>((_, reject) => (failInFlight = reject))),
    };
    const local = new Y.Doc();
    const sync = new DocumentSync(local, dying, { batchMs: 0 });
    await sync.connect();
    local.getText('t').insert(0, 'Läsnä ');
    failInFlight(new Error('socket closed'));
    await inFlight.catch(() => {}); // the sync's own handler of it ran first
    sync.disconnect();

    // The restarted server acknowledges once its batch commits: here when the test says so.
    const restarted = memoryServer();
    const acknowledgements: (() => void)[] = [];
    const later: DocumentTransport = {
      ...restarted.transport,
      push: (update, clientId) =>
        new Promise<number>((resolve) => acknowledgements.push(() => resolve(restarted.transport.push(update, clientId)))),
    };
    await sync.connect(later);
    const flushed = sync.flush().then(() => sync.status());
    expect(acknowledgements).toHaveLength(1);
    acknowledgements[0]!();
    expect(await flushed).toEqual({ pending: 0, online: true, error: undefined });
    expect(restarted.text()).toBe('Läsnä ');
    sync.destroy();
  });

  it('does not send an update again when the lost connection fails its push after the reconnect re-sent it', async () => {
    // The server stores the update but the socket closes before the acknowledgement reaches the editor.
    const server = memoryServer();
    let failInFlight: (err: unknown) => void = () => {};
    let inFlight: Promise<number> = Promise.resolve(0);
    const dying: DocumentTransport = {
      ...server.transport,
      push: (update, clientId) => {
        void server.transport.push(update, clientId);
        return (inFlight = new Promise<number>((_, reject) => (failInFlight = reject)));
      },
    };
    const local = new Y.Doc();
    const sync = new DocumentSync(local, dying, { batchMs: 0 });
    await sync.connect();
    local.getText('t').insert(0, 'a');
    sync.disconnect();

    const pushed: string[] = [];
    const acknowledgements: (() => void)[] = [];
    const slow: DocumentTransport = {
      ...server.transport,
      push: (update, clientId) => {
        pushed.push(update);
        return new Promise<number>((resolve) => acknowledgements.push(() => resolve(server.transport.push(update, clientId))));
      },
    };
    await sync.connect(slow); // sends 'a' again
    expect(pushed).toHaveLength(1);
    failInFlight(new Error('socket closed')); // the old connection's answer comes after that
    await inFlight.catch(() => {}); // the sync's own handler of it ran first
    local.getText('t').insert(1, 'b');
    // The second push holds 'b' alone: 'a' is in flight on this connection already.
    expect(pushed).toHaveLength(2);
    expect(Y.parseUpdateMeta(fromBase64(pushed[1]!)).from.get(local.clientID)).toBe(1);
    acknowledgements.forEach((ack) => ack());
    await sync.flush();
    expect(sync.status()).toEqual({ pending: 0, online: true, error: undefined });
    expect(server.text()).toBe('ab');
    sync.destroy();
  });
});
