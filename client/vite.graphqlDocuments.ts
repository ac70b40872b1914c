import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** An ESTree node as `this.parse` returns it (oxc): a type and its start/end offsets in the source. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** Calls `visit` on every node below `node` (itself included), with its parent. */
function walk(node: Node, visit: (node: Node, parent: Node | null) => void, parent: Node | null = null): void {
  visit(node, parent);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit, node);
    } else if (isNode(value)) walk(value, visit, node);
  }
}

/** The text a string literal or an expression-free template literal spells, else null. */
function literalText(node: Node | undefined): string | null {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && (node.expressions as Node[]).length === 0) {
    const [quasi] = node.quasis as { value: { cooked: string | null } }[];
    return quasi?.value.cooked ?? null;
  }
  return null;
}

/** `text` with everything but its line breaks blanked: what stands in for removed code, so no later line moves. */
const blankKeepingLines = (text: string): string => text.replace(/[^\n]/g, '');

/**
 * Reads codegen's lookup map (`documents` in the client preset's gql.ts): from each document's source text to the name
 * of its export in graphql.ts (`NeedsDocument`, `NeedListFieldsFragmentDoc`). Taking codegen's own map, not working the
 * names out again, means a call is replaced by exactly the document that `graphql()` would have looked up.
 */
function readDocumentMap(gqlSource: string, parse: (code: string) => Node): Map<string, string> {
  const map = new Map<string, string>();
  walk(parse(gqlSource), (node) => {
    if (node.type !== 'VariableDeclarator') return;
    const id = node.id as Node;
    const init = node.init as Node | null;
    if (id.type !== 'Identifier' || id.name !== 'documents' || init?.type !== 'ObjectExpression') return;
    for (const property of init.properties as Node[]) {
      const key = literalText(property.key as Node);
      const value = property.value as Node;
      const name = value.type === 'MemberExpression' ? (value.property as Node).name : undefined;
      if (key !== null && typeof name === 'string') map.set(key, name);
    }
  });
  return map;
}

/**
 * Reads the documents codegen wrote to graphql.ts (`export const NeedsDocument = {…} as unknown as DocumentNode<…>`):
 * from each export's name to the source text of its object, a plain JSON-like AST with its fragments inlined.
 */
function readDocuments(graphqlSource: string, parse: (code: string) => Node): Map<string, string> {
  const map = new Map<string, string>();
  for (const statement of parse(graphqlSource).body as Node[]) {
    const declaration = statement.declaration as Node | null | undefined;
    if (statement.type !== 'ExportNamedDeclaration' || declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as Node[]) {
      let init = declarator.init as Node | null;
      while (init?.type === 'TSAsExpression') init = init.expression as Node;
      const id = declarator.id as Node;
      if (init?.type === 'ObjectExpression' && typeof id.name === 'string') {
        map.set(id.name, graphqlSource.slice(init.start, init.end));
      }
    }
  }
  return map;
}

/** The module id that stands for one generated document: `virtual:graphql-document/NeedsDocument`. */
const VIRTUAL = 'virtual:graphql-document/';

export interface GraphqlDocumentsOptions {
  /** The client preset's output folder (gql.ts, graphql.ts, index.ts). */
  generatedDir: string;
}

/**
 * The production build's replacement for the client preset's `graphql()` lookup, as its Babel and SWC plugins do
 * (https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size), here as a Vite transform
 * since Vite 8 compiles with Oxc, not Babel. Each `graphql(`…`)` call becomes an import of the matching document, each
 * document a module of its own (`virtual:graphql-document/NeedsDocument`, its AST copied from the generated graphql.ts):
 * a bundler puts a whole module in one chunk, so importing the documents from graphql.ts itself put every used document
 * in one chunk shared by all pages (tried: 609 kB). `export const X = graphql(…)` becomes `import X from …; export { X }`,
 * so that a page importing X depends on X's module, not on every document of the *.documents.ts file. Documents no page
 * uses are left out, each lands in the chunk of the pages that use it, and codegen's map from every document's text to
 * its document (gql.ts) is not bundled at all.
 *
 * A call whose text codegen does not know (codegen not run since the document changed) or whose argument is not a
 * literal fails the build, naming the file and line: the lookup would have answered `{}` and the query failed in the
 * browser. Development (`vite` serve) keeps codegen's lookup: nothing is bundled there.
 */
export function graphqlDocuments({ generatedDir }: GraphqlDocumentsOptions): Plugin {
  const generated = path.resolve(generatedDir);
  const gqlFile = path.join(generated, 'gql.ts');
  const documentsFile = path.join(generated, 'graphql.ts');
  /** The modules `graphql` may be imported from, without their extension. */
  const graphqlModules = new Set([generated, path.join(generated, 'index'), path.join(generated, 'gql')]);
  /** From a document's source text to its export's name, and from that name to its AST's text. */
  let names = new Map<string, string>();
  let documents = new Map<string, string>();

  return {
    name: 'yhteispeli:graphql-documents',
    apply: 'build',
    // Before Oxc strips the types: the source is parsed as the TypeScript it is, and offsets are the file's own.
    enforce: 'pre',
    buildStart() {
      const parse = (code: string) => this.parse(code, { lang: 'ts' }) as unknown as Node;
      for (const file of [gqlFile, documentsFile]) this.addWatchFile(file);
      names = readDocumentMap(readFileSync(gqlFile, 'utf8'), parse);
      documents = readDocuments(readFileSync(documentsFile, 'utf8'), parse);
      const missing = [...names.values()].filter((name) => !documents.has(name));
      if (names.size === 0 || missing.length > 0) {
        this.error(
          `The client preset's output (${generated}) is not what this plugin reads: ${names.size} documents in gql.ts` +
            (missing.length > 0 ? `, of them not in graphql.ts: ${missing.join(', ')}` : ''),
        );
      }
    },
    resolveId: {
      filter: { id: new RegExp(`^${VIRTUAL}`) },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: new RegExp(`^\0${VIRTUAL}`) },
      handler(id) {
        const name = id.slice(VIRTUAL.length + 1);
        const document = documents.get(name);
        if (document === undefined) this.error(`No generated GraphQL document ${name}`);
        return { code: `export default ${document};\n`, moduleSideEffects: false };
      },
    },
    transform: {
      filter: { id: /\.[cm]?tsx?$/, code: 'graphql' },
      handler(code, id) {
        const file = id.split('?')[0]!;
        if (file.startsWith(generated + path.sep)) return null;
        const lang = file.endsWith('x') ? 'tsx' : 'ts';
        const program = this.parse(code, { lang }) as unknown as Node;

        // The local names `graphql` is imported as from the generated folder, with their import declarations.
        const locals = new Map<string, Node>();
        for (const statement of program.body as Node[]) {
          if (statement.type !== 'ImportDeclaration') continue;
          const from = (statement.source as Node).value as string;
          if (!from.startsWith('.')) continue;
          const target = path.resolve(path.dirname(file), from).replace(/\.[cm]?[jt]sx?$/, '');
          if (!graphqlModules.has(target)) continue;
          for (const specifier of statement.specifiers as Node[]) {
            const imported = specifier.imported as Node | undefined;
            if (specifier.type === 'ImportSpecifier' && imported?.name === 'graphql') {
              locals.set((specifier.local as Node).name as string, statement);
            }
          }
        }
        if (locals.size === 0) return null;

        // Top-level `[export] const X = graphql(…);` statements, by their call.
        const declarations = new Map<Node, { node: Node; local: string; exported: boolean }>();
        for (const statement of program.body as Node[]) {
          const exported = statement.type === 'ExportNamedDeclaration';
          const declaration = exported ? (statement.declaration as Node | null) : statement;
          if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
          const declarators = declaration.declarations as Node[];
          const [declarator] = declarators;
          const id = declarator?.id as Node | undefined;
          const init = declarator?.init as Node | null | undefined;
          if (declarators.length !== 1 || id?.type !== 'Identifier' || id.typeAnnotation || init?.type !== 'CallExpression') {
            continue;
          }
          declarations.set(init, { node: statement, local: id.name as string, exported });
        }
        const edits: { start: number; end: number; text: string }[] = [];
        const imports = new Map<string, string>();
        const otherUses = new Set<string>();
        walk(program, (node, parent) => {
          if (node.type === 'CallExpression') {
            const callee = node.callee as Node;
            if (callee.type !== 'Identifier' || !locals.has(callee.name as string)) return;
            const line = code.slice(0, node.start).split('\n').length;
            const args = node.arguments as Node[];
            const source = args.length === 1 ? literalText(args[0]) : null;
            if (source === null) {
              this.error(`${file}:${line}: graphql() takes one literal document (no \${} in it) to be resolved at build time`);
            }
            const name = names.get(source);
            if (name === undefined) {
              this.error(
                `${file}:${line}: this graphql() document is not among the generated documents (${gqlFile}); run \`npm run codegen\``,
              );
            }
            callee.replaced = true;
            const statement = declarations.get(node);
            if (statement) {
              // `[export] const X = graphql(…);` becomes `import X from …; [export { X };]`: X is then the document
              // module's own binding, so a page that imports X depends on that module alone, not on all of this file's.
              const { local, exported } = statement;
              imports.set(local, `${VIRTUAL}${name}`);
              edits.push({
                start: statement.node.start,
                end: statement.node.end,
                text:
                  (exported ? `export { ${local} };` : '') +
                  blankKeepingLines(code.slice(statement.node.start, statement.node.end)),
              });
              return;
            }
            const local = `__graphqlDocument_${name}`;
            imports.set(local, `${VIRTUAL}${name}`);
            edits.push({
              start: node.start,
              end: node.end,
              text: local + blankKeepingLines(code.slice(node.start, node.end)),
            });
            return;
          }
          if (node.type !== 'Identifier' || !locals.has(node.name as string) || node.replaced) return;
          // Names that are not references: the import itself, a property key, a member after a dot.
          if (parent?.type === 'ImportSpecifier') return;
          if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
          if (parent?.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand) return;
          otherUses.add(node.name as string);
        });
        if (edits.length === 0) return null;

        // The import of `graphql` goes where nothing else needs it, so that gql.ts is not even loaded.
        for (const [local, declaration] of locals) {
          if (otherUses.has(local) || (declaration.specifiers as Node[]).length !== 1) continue;
          const { start, end } = declaration;
          edits.push({ start, end, text: blankKeepingLines(code.slice(start, end)) });
        }
        let result = code;
        for (const edit of edits.sort((a, b) => b.start - a.start)) {
          result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
        }
        // At the end, so that no line moves: imports are hoisted wherever they stand.
        for (const [local, from] of imports) result += `\nimport ${local} from ${JSON.stringify(from)};`;
        // Every line stays where it was and only the calls' own text changed, so the mappings so far stand.
        return { code: result, map: null };
      },
    },
  };
}
