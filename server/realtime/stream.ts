/**
 * What a subscriber was sent is no longer known to be true (events it should have had were not
 * delivered): the WebSocket layer closes its socket with 4013, and the client reconnects, subscribes
 * again and refetches.
 */
export class SubscriberOutOfSyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscriberOutOfSyncError';
  }
}

/**
 * A subscriber fell so far behind that its queue overflowed: events were dropped, so what it shows
 * is no longer true. The WebSocket layer closes the socket (4013) and the client reconnects and
 * refetches, which is the one resynchronisation path every client already has.
 */
export class SubscriberLaggedError extends SubscriberOutOfSyncError {
  constructor(readonly buffered: number) {
    super(`The subscriber fell more than ${buffered} events behind; reconnect to resynchronise`);
    this.name = 'SubscriberLaggedError';
  }
}

/**
 * A push-to-pull queue: events are pushed as they arrive and consumed by
 * graphql-ws as an async iterator. `return()` ends it at once even while a
 * consumer waits (an async generator could not be stopped while awaiting).
 */
export function createStream<T>(
  onClose: () => void,
  { maxBuffered = 1000, whenFull = 'fail' }: { maxBuffered?: number; whenFull?: 'fail' | 'dropOldest' } = {},
): AsyncIterableIterator<T> & { push(value: T): void } {
  const buffer: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let done = false;
  let lagged: SubscriberLaggedError | undefined;

  const close = (): IteratorResult<T> => {
    if (!done) {
      done = true;
      onClose();
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
      buffer.length = 0;
    }
    return { value: undefined, done: true };
  };

  return {
    push(value) {
      if (done) return;
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value, done: false });
      } else if (buffer.length < maxBuffered) {
        buffer.push(value);
      } else if (whenFull === 'dropOldest') {
        // Each value is a whole snapshot (presence): the newest makes the older ones redundant.
        buffer.shift();
        buffer.push(value);
      } else {
        // A consumer this far behind is a slow client: stop rather than grow memory, and say so
        // (ending quietly would leave its screen stale without anyone knowing).
        lagged = new SubscriberLaggedError(maxBuffered);
        close();
      }
    },
    next() {
      if (buffer.length > 0) return Promise.resolve({ value: buffer.shift() as T, done: false });
      if (lagged) {
        const error = lagged;
        lagged = undefined;
        return Promise.reject(error);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      return Promise.resolve(close());
    },
    throw(error) {
      close();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Maps each value through `fn` in order, dropping those that map to undefined
 * (events the subscriber may not see). Closing the result closes the source.
 */
export function filterMapStream<T, U>(
  source: AsyncIterableIterator<T>,
  fn: (value: T) => Promise<U | undefined>,
): AsyncIterableIterator<U> {
  return flatMapStream(source, async (value) => {
    const mapped = await fn(value);
    return mapped === undefined ? [] : [mapped];
  });
}

/**
 * Maps each value through `fn` to none, one or several, passed on in order (one event that
 * takes several records out of a subscriber's sight). Closing the result closes the source.
 */
export function flatMapStream<T, U>(
  source: AsyncIterableIterator<T>,
  fn: (value: T) => Promise<readonly U[]>,
): AsyncIterableIterator<U> {
  const ready: U[] = [];
  const it: AsyncIterableIterator<U> = {
    async next() {
      while (ready.length === 0) {
        const r = await source.next();
        if (r.done) return { value: undefined, done: true };
        ready.push(...(await fn(r.value)));
      }
      return { value: ready.shift() as U, done: false };
    },
    async return() {
      ready.length = 0;
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}
