import { parse, visit, type ASTNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { literalPath, toInputPath, variablePaths } from './variable-paths.js';

const pathsOf = (source: string) => {
  const document = parse(source);
  return variablePaths(document, document.definitions[0] as OperationDefinitionNode);
};

describe('variablePaths', () => {
  it('names the argument each variable fills, inside objects and lists too', () => {
    const paths = pathsOf(
      'query ($i: In, $s: S, $ids: [ID], $n: Int) { a(input: $i) b(filter: { status: [x, $s], ids: $ids }) c { d(first: $n) } }',
    );
    expect(Object.fromEntries(paths)).toEqual({ i: 'input', s: 'filter.status[1]', ids: 'filter.ids', n: 'first' });
  });

  it('takes the first use in document order, through fragments and directives, and leaves unused ones out', () => {
    const paths = pathsOf(
      'query ($x: Int, $y: Boolean, $z: Int) { ...F a(later: $x) @include(if: $y) } fragment F on Q { b(first: $x) }',
    );
    expect(Object.fromEntries(paths)).toEqual({ x: 'first', y: 'if' });
  });
});

describe('variablePaths, qualified', () => {
  it('begins each path with the response path of its field, aliases and fragments included', () => {
    const document = parse(
      'query ($a: ID!, $b: ID!, $n: Int) { serviceNeed(id: $a) { id } m: meeting(id: $b) { ...F } } fragment F on M { items(first: $n) }',
    );
    const paths = variablePaths(document, document.definitions[0] as OperationDefinitionNode, { qualified: true });
    expect(Object.fromEntries(paths)).toEqual({ a: 'serviceNeed.id', b: 'm.id', n: 'm.items.first' });
  });
});

describe('toInputPath', () => {
  const paths = new Map([
    ['i', 'input'],
    ['ids', 'municipalityIds'],
  ]);
  it('puts the argument path in place of the variable name', () => {
    expect(toInputPath('i.title', paths)).toBe('input.title');
    expect(toInputPath('ids[0]', paths)).toBe('municipalityIds[0]');
    expect(toInputPath('i', paths)).toBe('input');
    // Another variable, and one whose name only begins like a known one, stay as they are.
    expect(toInputPath('id.x', paths)).toBe('id.x');
    expect(toInputPath('unused', paths)).toBe('unused');
  });
});

describe('literalPath', () => {
  it('names the argument a literal fills, inside objects, lists, fragments and directives, by the node an error names', () => {
    const document = parse(
      'query { a(asOf: "x", input: { t: { fi: 1 } }) { ...F } } fragment F on A { b(filter: { status: [X, Y] }) @include(if: 3) }',
    );
    const nodes: Record<string, unknown> = {};
    visit(document, {
      Argument: (n) => void (nodes[n.name.value] = n.value),
      ObjectField: (n) => void (nodes[`field ${n.name.value}`] = n),
      EnumValue: (n) => void (nodes[n.value] = n),
      Field: (n) => void (nodes[`selection ${n.name.value}`] = n),
    });
    const at = (key: string) => literalPath(document, nodes[key] as ASTNode);
    expect(at('asOf')).toBe('asOf');
    expect(at('field fi')).toBe('input.t.fi');
    expect(at('Y')).toBe('filter.status[1]');
    expect(at('if')).toBe('if');
    expect(at('selection b')).toBeUndefined();
  });
});
