import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { graphqlDocuments } from './vite.graphqlDocuments.ts';

// A client in miniature: codegen's output as the client preset writes it (gql.ts's lookup map, graphql.ts's documents)
// and sources that call graphql() as the app's *.documents.ts do.
const QUERY = '\n  query Needs {\n    needs {\n      ...NeedFields\n    }\n  }\n';
const FRAGMENT = '\n  fragment NeedFields on ServiceNeed {\n    id\n  }\n';
const UNUSED = '\n  query Unused {\n    parties {\n      id\n    }\n  }\n';
const ast = (name: string) => ({ kind: 'Document', definitions: [{ kind: 'Marker', name: `${name}-ast` }] });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes the miniature client with `sources` under src/ and builds src/entry.ts as a library (its exports kept): the
 * built code, and each source as the plugin left it.
 */
async function buildWith(sources: Record<string, string>): Promise<{ code: string; transformed: Map<string, string> }> {
  const root = mkdtempSync(path.join(tmpdir(), 'yp-graphql-documents-'));
  dirs.push(root);
  const generated = path.join(root, 'src/graphql/generated');
  mkdirSync(generated, { recursive: true });
  const entries: [string, string][] = [
    [QUERY, 'NeedsDocument'],
    [FRAGMENT, 'NeedFieldsFragmentDoc'],
    [UNUSED, 'UnusedDocument'],
  ];
  writeFileSync(
    path.join(generated, 'gql.ts'),
    [
      "import * as types from './graphql';",
      `type Documents = { ${entries.map(([text, name]) => `${JSON.stringify(text)}: typeof types.${name}`).join(', ')} };`,
      'const documents: Documents = {',
      ...entries.map(([text, name]) => `    ${JSON.stringify(text)}: types.${name},`),
      '};',
      'export function graphql(source: string): unknown {',
      '  return (documents as Record<string, unknown>)[source] ?? {};',
      '}',
    ].join('\n'),
  );
  writeFileSync(
    path.join(generated, 'graphql.ts'),
    [
      "import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';",
      'export type NeedsQuery = { needs: { id: string }[] };',
      ...entries.map(
        ([, name]) => `export const ${name} = ${JSON.stringify(ast(name))} as unknown as DocumentNode<NeedsQuery, unknown>;`,
      ),
    ].join('\n'),
  );
  writeFileSync(path.join(generated, 'index.ts'), 'export * from "./gql";\n');
  for (const [file, code] of Object.entries(sources)) writeFileSync(path.join(root, 'src', file), code);
  const transformed = new Map<string, string>();
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [
      graphqlDocuments({ generatedDir: generated }),
      // Right after it (both run before the types are stripped): what it made of each source.
      {
        name: 'seen',
        enforce: 'pre',
        transform(code, id) {
          if (id.startsWith(path.join(root, 'src')) && !id.startsWith(generated)) transformed.set(path.basename(id), code);
        },
      },
    ],
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(root, 'src/entry.ts'), formats: ['es'], fileName: 'entry' },
    },
  })) as Rolldown.RolldownOutput[];
  const chunks = output.flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  expect(chunks).toHaveLength(1);
  return { code: chunks[0]!.code, transformed };
}

const documentsFile = [
  "import { graphql } from './graphql/generated';",
  `export const NeedFields = graphql(\`${FRAGMENT}\`);`,
  `export const NeedsQuery = graphql(\`${QUERY}\`);`,
  // A call inside an expression, not a declaration of its own.
  `export const both = [graphql(\`${QUERY}\`), graphql(\`${FRAGMENT}\`)];`,
  // Used in its own file too, as needsAccess.ts does.
  'export const needsQuery = () => NeedsQuery;',
].join('\n');

describe('graphqlDocuments (Vite plugin)', () => {
  it('replaces each graphql() call by its generated document, leaving out the lookup map and documents nobody uses', async () => {
    const { code } = await buildWith({
      'needs.documents.ts': documentsFile,
      'entry.ts': "export { NeedFields, NeedsQuery, both, needsQuery } from './needs.documents';\n",
    });
    const built = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<
      string,
      unknown
    >;
    expect(built.NeedsQuery).toEqual(ast('NeedsDocument'));
    expect(built.NeedFields).toEqual(ast('NeedFieldsFragmentDoc'));
    expect(built.both).toEqual([ast('NeedsDocument'), ast('NeedFieldsFragmentDoc')]);
    expect((built.needsQuery as () => unknown)()).toEqual(ast('NeedsDocument'));
    expect(code).not.toContain('UnusedDocument-ast');
    expect(code).not.toContain('query Needs');
    expect(code).not.toContain('function graphql');
  });

  it('keeps the lines of the file where they were, so that the source map stays right', async () => {
    const { transformed } = await buildWith({
      'needs.documents.ts': documentsFile,
      'entry.ts': "export { NeedsQuery } from './needs.documents';\n",
    });
    const before = documentsFile.split('\n');
    const after = transformed.get('needs.documents.ts')!.split('\n');
    expect(after.length).toBeGreaterThan(before.length);
    const line = (lines: string[], text: string) => lines.findIndex((l) => l.includes(text));
    expect(line(after, 'export { NeedsQuery }')).toBe(line(before, 'export const NeedsQuery'));
    expect(line(after, 'export const both')).toBe(line(before, 'export const both'));
    expect(line(after, 'export const needsQuery')).toBe(line(before, 'export const needsQuery'));
    // The imports of the documents come after the last line.
    expect(after.slice(before.length).join('\n')).toContain('virtual:graphql-document/NeedsDocument');
  });

  it('fails the build, naming the file and line, when codegen does not know a document (not run since it changed)', async () => {
    const changed = `import { graphql } from './graphql/generated';\n\nexport const Q = graphql(\`\n  query Needs {\n    needs { id }\n  }\n\`);\n`;
    await expect(buildWith({ 'q.documents.ts': changed, 'entry.ts': "export { Q } from './q.documents';\n" })).rejects.toThrow(
      /q\.documents\.ts:3: this graphql\(\) document is not among the generated documents .*npm run codegen/,
    );
  });

  it('fails the build when a document is not one literal text', async () => {
    const built = `import { graphql } from './graphql/generated';\nconst name = 'Needs';\nexport const Q = graphql(\`query \${name} { needs { id } }\`);\n`;
    await expect(buildWith({ 'q.documents.ts': built, 'entry.ts': "export { Q } from './q.documents';\n" })).rejects.toThrow(
      /q\.documents\.ts:3: graphql\(\) takes one literal document/,
    );
  });

  it('leaves development to the lookup map (it applies to builds only)', () => {
    expect(graphqlDocuments({ generatedDir: '.' }).apply).toBe('build');
  });
});
