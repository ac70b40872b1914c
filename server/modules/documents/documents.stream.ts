import * as Y from 'yjs';
import { directSource, type FrameSink } from '../../realtime/direct.js';
import { toBase64 } from './documents.yjs.js';

/** A document update as delivered to subscribers. */
export interface DocumentUpdateModel {
  /** Base64 of `bytes`, computed once and shared by every subscriber the update is relayed to. */
  update: string;
  version: number;
  actorUserId: string | null;
  /** On the first message of a subscription (the sync): the server's state vector, base64. */
  stateVector?: string | null;
}

/** One relayed update: the model plus its bytes, so that waiting updates can be merged without decoding base64. */
export interface RelayedUpdate {
  model: DocumentUpdateModel;
  bytes: Uint8Array;
}

/** Updates waiting for one subscriber beyond which they are merged at once, so a stalled socket costs bounded memory. */
export const MERGE_WAITING_AT = 256;

/** Merges waiting updates into one (Y.mergeUpdates: no Y.Doc, never the whole document). */
export function mergeRelayed(items: readonly RelayedUpdate[]): RelayedUpdate {
  if (items.length === 1) return items[0]!;
  const bytes = Y.mergeUpdates(items.map((i) => i.bytes));
  const last = items.at(-1)!.model;
  const actor = items.every((i) => i.model.actorUserId === items[0]!.model.actorUserId) ? items[0]!.model.actorUserId : null;
  return { bytes, model: { update: toBase64(bytes), version: last.version, actorUserId: actor } };
}

/**
 * One subscriber's queue of relayed updates, consumed by graphql-ws as an async iterator. A
 * subscriber that falls behind (its socket is slow, so graphql-ws pulls slowly) gets everything
 * that waited as ONE merged update at its next pull, never one message per update and never the
 * whole document. `allowed` is asked before each delivery (a cached answer, refreshed when
 * memberships or roles change); while it says no, waiting updates are dropped unsent.
 *
 * On the socket the stream writes its frames itself (realtime/direct.ts): each update goes to the
 * sink at once when no frame of this subscriber is being written, else it waits and merges the same way.
 */
/** How long a direct delivery waits before asking again when the permission check failed. */
export const CHECK_RETRY_MS = 250;

export function createUpdateStream(
  allowed: () => boolean | Promise<boolean>,
  onClose: () => void,
): AsyncIterableIterator<DocumentUpdateModel> & { push(item: RelayedUpdate): void; readonly waiting: number } {
  let buffer: RelayedUpdate[] = [];
  let waiter: ((r: IteratorResult<DocumentUpdateModel>) => void) | undefined;
  let done = false;
  /** Set while a delivery awaits the permission check, so a push meanwhile is queued, not handed over. */
  let checking = false;
  /** Direct delivery: where frames go, and whether one is being written (or checked) now. */
  let sink: FrameSink<DocumentUpdateModel> | undefined;
  let busy = false;

  const close = (): IteratorResult<DocumentUpdateModel> => {
    if (!done) {
      done = true;
      buffer = [];
      onClose();
      waiter?.({ value: undefined, done: true });
      waiter = undefined;
    }
    return { value: undefined, done: true };
  };

  /** Takes everything waiting as one update, if the subscriber may (still) read. */
  const take = async (): Promise<DocumentUpdateModel | undefined> => {
    const items = buffer;
    buffer = [];
    if (items.length === 0) return undefined;
    const ok = allowed();
    if (ok !== true && !(ok !== false && (await ok))) return undefined;
    return mergeRelayed(items).model;
  };

  const stream = {
    get waiting() {
      return buffer.length;
    },
    push(item: RelayedUpdate) {
      if (done) return;
      buffer.push(item);
      if (buffer.length >= MERGE_WAITING_AT) buffer = [mergeRelayed(buffer)];
      if (sink) pump();
      else if (waiter && !checking) void deliver();
    },
    async next(): Promise<IteratorResult<DocumentUpdateModel>> {
      // Delivering directly: the iterator only tells graphql-ws when the stream ends.
      if (sink) return done ? { value: undefined, done: true } : new Promise((resolve) => (waiter = resolve));
      for (;;) {
        if (done) return { value: undefined, done: true };
        if (buffer.length === 0) return new Promise((resolve) => (waiter = resolve));
        checking = true;
        const value = await take().finally(() => (checking = false));
        if (value && !done) return { value, done: false };
      }
    },
    return: () => Promise.resolve(close()),
    throw: (error: unknown) => {
      close();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };

  /** A consumer is waiting and an update arrived: hand it over (after the permission check). */
  async function deliver(): Promise<void> {
    checking = true;
    try {
      const value = await take();
      if (value && waiter && !done) {
        const resolve = waiter;
        waiter = undefined;
        resolve({ value, done: false });
      }
    } finally {
      checking = false;
    }
    if (waiter && buffer.length > 0 && !done) void deliver();
  }

  /** Direct delivery: what waits goes to the sink as one update, unless a frame is in flight or being checked. */
  function pump(): void {
    if (busy || done || buffer.length === 0) return;
    const items = buffer;
    buffer = [];
    const ok = allowed();
    if (ok === true) return send(items);
    if (ok === false) return;
    busy = true;
    void ok.then(
      (yes) => {
        busy = false;
        if (yes) send(items);
        else pump();
      },
      () => {
        // The check could not be made (the database is away): what waited is kept, not dropped, and the
        // check is tried again; a later push merges into it meanwhile.
        busy = false;
        buffer = [...items, ...buffer];
        setTimeout(pump, CHECK_RETRY_MS).unref?.();
      },
    );
  }

  function send(items: RelayedUpdate[]): void {
    if (done) return;
    busy = true;
    sink!(mergeRelayed(items).model, (err) => {
      busy = false;
      // The socket could not take it (it is closing): the subscription ends.
      if (err) close();
      else pump();
    });
  }

  return directSource(stream, (to: FrameSink<DocumentUpdateModel>) => {
    sink = to;
    pump();
  });
}
