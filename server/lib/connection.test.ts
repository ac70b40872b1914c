import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  decodeCursor,
  decodeKeyset,
  encodeCursor,
  encodeKeyset,
  keysetAfter,
  pageSize,
  toConnection,
  type SortKey,
} from './connection.js';

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
    expect(decodeCursor('change', undefined)).toBeUndefined();
    expect(() => decodeCursor('change', '')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ fields: { after: expect.any(String) } }) }),
    );
    expect(() => decodeCursor('change', encodeCursor('need', 1))).toThrow();
  });

  it('builds a page and tells whether more follow', () => {
    const c = toConnection([1, 2, 3], 2, (n) => String(n), 10);
    expect(c.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(c.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
    expect(toConnection([1], 2, String, 1).pageInfo.hasNextPage).toBe(false);
  });

  const KEYS: SortKey[] = [
    { expr: sql`updated_at`, type: 'timestamptz', desc: true },
    { expr: sql`id`, type: 'uuid' },
  ];
  const ID = '0b7c6f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
  const refused = expect.objectContaining({
    extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { after: 'Not a cursor of this list' } }),
  });

  it('round-trips keyset cursors and refuses positional, foreign and forged ones naming after', () => {
    const cursor = encodeKeyset('need', `["1733448382123456", "${ID}"]`);
    expect(decodeKeyset('need', KEYS, cursor)).toEqual(['1733448382123456', ID]);
    expect(decodeKeyset('need', KEYS, null)).toBeUndefined();
    for (const bad of [
      encodeCursor('need', 5),
      encodeCursor('need', '["1"]'),
      encodeCursor('need', `["x", "${ID}"]`),
      encodeCursor('need', '["1", "not-an-id"]'),
      encodeCursor('need', `[1, "${ID}"]`),
      encodeCursor('need', '{'),
      encodeKeyset('notification', `["1", "${ID}"]`),
    ])
      expect(() => decodeKeyset('need', KEYS, bad)).toThrowError(refused);
    const text: SortKey[] = [{ expr: sql`title`, type: 'text' }];
    expect(decodeKeyset('t', text, encodeCursor('t', JSON.stringify(['ääkköset "ja" lainausmerkit'])))).toEqual([
      'ääkköset "ja" lainausmerkit',
    ]);
    expect(() => decodeKeyset('t', text, encodeCursor('t', JSON.stringify(['a\u0000b'])))).toThrowError(refused);
    expect(() => decodeKeyset('t', text, encodeCursor('t', '["\\ud800"]'))).toThrowError(refused);
  });

  it('continues strictly after the row in an order of mixed directions', () => {
    const { sql: text, params } = new PgDialect().sqlToQuery(keysetAfter(KEYS, ['10', ID]));
    expect(text).toBe(
      "(updated_at <= (timestamptz 'epoch' + $1::bigint * interval '1 microsecond') and " +
        "((updated_at < (timestamptz 'epoch' + $2::bigint * interval '1 microsecond')) or " +
        "(updated_at = (timestamptz 'epoch' + $3::bigint * interval '1 microsecond') and id > $4::uuid)))",
    );
    expect(params).toEqual(['10', '10', '10', ID]);
  });
});
