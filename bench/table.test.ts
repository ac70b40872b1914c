import { describe, expect, it } from 'vitest';
import { formatRatio, formatTable, met, percentile, ratio, type Row } from './table.js';

const row = (over: Partial<Row>): Row => ({
  what: 'w',
  ours: { value: 40, unit: 'µs' },
  peers: [{ name: 'plain graphql-ws', measured: { value: 31, unit: 'µs' } }],
  target: { kind: 'ratio', max: 1.3, text: '<= 1.3x' },
  ...over,
});

describe('the bench table', () => {
  it('takes the ratio against the first peer, ours over theirs', () => {
    expect(ratio({ value: 339, unit: 'µs' }, { value: 31, unit: 'µs' })).toBeCloseTo(10.935, 3);
    expect(formatRatio(339 / 31)).toBe('11x');
    expect(formatRatio(884 / 3026)).toBe('0.29x');
    expect(formatRatio(1.26)).toBe('1.3x');
  });

  it('has no ratio without a figure on both sides', () => {
    expect(ratio('failed: boom', { value: 1, unit: 'x' })).toBeUndefined();
    expect(ratio({ value: 1, unit: 'x' }, 'n/a (PostgreSQL only)')).toBeUndefined();
    expect(ratio({ value: 1, unit: 'x' }, { value: 0, unit: 'x' })).toBeUndefined();
    expect(formatRatio(undefined)).toBe('-');
  });

  it('meets a relative ceiling at the bound and misses it above', () => {
    expect(met(row({ ours: { value: 40.3, unit: 'µs' } }))).toBe(true);
    expect(met(row({ ours: { value: 41, unit: 'µs' } }))).toBe(false);
  });

  it('meets a relative floor (throughput) only at or above it', () => {
    const target = { kind: 'ratio-min', min: 1.2, text: '>= 1.2x' } as const;
    expect(
      met(row({ ours: { value: 884, unit: 'req/s' }, peers: [{ name: 'p', measured: { value: 3026, unit: 'req/s' } }], target })),
    ).toBe(false);
    expect(
      met(
        row({ ours: { value: 3632, unit: 'req/s' }, peers: [{ name: 'p', measured: { value: 3026, unit: 'req/s' } }], target }),
      ),
    ).toBe(true);
  });

  it('checks absolute targets on our figure alone, and cannot tell without one', () => {
    expect(met(row({ ours: { value: 24, unit: 'KB' }, target: { kind: 'max', value: 25, text: '<= 25 KB' } }))).toBe(true);
    expect(met(row({ ours: { value: 59.6, unit: 'KB' }, target: { kind: 'max', value: 25, text: '<= 25 KB' } }))).toBe(false);
    expect(met(row({ ours: 'failed: timeout', target: { kind: 'max', value: 25, text: '<= 25 KB' } }))).toBeUndefined();
    expect(met(row({ peers: [{ name: 'PostGraphile 5', measured: 'n/a (PostgreSQL only)' }] }))).toBeUndefined();
    expect(met(row({ target: { kind: 'none' } }))).toBeUndefined();
  });

  it('prints one Markdown row per measurement with every peer, the ratio, the target and whether it is met', () => {
    const table = formatTable([
      row({
        what: 'CPU | per message',
        ours: { value: 339, unit: 'µs' },
        peers: [
          { name: 'plain graphql-ws', measured: { value: 31, unit: 'µs' } },
          { name: 'bare ws', measured: { value: 15, unit: 'µs' } },
        ],
      }),
      row({ what: 'sync', ours: { value: 14010, unit: 'events/s', note: 'pages of 100' }, peers: [], target: { kind: 'none' } }),
    ]).split('\n');
    expect(table[0]).toBe('| what | Yhteispeli | peer | ratio | target | met? |');
    expect(table[2]).toBe('| CPU \\| per message | 339 µs | plain graphql-ws: 31 µs; bare ws: 15 µs | 11x | <= 1.3x | no |');
    expect(table[3]).toBe('| sync | 14,010 events/s (pages of 100) | - | - | - | - |');
  });

  it('takes percentiles by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 0.99)).toBe(99);
    expect(percentile(samples, 0.5)).toBe(50);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
