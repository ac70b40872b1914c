import { describe, expect, it } from 'vitest';
import { groupBy, groupLoader, matchBy, rowLoader } from './batch.js';

describe('batch helpers', () => {
  const rows = [
    { id: 'a', owner: 'x' },
    { id: 'b', owner: 'y' },
    { id: 'c', owner: 'x' },
  ];

  it('groups rows back to the keys, in key order, with empty groups for keys without rows', () => {
    expect(groupBy(['y', 'z', 'x'], rows, (r) => r.owner)).toEqual([[rows[1]], [], [rows[0], rows[2]]]);
  });

  it('matches one row per key, undefined where there is none', () => {
    expect(matchBy(['c', 'q', 'a'], rows, (r) => r.id)).toEqual([rows[2], undefined, rows[0]]);
  });

  it('loads a batch of keys in one read and answers each key with its row', async () => {
    const reads: (readonly string[])[] = [];
    const loader = rowLoader(
      async (keys) => {
        reads.push(keys);
        return rows.filter((r) => keys.includes(r.id));
      },
      (r) => r.id,
    );
    expect(await Promise.all([loader.load('c'), loader.load('q'), loader.load('a')])).toEqual([rows[2], undefined, rows[0]]);
    expect(reads).toEqual([['c', 'q', 'a']]);
  });

  it("loads each key's rows in one read, or what valueOf takes from them", async () => {
    const read = async (keys: readonly string[]) => rows.filter((r) => keys.includes(r.owner));
    const groups = groupLoader(read, (r) => r.owner);
    const ids = groupLoader(
      read,
      (r) => r.owner,
      (r) => r.id,
    );
    expect(await groups.loadMany(['x', 'z'])).toEqual([[rows[0], rows[2]], []]);
    expect(await ids.loadMany(['y', 'x'])).toEqual([['b'], ['a', 'c']]);
  });
});
