import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The built client (`npm run build`, which test:e2e runs first), as `npm start` serves it.
const dist = path.resolve(import.meta.dirname, '../../client/dist');

describe('the built web client', () => {
  it('has no chunk over 500 kB, so the build (and a first `npm start`) prints no chunk-size warning', () => {
    const assets = path.join(dist, 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    // Vite warns when a chunk's code passes 500 kB (its chunkSizeWarningLimit, in units of 1,000).
    const oversized = scripts.filter((f) => statSync(path.join(assets, f)).size > 500_000);
    expect(oversized).toEqual([]);
  });

  it('loads the meeting room editor (ProseMirror, Yjs) only on the page that edits, not on first load', () => {
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(initial.length).toBeGreaterThan(0);
    for (const file of initial) expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toContain('ProseMirror');
  });
});
