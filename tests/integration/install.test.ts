import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('installing', () => {
  // `npm ci` warns "ERESOLVE overriding peer dependency" for every peer the lock file leaves unmet (e.g. an
  // @tiptap extension of one version wanting @tiptap/core of another); `npm ls` reports the same as "invalid".
  it('resolves every peer dependency in the lock file, so `npm ci` prints no peer-dependency warnings', () => {
    const ls = spawnSync('npm', ['ls', '--all', '--package-lock-only'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const invalid = ls.stdout.split('\n').filter((line) => / invalid|UNMET (?!OPTIONAL)/.test(line));
    expect(invalid).toEqual([]);
    expect(ls.status, ls.stderr).toBe(0);
  }, 60_000);
});
