import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eSuite, launchBrowser } from './helpers.js';

// The built client (`npm run build`, which test:e2e runs first), as `npm start` serves it.
const dist = path.resolve(import.meta.dirname, '../../client/dist');
const assets = path.join(dist, 'assets');
const scripts = () => readdirSync(assets).filter((f) => f.endsWith('.js'));

/**
 * The names of the GraphQL operations whose documents a script holds: a document's AST as codegen writes it, minified
 * (`{kind:"OperationDefinition",operation:"query",name:{kind:"Name",value:"Needs"}…`).
 */
function operationsIn(code: string): Set<string> {
  const q = '[`"\']';
  const operation = new RegExp(
    `kind:${q}OperationDefinition${q},operation:${q}(?:query|mutation|subscription)${q},name:\\{kind:${q}Name${q},value:${q}(\\w+)${q}`,
    'g',
  );
  return new Set([...code.matchAll(operation)].map((m) => m[1]!));
}

const suite = e2eSuite();

describe('the built web client', () => {
  it('has no chunk over 500 kB, so the build (and a first `npm start`) prints no chunk-size warning', () => {
    expect(scripts().length).toBeGreaterThan(10);
    // Vite warns when a chunk's code passes 500 kB (its chunkSizeWarningLimit, in units of 1,000).
    const oversized = scripts().filter((f) => statSync(path.join(assets, f)).size > 500_000);
    expect(oversized).toEqual([]);
  });

  it('loads the meeting room editor (ProseMirror, Yjs) only on the page that edits, not on first load', () => {
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(initial.length).toBeGreaterThan(0);
    for (const file of initial) expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toContain('ProseMirror');
  });
});

describe("the built client's GraphQL documents", () => {
  const byScript = new Map(scripts().map((f) => [f, operationsIn(readFileSync(path.join(assets, f), 'utf8'))]));
  const all = new Set([...byScript.values()].flatMap((names) => [...names]));

  it('are spread over the pages that use them: no chunk holds more than a quarter of them', () => {
    expect(all.size).toBeGreaterThan(100);
    const crowded = [...byScript].filter(([, names]) => names.size > all.size / 4).map(([f, names]) => `${f}: ${names.size}`);
    expect(crowded).toEqual([]);
  });

  it("are bundled as documents only: neither graphql()'s source texts nor codegen's lookup map from them", () => {
    // The map's keys are the documents' source texts (`fragment PartyNameFields on Party {…`); an AST holds no source.
    const withSources = scripts().filter((f) =>
      /\b(?:fragment \w+ on \w+|(?:query|mutation|subscription) \w+\s*[({])/.test(readFileSync(path.join(assets, f), 'utf8')),
    );
    expect(withSources).toEqual([]);
  });

  it('come to the login page only as far as it needs them, not all at once', async () => {
    const browser = await launchBrowser();
    suite.browsers.push(browser);
    const loaded = new Set<string>();
    browser.page.on('response', (r) => {
      const file = /\/assets\/([^/]+\.js)$/.exec(new URL(r.url()).pathname)?.[1];
      if (file) loaded.add(file);
    });
    await browser.page.goto(`${suite.server.url}/login`);
    await browser.page.locator('#login-email').waitFor();
    expect(loaded.size).toBeGreaterThan(0);
    const operations = new Set([...loaded].flatMap((f) => [...(byScript.get(f) ?? [])]));
    expect(operations.size).toBeLessThan(all.size / 10);
    expect(browser.errors).toEqual([]);
  });
});
