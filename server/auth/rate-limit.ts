/**
 * Counts events per key in a sliding window (failed logins per account and per
 * address). In memory: each server instance limits on its own, which still
 * bounds guessing to instances × limit per window.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const times = this.recent(key);
    if (times.length < this.max) return 0;
    const oldest = times[times.length - this.max] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  /** Records one event (a failed login, a pushed update). */
  hit(key: string): void {
    const times = this.recent(key);
    times.push(this.now());
    this.events.set(key, times);
  }

  /** Forgets a key (after a successful login). */
  reset(key: string): void {
    this.events.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const times = (this.events.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) this.events.delete(key);
    return times;
  }
}
