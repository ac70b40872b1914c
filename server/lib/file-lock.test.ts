import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withFileLock } from './file-lock.js';

let dir: string;
let lockPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yp-lock-'));
  lockPath = path.join(dir, '.build.lock');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A promise with its resolve function outside. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('withFileLock', () => {
  it('runs a second holder only after the first is done', async () => {
    const order: string[] = [];
    const firstMayEnd = deferred();
    const firstStarted = deferred();
    const first = withFileLock(
      lockPath,
      async () => {
        order.push('first start');
        firstStarted.resolve();
        await firstMayEnd.promise;
        order.push('first end');
      },
      { pollMs: 5 },
    );
    await firstStarted.promise;
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    // The second polls while the first holds the lock: five polls go by, and it still waits; once the first is
    // done, its next poll takes the lock. The polls' timers are the test's, so none fires on its own.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const second = withFileLock(lockPath, async () => void order.push('second'), {
        pollMs: 5,
        onWait: () => order.push('second waits'),
      });
      await vi.advanceTimersByTimeAsync(25);
      expect(order).toEqual(['first start', 'second waits']);
      firstMayEnd.resolve();
      await first;
      await vi.advanceTimersByTimeAsync(5);
      await second;
    } finally {
      vi.useRealTimers();
    }
    expect(order).toEqual(['first start', 'second waits', 'first end', 'second']);
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock whose holder no longer runs (killed outright)', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(lockPath, String(gone));
    await expect(withFileLock(lockPath, async () => 'built', { pollMs: 5 })).resolves.toBe('built');
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('gives the lock back when the work fails', async () => {
    await expect(
      withFileLock(lockPath, async () => {
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    expect(fs.existsSync(lockPath)).toBe(false);
    await expect(withFileLock(lockPath, async () => 'again')).resolves.toBe('again');
  });
});
