import { describe, expect, it } from 'vitest';
import { createStream, filterMapStream, flatMapStream, SubscriberLaggedError } from './stream.js';

describe('createStream', () => {
  it('hands values over in order, to a waiting consumer and from its buffer', async () => {
    const stream = createStream<number>(() => {});
    const waiting = stream.next();
    stream.push(1);
    stream.push(2);
    stream.push(3);
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await stream.next()).toEqual({ value: 2, done: false });
    expect(await stream.next()).toEqual({ value: 3, done: false });
  });

  it('fails a consumer that falls more than the buffer behind, once, then ends and unsubscribes', async () => {
    let closed = 0;
    const stream = createStream<number>(() => closed++, { maxBuffered: 3 });
    for (let i = 0; i < 4; i++) stream.push(i);
    expect(closed).toBe(1);
    await expect(stream.next()).rejects.toBeInstanceOf(SubscriberLaggedError);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    stream.push(9);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });

  it('keeps a full buffer of snapshots by dropping the oldest when asked to', async () => {
    let closed = 0;
    const stream = createStream<number>(() => closed++, { maxBuffered: 2, whenFull: 'dropOldest' });
    for (let i = 0; i < 5; i++) stream.push(i);
    expect(closed).toBe(0);
    expect(await stream.next()).toEqual({ value: 3, done: false });
    expect(await stream.next()).toEqual({ value: 4, done: false });
  });

  it('passes the lag through a mapped stream to its consumer', async () => {
    const stream = createStream<number>(() => {}, { maxBuffered: 1 });
    const mapped = filterMapStream(stream, async (n) => (n % 2 === 0 ? n * 10 : undefined));
    const first = mapped.next();
    stream.push(2);
    expect(await first).toEqual({ value: 20, done: false });
    stream.push(4);
    stream.push(6);
    await expect(mapped.next()).rejects.toThrow(/behind/);
  });
});

describe('flatMapStream', () => {
  it('passes on what each value maps to, none, one or several, in order; closing it closes the source', async () => {
    let closed = 0;
    const stream = createStream<number>(() => closed++);
    const mapped = flatMapStream(stream, async (n) => Array.from({ length: n }, (_, i) => `${n}.${i}`));
    for (const n of [2, 0, 1]) stream.push(n);
    const values = [];
    for (let i = 0; i < 3; i++) values.push((await mapped.next()).value);
    expect(values).toEqual(['2.0', '2.1', '1.0']);
    expect(await mapped.return!()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});
