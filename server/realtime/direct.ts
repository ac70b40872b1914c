/**
 * Direct delivery (issue 10, co-editing): a subscription's source that writes its values to the
 * subscriber's socket itself, instead of graphql-ws pulling each one through its async iterator,
 * `onNext` hook and `stringifyMessage`. The WebSocket layer hands such a source a sink that splices
 * the value, serialised once for every subscriber of the same document, into the subscriber's
 * `next` frame (as the fan-out does for committed events). The source keeps one frame in flight per
 * subscriber, as graphql-ws did: while a frame is being written, what arrives waits (and merges).
 */

/**
 * Writes one value as the subscription's `next` frame and calls `written` once the socket took it
 * (with an error when it could not: the source then ends).
 */
export type FrameSink<T> = (value: T, written: (err?: Error) => void) => void;

const DIRECT = Symbol('direct delivery');

/** A source that can deliver to a sink; its iterator then yields nothing and ends when the source ends. */
export interface DirectSource<T> {
  [DIRECT](sink: FrameSink<T>): void;
}

/** Marks `source` as able to deliver directly through `attach`. */
export function directSource<S extends object, T>(source: S, attach: (sink: FrameSink<T>) => void): S & DirectSource<T> {
  return Object.assign(source, { [DIRECT]: attach });
}

/** Hands `sink` to a source that takes one; false (and nothing happens) for any other source. */
export function deliverDirectly<T>(source: unknown, sink: FrameSink<T>): boolean {
  if (typeof source !== 'object' || source === null || !(DIRECT in source)) return false;
  (source as DirectSource<T>)[DIRECT](sink);
  return true;
}
