import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './connection.js';

describe('connections', () => {
  it('refuses a page size over 100 or under 1 with BAD_USER_INPUT naming first', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrowError(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } }),
      }),
    );
    expect(() => pageSize(0)).toThrow();
    expect(pageSize(1000, 1000)).toBe(1000);
    expect(() => pageSize(1001, 1000)).toThrowError(
      expect.objectContaining({ extensions: expect.objectContaining({ fields: { first: 'Must be between 1 and 1000' } }) }),
    );
  });

  it('round-trips cursors and refuses one of another list', () => {
    expect(decodeCursor('change', encodeCursor('change', 42))).toBe('42');
    expect(decodeCursor('change', null)).toBeUndefined();
    expect(() => decodeCursor('change', encodeCursor('need', 1))).toThrow();
  });

  it('builds a page and tells whether more follow', () => {
    const c = toConnection([1, 2, 3], 2, (n) => String(n), 10);
    expect(c.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(c.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
    expect(toConnection([1], 2, String, 1).pageInfo.hasNextPage).toBe(false);
  });
});
