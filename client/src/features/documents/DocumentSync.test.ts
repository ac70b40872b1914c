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
});
