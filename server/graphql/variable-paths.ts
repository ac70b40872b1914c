import {
  Kind,
  type ArgumentNode,
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Where each variable of an operation is first used, as the input path of the argument it fills
 * (`extensions.fields` names input paths, not the client's variable names): `createServiceNeed(input: $i)`
 * gives `i` → `input`, `serviceNeeds(filter: { status: [$s] })` gives `s` → `filter.status[0]`. The
 * operation is read in document order, each fragment where it is first spread; a variable used in
 * several places takes its first use. With `qualified`, each path begins with the response path of the
 * field whose argument it fills (`meeting(id: $m)` gives `m` → `meeting.id`), which tells apart two
 * variables that fill arguments of the same name.
 */
export function variablePaths(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  opts: { qualified?: boolean } = {},
): Map<string, string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const paths = new Map<string, string>();
  const seen = new Set<string>();
  const useValue = (value: ValueNode, path: string) => {
    // A stack, pushed in reverse so that values are met in document order: no recursion on nested literals.
    const stack: { value: ValueNode; path: string }[] = [{ value, path }];
    while (stack.length) {
      const { value: v, path: p } = stack.pop()!;
      if (v.kind === Kind.VARIABLE) {
        if (!paths.has(v.name.value)) paths.set(v.name.value, p);
      } else if (v.kind === Kind.LIST) {
        for (let i = v.values.length - 1; i >= 0; i--) stack.push({ value: v.values[i]!, path: `${p}[${i}]` });
      } else if (v.kind === Kind.OBJECT) {
        for (let i = v.fields.length - 1; i >= 0; i--)
          stack.push({ value: v.fields[i]!.value, path: `${p}.${v.fields[i]!.name.value}` });
      }
    }
  };
  const at = (prefix: string, name: string) => (opts.qualified && prefix ? `${prefix}.${name}` : name);
  const useArguments = (args: readonly ArgumentNode[] | undefined, prefix: string) => {
    for (const arg of args ?? []) useValue(arg.value, at(prefix, arg.name.value));
  };
  const useDirectives = (directives: readonly DirectiveNode[] | undefined, prefix: string) => {
    for (const d of directives ?? []) useArguments(d.arguments, prefix);
  };
  const walk = (set: SelectionSetNode, prefix: string) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const field = at(prefix, sel.alias?.value ?? sel.name.value);
        useDirectives(sel.directives, field);
        useArguments(sel.arguments, field);
        if (sel.selectionSet) walk(sel.selectionSet, field);
        continue;
      }
      useDirectives(sel.directives, prefix);
      if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, prefix);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        if (fragment) {
          useDirectives(fragment.directives, prefix);
          walk(fragment.selectionSet, prefix);
        }
      }
    }
  };
  useDirectives(operation.directives, '');
  walk(operation.selectionSet, '');
  return paths;
}

/**
 * An input path that starts with a variable's name (`i.title`, `ids[0]`, `n`) as the path of the argument
 * the variable fills (`input.title`, `municipalityIds[0]`, `name`); unchanged when the variable is not used.
 */
export function toInputPath(path: string, paths: ReadonlyMap<string, string>): string {
  const match = /^([_A-Za-z][_0-9A-Za-z]*)(.*)$/s.exec(path);
  const at = match && paths.get(match[1]!);
  return at ? at + match[2]! : path;
}

/**
 * The input path of a literal written into an argument (`serviceNeed(asOf: "…")` gives `asOf`,
 * `createServiceNeed(input: { titles: { fi: 1 } })` gives `input.titles.fi`, a list item `filter.status[1]`),
 * found by the AST node a graphql-js validation error names (the value, or the input object field); undefined
 * when the node is not inside an argument's value (a field, a variable definition). Searched in every
 * operation and fragment of the document, without recursion on nested literals.
 */
export function literalPath(document: DocumentNode, target: ASTNode): string | undefined {
  const stack: { node: ASTNode; path: string }[] = [];
  const sets: SelectionSetNode[] = [];
  const pushArguments = (args: readonly ArgumentNode[] | undefined) => {
    for (const arg of args ?? []) stack.push({ node: arg.value, path: arg.name.value });
  };
  const pushDirectives = (directives: readonly DirectiveNode[] | undefined) => {
    for (const d of directives ?? []) pushArguments(d.arguments);
  };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION) continue;
    pushDirectives(d.directives);
    sets.push(d.selectionSet);
  }
  while (sets.length) {
    for (const sel of sets.pop()!.selections) {
      pushDirectives(sel.directives);
      if (sel.kind === Kind.FIELD) pushArguments(sel.arguments);
      if (sel.kind !== Kind.FRAGMENT_SPREAD && sel.selectionSet) sets.push(sel.selectionSet);
    }
  }
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node === target) return path;
    if (node.kind === Kind.LIST) node.values.forEach((v, i) => stack.push({ node: v, path: `${path}[${i}]` }));
    else if (node.kind === Kind.OBJECT) {
      for (const f of node.fields) {
        if (f === target) return `${path}.${f.name.value}`;
        stack.push({ node: f.value, path: `${path}.${f.name.value}` });
      }
    }
  }
  return undefined;
}
