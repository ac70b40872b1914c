import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import { batchLoaders } from './batch-loaders.js';

describe('batchLoaders', () => {
  const db = {} as Db;
  const rows = [
    { id: 'a', owner: 'x' },
    { id: 'b', owner: 'y' },
    { id: 'c', owner: 'x' },
  ];
  /** A repo read that answers from `rows` and notes each batch of keys it was asked. */
  const reader = () => {
    const batches: (readonly string[])[] = [];
    const read = async (given: Db, keys: readonly string[]) => {
      expect(given).toBe(db);
      batches.push(keys);
      return rows;
    };
    return { batches, read };
  };

  it('reads the keys of one tick in one batch and matches a row to each id', async () => {
    const { batches, read } = reader();
    const byId = batchLoaders(db).byId(read);
    expect(await Promise.all([byId.load('c'), byId.load('q'), byId.load('a')])).toEqual([rows[2], undefined, rows[0]]);
    expect(batches).toEqual([['c', 'q', 'a']]);
  });

  it('groups rows by key, and picks one value of each row', async () => {
    const { many, valuesOf } = batchLoaders(db);
    expect(await many(reader().read, (r) => r.owner).loadMany(['y', 'z', 'x'])).toEqual([[rows[1]], [], [rows[0], rows[2]]]);
    expect(
      await valuesOf(
        reader().read,
        (r) => r.owner,
        (r) => r.id,
      ).load('x'),
    ).toEqual(['a', 'c']);
  });
});
