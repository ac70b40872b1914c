import { describe, expect, it } from 'vitest';
import { groupBy, matchBy } from './batch.js';

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
});
