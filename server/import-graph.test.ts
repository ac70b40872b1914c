import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The gate that keeps server/ free of import cycles (issue 11 found one of 19 files). Type-only imports count:
 * a cycle through types is still a knot a reader must untangle, and it becomes a runtime cycle with the next value.
 */

/** Every import and re-export of `file` that names another file of `root` (relative paths, `.js` written for `.ts`). */
function importsOf(file: string, root: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name).replace(/\.js$/, '.ts'))
    .filter((target) => target.startsWith(root + path.sep) && fs.existsSync(target));
}

/** The import graph of the TypeScript files under `root`, codegen's output included (migrations are SQL and JSON). */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'migrations') walk(full);
      } else if (entry.name.endsWith('.ts')) graph.set(full, importsOf(full, root));
    }
  };
  walk(root);
  return graph;
}

/** The cycles of a graph: its strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('the import graph of server/', () => {
  it('finds a cycle through any number of files, and a file that imports itself', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('reads type-only imports and re-exports as edges', () => {
    const root = path.resolve(import.meta.dirname);
    const imports = importsOf(path.join(root, 'graphql/mappers.ts'), root).map((f) => path.relative(root, f));
    expect(imports).toContain(path.join('modules', 'parties', 'parties.models.ts'));
    expect(importsOf(path.join(root, 'graphql/context.ts'), root).map((f) => path.relative(root, f))).toContain(
      path.join('modules', 'loaders.ts'),
    );
  });

  it('has no cycle', () => {
    const root = path.resolve(import.meta.dirname);
    const graph = importGraph(root);
    expect(graph.size).toBeGreaterThan(100);
    expect(cyclesOf(graph).map((cycle) => cycle.map((f) => path.relative(root, f)))).toEqual([]);
  });
});
