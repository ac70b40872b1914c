import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { textOf, typeText } from '../../../tests/minutes-doc.js';
import { deliverDirectly } from '../../realtime/direct.js';
import {
  CHECK_RETRY_MS,
  createUpdateStream,
  MERGE_WAITING_AT,
  type DocumentUpdateModel,
  type RelayedUpdate,
} from './documents.stream.js';
import { toBase64 } from './documents.yjs.js';

/** An editor's document and the updates its keystrokes make, as the room relays them. */
function typist() {
  const doc = new Y.Doc();
  typeText(doc, 'Pöytäkirja: '.repeat(2000));
  const base = Y.encodeStateAsUpdate(doc);
  let version = 1;
  const type = (text: string): RelayedUpdate => {
    let bytes: Uint8Array = new Uint8Array();
    doc.once('update', (u: Uint8Array) => (bytes = u));
    typeText(doc, text);
    return { bytes, model: { update: toBase64(bytes), version: ++version, actorUserId: 'u1' } };
  };
  return { doc, base, type };
}

describe("a subscriber's update stream", () => {
  it('hands over an update at once to a subscriber that keeps up', async () => {
    const { type } = typist();
    const stream = createUpdateStream(
      () => true,
      () => {},
    );
    const pending = stream.next();
    const item = type('a');
    stream.push(item);
    expect((await pending).value).toBe(item.model);
  });

  it('gives a subscriber that fell behind one merged update of what it missed, not one per update and not the whole document', async () => {
    const { doc, base, type } = typist();
    const stream = createUpdateStream(
      () => true,
      () => {},
    );
    for (let i = 0; i < 100; i++) stream.push(type(`${i % 10}`));
    const { value } = await stream.next();
    expect(stream.waiting).toBe(0);
    const bytes = new Uint8Array(Buffer.from(value!.update, 'base64'));
    // Only what was missed: none of what the subscriber had, and far smaller than the document.
    const baseClock = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(base)).get(doc.clientID)!;
    expect(Y.decodeUpdate(bytes).structs.every((s) => s.id.clock >= baseClock)).toBe(true);
    expect(bytes.length).toBeLessThan(Y.encodeStateAsUpdate(doc).length / 2);
    expect(value!.version).toBe(101);
    const subscriber = new Y.Doc();
    Y.applyUpdate(subscriber, base);
    Y.applyUpdate(subscriber, bytes);
    expect(textOf(subscriber)).toBe(textOf(doc));
  });

  it('merges at once when updates pile up for a stalled socket, so memory stays bounded', () => {
    const { type } = typist();
    const stream = createUpdateStream(
      () => true,
      () => {},
    );
    for (let i = 0; i < MERGE_WAITING_AT * 2; i++) stream.push(type('x'));
    expect(stream.waiting).toBeLessThan(MERGE_WAITING_AT);
  });

  it('drops what waited while the subscriber may not read, and delivers again once it may', async () => {
    const { type } = typist();
    let allowed: boolean | Promise<boolean> = Promise.resolve(false);
    const stream = createUpdateStream(
      () => allowed,
      () => {},
    );
    const pending = stream.next();
    stream.push(type('secret'));
    await new Promise((resolve) => setImmediate(resolve));
    allowed = true;
    const later = type('public');
    stream.push(later);
    expect((await pending).value).toBe(later.model);
  });

  it('ends a waiting consumer and calls back once when it is closed', async () => {
    let closed = 0;
    const stream = createUpdateStream(
      () => true,
      () => closed++,
    );
    const pending = stream.next();
    await stream.return!();
    await stream.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });

  describe('delivering directly to the socket', () => {
    /** A sink that records each frame and holds its write until `written` is called. */
    function socketSink() {
      const frames: DocumentUpdateModel[] = [];
      const pending: ((err?: Error) => void)[] = [];
      const sink = (value: DocumentUpdateModel, written: (err?: Error) => void) => {
        frames.push(value);
        pending.push(written);
      };
      return { frames, sink, finishWrite: (err?: Error) => pending.shift()!(err) };
    }

    it('writes an update at once, and what arrives while a frame is being written as one merged update after it', () => {
      const { doc, base, type } = typist();
      const stream = createUpdateStream(
        () => true,
        () => {},
      );
      const socket = socketSink();
      expect(deliverDirectly(stream, socket.sink)).toBe(true);
      const first = type('a');
      stream.push(first);
      expect(socket.frames).toEqual([first.model]);
      for (let i = 0; i < 10; i++) stream.push(type(`${i}`));
      expect(socket.frames).toHaveLength(1);
      socket.finishWrite();
      expect(socket.frames).toHaveLength(2);
      expect(socket.frames[1]!.version).toBe(12);
      const subscriber = new Y.Doc();
      Y.applyUpdate(subscriber, base);
      for (const frame of socket.frames) Y.applyUpdate(subscriber, new Uint8Array(Buffer.from(frame.update, 'base64')));
      expect(textOf(subscriber)).toBe(textOf(doc));
    });

    it('writes what waited before the sink came, and drops what came while the subscriber may not read', async () => {
      const { type } = typist();
      let allowed: boolean | Promise<boolean> = true;
      const stream = createUpdateStream(
        () => allowed,
        () => {},
      );
      const early = type('a');
      stream.push(early);
      const socket = socketSink();
      deliverDirectly(stream, socket.sink);
      expect(socket.frames).toEqual([early.model]);
      socket.finishWrite();
      allowed = Promise.resolve(false);
      stream.push(type('secret'));
      await new Promise((resolve) => setImmediate(resolve));
      allowed = true;
      const later = type('public');
      stream.push(later);
      expect(socket.frames).toEqual([early.model, later.model]);
    });

    it('keeps what waited when the permission check fails (the database is away) and writes it once the check succeeds', async () => {
      const { type } = typist();
      let allowed: boolean | Promise<boolean> = Promise.reject(new Error('database unavailable'));
      const stream = createUpdateStream(
        () => allowed,
        () => {},
      );
      const socket = socketSink();
      deliverDirectly(stream, socket.sink);
      const first = type('a');
      stream.push(first);
      await new Promise((resolve) => setImmediate(resolve));
      expect(socket.frames).toEqual([]);
      allowed = true;
      await vi.waitFor(() => expect(socket.frames).toEqual([first.model]), { timeout: 5 * CHECK_RETRY_MS });
    });

    it('yields nothing to its iterator and ends it when closed, or when the socket cannot take a frame', async () => {
      const { type } = typist();
      let closed = 0;
      const stream = createUpdateStream(
        () => true,
        () => closed++,
      );
      const socket = socketSink();
      deliverDirectly(stream, socket.sink);
      const pending = stream.next();
      stream.push(type('a'));
      socket.finishWrite(new Error('socket closed'));
      expect(await pending).toEqual({ value: undefined, done: true });
      stream.push(type('b'));
      expect(socket.frames).toHaveLength(1);
      expect(closed).toBe(1);
    });
  });
});
