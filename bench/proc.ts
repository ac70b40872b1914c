import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/**
 * A server under test as a child process of the bench, so that its CPU time
 * is its own (read from /proc) and not the load generator's. Every child
 * speaks the same small IPC protocol: it sends `{ type: 'ready', url }` once
 * it listens, and answers `{ id, type, ... }` requests with `{ id, reply }`
 * (`mem` — after a full GC — is understood by all of them).
 */
export interface Child {
  name: string;
  url: string;
  pid: number;
  /** User + system CPU time of the process (all its threads) so far, in µs. */
  cpuMicros(): number;
  /** Resident memory and heap after a full GC, in bytes. */
  memory(): Promise<{ rss: number; heapUsed: number; external: number }>;
  request<T = unknown>(type: string, body?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** utime + stime of a process from /proc/<pid>/stat, in µs (resolution one clock tick, usually 10 ms). */
export function processCpuMicros(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5); the slice starts at field 3.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1e6) / ticksPerSecond();
}

export interface StartOptions {
  name: string;
  /** The node binary (the bench's own by default). */
  node?: string;
  args: string[];
  cwd: string;
  env?: Record<string, string | undefined>;
  /** How long to wait for `ready`. */
  timeoutMs?: number;
}

export function startChild(opts: StartOptions): Promise<Child> {
  const proc: ChildProcess = spawn(opts.node ?? process.execPath, ['--expose-gc', ...opts.args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.on('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`${opts.name} exited (${code}): ${output}`));
    pending.clear();
  });
  proc.on('message', (msg: any) => {
    if (msg && typeof msg.id === 'number') {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(`${opts.name}: ${msg.error}`));
      else p?.resolve(msg.reply);
    }
  });
  const request = <T>(type: string, body: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      proc.send({ id, type, ...body });
    });

  return new Promise<Child>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${opts.name} did not start within ${opts.timeoutMs ?? 120_000} ms: ${output}`));
    }, opts.timeoutMs ?? 120_000);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${opts.name} exited (${code}) before it was ready: ${output}`));
    });
    proc.on('message', (msg: any) => {
      if (msg?.type !== 'ready') return;
      clearTimeout(timer);
      resolve({
        name: opts.name,
        url: msg.url,
        pid: proc.pid!,
        cpuMicros: () => processCpuMicros(proc.pid!),
        memory: () => request('mem'),
        request,
        async stop() {
          if (proc.exitCode !== null || proc.signalCode !== null) return;
          proc.kill('SIGTERM');
          const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/** Runs fn and returns the child's CPU time spent meanwhile (µs) with fn's result. */
export async function cpuDuring<T>(child: Child, fn: () => Promise<T>): Promise<[number, T]> {
  const before = child.cpuMicros();
  const result = await fn();
  return [child.cpuMicros() - before, result];
}
