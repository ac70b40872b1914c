import type { WebSocket } from 'ws';
import type { FrameSink } from '../realtime/direct.js';

/**
 * `{"id":<id>,"type":"next","payload":` — the start of a subscription's `next` frame, as graphql-ws's
 * `stringifyMessage` writes it: the one part of a frame that differs per subscriber. A serialised
 * payload and `}` complete it, so one payload's JSON is spliced into every subscriber's frame.
 */
export const nextFramePrefix = (id: string): string => `{"id":${JSON.stringify(id)},"type":"next","payload":`;

/**
 * The sink of a directly delivering source (realtime/direct.ts) for one subscription: each value as a
 * `next` frame, its payload from `serialise` (made once per value for all subscribers of the same
 * document) or, when that cannot render it, from `execute` (which then produces the proper errors).
 */
export function frameSink(
  socket: WebSocket,
  id: string,
  serialise: (value: unknown) => string | null,
  execute: (value: unknown) => Promise<unknown>,
): FrameSink<unknown> {
  const prefix = nextFramePrefix(id);
  const write = (json: string, written: (err?: Error) => void): void => {
    // As graphql-ws does: a frame for a socket that is closing is dropped, not an error.
    if (socket.readyState !== socket.OPEN) return written();
    socket.send(prefix + json + '}', (err) => written(err ?? undefined));
  };
  return (value, written) => {
    const json = serialise(value);
    if (json !== null) return write(json, written);
    execute(value).then(
      (payload) => write(JSON.stringify(payload), written),
      (err: unknown) => written(err instanceof Error ? err : new Error(String(err))),
    );
  };
}
