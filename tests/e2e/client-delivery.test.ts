import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite } from './helpers.js';

// How the web client reaches the browser: compressed copies written by the build, and a page whose code is gone (a tab
// opened before a new release) or does not come.
const suite = e2eSuite();
const assets = path.resolve(import.meta.dirname, '../../client/dist/assets');

/** Counts the times the page at `pathname` is loaded (the document fetched). */
function loadsOf(page: Page, pathname: string): { count: number } {
  const loads = { count: 0 };
  page.on('request', (r) => void (r.resourceType() === 'document' && new URL(r.url()).pathname === pathname && loads.count++));
  return loads;
}

/** Answers the requests for the register page's code with 404 while `gone()` says so (the server of an earlier release). */
async function registerCodeGone(page: Page, gone: () => boolean): Promise<{ refused: number }> {
  const counter = { refused: 0 };
  await page.route(/\/assets\/NeedsRegisterPage-[^/]+\.js$/, async (route) => {
    if (!gone()) return route.continue();
    counter.refused++;
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
  });
  return counter;
}

describe('the built client', () => {
  it('has a Brotli and a gzip copy of each script and style sheet over 1 kB, each the same file once decoded', () => {
    const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
    const large = files.filter((f) => readFileSync(path.join(assets, f)).length >= 1024);
    expect(large.length).toBeGreaterThan(20);
    for (const file of large) {
      const original = readFileSync(path.join(assets, file));
      expect(zlib.brotliDecompressSync(readFileSync(path.join(assets, `${file}.br`))).equals(original), file).toBe(true);
      expect(zlib.gunzipSync(readFileSync(path.join(assets, `${file}.gz`))).equals(original), file).toBe(true);
    }
  });

  it('reaches the browser compressed, and its hashed files are cached for good', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/' });
    const scripts: Response[] = [];
    page.on('response', (r) => void (/\/assets\/.+\.js$/.test(r.url()) && scripts.push(r)));
    await page.goto(`${suite.server.url}/needs`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(scripts.length).toBeGreaterThan(3);
    // The build writes no copy of a file under 1 kB (the bundler's runtime): compressing it would save less than a header.
    const copied = scripts.filter(
      (r) => readFileSync(path.join(assets, path.basename(new URL(r.url()).pathname))).length >= 1024,
    );
    expect(copied.length).toBeGreaterThan(3);
    for (const response of copied) {
      const headers = await response.allHeaders();
      expect(['br', 'gzip'], response.url()).toContain(headers['content-encoding']);
      expect(headers['cache-control'], response.url()).toBe('public, max-age=31536000, immutable');
    }
  });
});

describe('a page whose code does not come', () => {
  it('is loaded again once when its code is gone (a new release), and then shows', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/' });
    const loads = loadsOf(page, '/needs');
    // Gone for the first load of the page only: the second gets the new release.
    const gone = await registerCodeGone(page, () => loads.count < 2);
    await page.goto(`${suite.server.url}/needs`);
    await page.getByRole('heading', { level: 1, name: 'Palvelutarpeet' }).waitFor();
    expect(gone.refused).toBeGreaterThan(0);
    expect(loads.count).toBe(2);
  });

  it('says so with a retry button when it does not come after loading again, instead of a blank app', async () => {
    const page = await suite.signedIn('admin@demo.local', { landing: '/' });
    const loads = loadsOf(page, '/needs');
    const gone = await registerCodeGone(page, () => true);
    await page.goto(`${suite.server.url}/needs`);
    await page.getByText('Palvelimeen ei saatu yhteyttä.', { exact: false }).waitFor();
    expect(gone.refused).toBeGreaterThan(0);
    expect(loads.count).toBe(2);
    // The shell stays: the navigation still works.
    expect(await page.getByRole('navigation').first().isVisible()).toBe(true);
    const retry = page.getByRole('button', { name: 'Yritä uudelleen' });
    await page.unroute(/\/assets\/NeedsRegisterPage-[^/]+\.js$/);
    await retry.click();
    await page.getByRole('heading', { level: 1, name: 'Palvelutarpeet' }).waitFor();
  });
});
