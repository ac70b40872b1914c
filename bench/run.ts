import type { Outcome } from './rows/assemble.js';
import type { Child } from './proc.js';

/** The bench's sizes (BENCH_* variables; BENCH_QUICK=1 for a smoke run of a few minutes), progress and failure handling. */
export const quick = process.env.BENCH_QUICK === '1';
const num = (name: string, full: number, small: number) => Number(process.env[name] ?? (quick ? small : full));

export const sizes = {
  needs: num('BENCH_NEEDS', 10_000, 2_000),
  actions: num('BENCH_ACTIONS', 50_000, 10_000),
  events: num('BENCH_EVENTS', 200_000, 20_000),
  runs: num('BENCH_RUNS', 20, 5),
  httpSeconds: num('BENCH_HTTP_SECONDS', 10, 3),
  httpConcurrency: num('BENCH_HTTP_CONCURRENCY', 8, 8),
  fanoutSubscribers: num('BENCH_FANOUT_SUBSCRIBERS', 500, 200),
  fanoutMutations: num('BENCH_FANOUT_MUTATIONS', 20, 5),
  latencySubscribers: num('BENCH_LATENCY_SUBSCRIBERS', 1000, 300),
  latencyMutations: num('BENCH_LATENCY_MUTATIONS', 20, 10),
  latencyPerSecond: num('BENCH_LATENCY_PER_SECOND', 5, 5),
  editors: num('BENCH_EDITORS', 50, 20),
  keystrokesPerSecond: num('BENCH_KEYSTROKES_PER_SECOND', 2, 2),
  coeditSeconds: num('BENCH_COEDIT_SECONDS', 20, 6),
};
export const load = { seconds: sizes.httpSeconds, concurrency: sizes.httpConcurrency };

export const progress = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** BENCH_ROWS=fanout,coedit,changes,http runs only those groups of rows (all by default). */
const groups = process.env.BENCH_ROWS?.split(',').map((g) => g.trim());
export type Group = 'fanout' | 'coedit' | 'changes' | 'http';

/** A measurement that failed is a cell that says so, not a lost run. */
export async function attempt<T>(what: string, fn: () => Promise<T>, group?: Group): Promise<Outcome<T>> {
  if (group && groups && !groups.includes(group)) return 'not run (BENCH_ROWS)';
  try {
    progress(what);
    return await fn();
  } catch (err) {
    const e = err as Error;
    const cause = e.cause ? ` (${String(e.cause)})` : '';
    progress(`${what} failed: ${e.stack ?? e}${cause}`);
    return `failed: ${String(e.message ?? e).slice(0, 80)}${cause.slice(0, 60)}`;
  }
}

/** Starts a server, runs fn with it, stops it whatever happens. */
export async function withChild<C extends { stop(): Promise<void> } | { child: Child }, T>(
  start: () => Promise<C>,
  fn: (c: C) => Promise<T>,
): Promise<T> {
  const c = await start();
  try {
    return await fn(c);
  } finally {
    await ('stop' in c ? c.stop() : c.child.stop());
  }
}
