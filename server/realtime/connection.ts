/**
 * The WebSocket connection an operation arrived on, as the modules see it: an id unique across
 * instances and a way to undo something when it closes (close, a ping left unanswered, a server-side
 * close). Operations over HTTP have none. ws.ts makes one per socket and ties it to each operation's
 * context; a resolver asks `connectionOf(ctx)`.
 */
export interface Connection {
  readonly id: string;
  /** Runs `fn` once the connection closes (at once if it has closed already); the returned function cancels it. */
  onClose(fn: () => void): () => void;
}

const byContext = new WeakMap<object, Connection>();

/** The connection an operation's context belongs to; undefined over HTTP. */
export const connectionOf = (context: object): Connection | undefined => byContext.get(context);

/** Ties an operation's context to its connection (ws.ts, for every operation on the socket). */
export const bindConnection = (context: object, connection: Connection): void => void byContext.set(context, connection);

/** A connection's lifetime: `close()` runs what was registered, once, each in turn (one failing stops none of the others). */
export function createConnection(id: string, onError: (err: unknown) => void): Connection & { close(): void } {
  let closers: Set<() => void> | undefined = new Set();
  const run = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      onError(err);
    }
  };
  return {
    id,
    onClose(fn) {
      if (!closers) {
        run(fn);
        return () => {};
      }
      const once = () => fn();
      closers.add(once);
      return () => void closers?.delete(once);
    },
    close() {
      const all = closers;
      closers = undefined;
      for (const fn of all ?? []) run(fn);
    },
  };
}
