import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the operation selects any of `names` at `path` below the resolved field (e.g. `edges.node`
 * of a connection), through fragments too; true when a directive makes it uncertain. Lets a
 * resolver leave out columns nobody asked for.
 */
export function selectsAny(info: GraphQLResolveInfo, path: readonly string[], names: readonly string[]): boolean {
  const wanted = new Set(names);
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number): boolean => {
    if (!set) return false;
    for (const sel of set.selections) {
      if (sel.directives?.length) return true;
      if (sel.kind === Kind.FIELD) {
        if (depth === path.length) {
          if (wanted.has(sel.name.value)) return true;
        } else if (sel.name.value === path[depth] && visit(sel.selectionSet, depth + 1)) return true;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (visit(sel.selectionSet, depth)) return true;
      } else {
        const key = `${sel.name.value}@${depth}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (visit(info.fragments[sel.name.value]?.selectionSet, depth)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => visit(node.selectionSet, 0));
}
