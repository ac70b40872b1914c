import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limit.js';

describe('SlidingWindowLimiter', () => {
  it('lets a key try until it has failed max times within the window', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('a')).toBe(0);
      limiter.hit('a');
    }
    expect(limiter.retryAfter('a')).toBe(60);
    expect(limiter.retryAfter('b')).toBe(0);
    now = 30_000;
    expect(limiter.retryAfter('a')).toBe(30);
  });

  it('forgets failures once they leave the window or the key is reset', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(2, 1_000, () => now);
    limiter.hit('a');
    limiter.hit('a');
    expect(limiter.retryAfter('a')).toBeGreaterThan(0);
    now = 1_001;
    expect(limiter.retryAfter('a')).toBe(0);
    limiter.hit('a');
    limiter.hit('a');
    limiter.reset('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });
});

describe('SlidingWindowLimiter under load', () => {
  it('refuses the attempt that goes over the limit at the moment it is counted', () => {
    const limiter = new SlidingWindowLimiter(3, 60_000, () => 0);
    expect([1, 2, 3, 4, 5].map(() => limiter.hit('a'))).toEqual([true, true, true, false, false]);
    limiter.undo('a');
    expect(limiter.retryAfter('a')).toBeGreaterThan(0);
  });

  it('sweeps expired keys and holds at most maxKeys', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(5, 1_000, () => now, 50);
    for (let i = 0; i < 200; i++) limiter.hit(`k${i}`);
    limiter.sweep();
    expect(limiter.size()).toBe(50);
    now = 2_000;
    limiter.sweep();
    expect(limiter.size()).toBe(0);
  });
});
