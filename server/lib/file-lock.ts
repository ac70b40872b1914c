import fs from 'node:fs';

/** Whether a process with this id runs on this machine (a signal 0 tests without sending anything). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock file if it is free or its holder is gone; false while a live process holds it. */
function tryTake(lockPath: string): boolean {
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
  // A holder killed outright (kill -9) left its file behind; an empty file is one being written now.
  if (Number.isInteger(holder) && holder > 0 && !running(holder)) {
    fs.rmSync(lockPath, { force: true });
    return tryTake(lockPath);
  }
  return false;
}

/**
 * Runs `work` while this process holds the lock file, so that two processes on one checkout (two
 * `npm start` at once) do not run it at the same time: the second waits until the first is done, checking
 * every `pollMs` (after telling `onWait`). The file holds the holder's process id; a file whose holder no longer runs is taken over.
 * The lock is given back when `work` ends, and also when the process exits during it.
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  { pollMs = 250, onWait }: { pollMs?: number; onWait?: () => void } = {},
): Promise<T> {
  if (!tryTake(lockPath)) {
    onWait?.();
    do await new Promise((resolve) => setTimeout(resolve, pollMs));
    while (!tryTake(lockPath));
  }
  const release = () => fs.rmSync(lockPath, { force: true });
  process.once('exit', release);
  try {
    return await work();
  } finally {
    process.off('exit', release);
    release();
  }
}
