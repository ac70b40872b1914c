/**
 * Counts events per key in a sliding window: flood control (document updates,
 * awareness, presence calls per user). In memory: each server instance limits on
 * its own, which bounds load. The login limits, which bound guessing, are shared
 * by every instance in the database instead (auth.repo.ts, sharedRateLimiter).
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();
  private hitsSinceSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Keys kept at most; past it the oldest are dropped (random keys must not grow memory). */
    private readonly maxKeys = 100_000,
  ) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length < this.max) return 0;
    const oldest = times[times.length - this.max] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  /**
   * Records one event and answers whether it was within the limit. Counting
   * before the work it guards means parallel attempts cannot all slip through.
   */
  hit(key: string): boolean {
    const times = this.recent(key);
    const allowed = times.length < this.max;
    times.push(this.now());
    this.events.delete(key);
    this.events.set(key, times);
    if (++this.hitsSinceSweep >= 1000) this.sweep();
    return allowed;
  }

  /** Takes back the newest event of a key (an attempt that turned out fine). */
  undo(key: string): void {
    const times = this.events.get(key);
    times?.pop();
    if (times && times.length === 0) this.events.delete(key);
  }

  /** Forgets a key. */
  reset(key: string): void {
    this.events.delete(key);
  }

  /** Drops keys whose events left the window, and the oldest keys past `maxKeys`. */
  sweep(): void {
    this.hitsSinceSweep = 0;
    const cutoff = this.now() - this.windowMs;
    for (const [key, times] of this.events) if ((times.at(-1) ?? 0) <= cutoff) this.events.delete(key);
    // Map iteration is in insertion order and hit() re-inserts, so the first keys are the least recently used.
    for (const key of this.events.keys()) {
      if (this.events.size <= this.maxKeys) break;
      this.events.delete(key);
    }
  }

  /** Number of keys held (for tests and metrics). */
  size(): number {
    return this.events.size;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const times = (this.events.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) this.events.delete(key);
    return times;
  }
}
