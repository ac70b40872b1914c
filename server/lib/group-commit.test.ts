import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

/** A flush that stays open until the test lets it finish. */
function controlledFlush() {
  const batches: number[][] = [];
  const release: ((err?: Error) => void)[] = [];
  const flush = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(items);
      release.push((err) => (err ? reject(err) : resolve()));
    });
  return { batches, release, flush };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('groupCommit', () => {
  it('flushes the first item at once and the items added meanwhile together in the next flush', async () => {
    const c = controlledFlush();
    const group = groupCommit(c.flush);
    const done: number[] = [];
    const first = group.add(1).then(() => done.push(1));
    expect(c.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((n) => group.add(n).then(() => done.push(n)));
    await settled();
    expect(c.batches).toEqual([[1]]);
    expect(done).toEqual([]);
    c.release[0]!();
    await first;
    await settled();
    expect(c.batches).toEqual([[1], [2, 3, 4]]);
    expect(done).toEqual([1]);
    c.release[1]!();
    await Promise.all(rest);
    expect(done).toEqual([1, 2, 3, 4]);
  });

  it('rejects only the callers whose flush failed', async () => {
    const c = controlledFlush();
    const group = groupCommit(c.flush);
    const first = group.add(1);
    const second = group.add(2);
    c.release[0]!(new Error('database away'));
    await expect(first).rejects.toThrow('database away');
    await settled();
    c.release[1]!();
    await expect(second).resolves.toBeUndefined();
    expect(c.batches).toEqual([[1], [2]]);
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const c = controlledFlush();
    const group = groupCommit(c.flush, 2);
    const all = [1, 2, 3, 4, 5].map((n) => group.add(n));
    for (let i = 0; i < 3; i++) {
      await settled();
      c.release[i]!();
    }
    await Promise.all(all);
    expect(c.batches).toEqual([[1], [2, 3], [4, 5]]);
  });
});
