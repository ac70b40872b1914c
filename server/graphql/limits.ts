import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { QueryLimits } from '../config.js';
import { AppError } from '../errors.js';

/** A list without `first` is assumed to hold this many items when estimating cost. */
export const DEFAULT_LIST_SIZE = 20;

/** What an operation would cost, measured on the document before it runs. */
export interface Measurement {
  depth: number;
  aliases: number;
  cost: number;
  /** True when it asks for `__schema` or `__type`. */
  introspection: boolean;
}

function argValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/**
 * Measures depth, aliases and cost. Cost counts each field once, multiplied by
 * the size of the lists above it: `first` where given, else DEFAULT_LIST_SIZE.
 */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): Measurement {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const m: Measurement = { depth: 0, aliases: 0, cost: 0, introspection: false };

  const fieldsOf = (type: GraphQLNamedType | undefined): Record<string, GraphQLField<unknown, unknown>> =>
    type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : {};

  // Returns the cost of one instance of the selection set's parent.
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, depth: number, visiting: Set<string>): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || visiting.has(frag.name.value)) continue;
        const next = new Set(visiting).add(frag.name.value);
        cost += walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? parent, depth, next);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        cost += walk(sel.selectionSet, t ?? parent, depth, visiting);
      } else {
        cost += fieldCost(sel, parent, depth, visiting);
      }
    }
    return cost;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined, depth: number, visiting: Set<string>): number => {
    const name = field.name.value;
    if (field.alias) m.aliases++;
    if (name === '__schema' || name === '__type') m.introspection = true;
    m.depth = Math.max(m.depth, depth);
    if (name.startsWith('__')) return 0;
    const def = fieldsOf(parent)[name];
    if (!field.selectionSet) return 1;
    const returnType = def ? getNullableType(def.type) : undefined;
    const named = def ? getNamedType(def.type) : undefined;
    const first = argValue(field.arguments?.find((a) => a.name.value === 'first')?.value, variables);
    const inConnection = parent?.name.endsWith('Connection') ?? false;
    let multiplier = 1;
    if (typeof first === 'number') multiplier = Math.max(1, first);
    else if (returnType && isListType(returnType) && !inConnection) multiplier = DEFAULT_LIST_SIZE;
    return 1 + multiplier * walk(field.selectionSet, named, depth + 1, visiting);
  };

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  m.cost = walk(operation.selectionSet, root ?? undefined, 1, new Set());
  return m;
}

/** QUERY_TOO_COMPLEX for the first limit the measurement exceeds, or undefined. */
export function checkLimits(m: Measurement, limits: QueryLimits): AppError | undefined {
  const over = (what: string, limit: number, actual: number) =>
    new AppError('QUERY_TOO_COMPLEX', `Query ${what} ${actual} exceeds the limit of ${limit}`, {
      limit,
      actual,
      measure: what,
      http: { status: 400 },
    });
  if (m.depth > limits.maxDepth) return over('depth', limits.maxDepth, m.depth);
  if (m.aliases > limits.maxAliases) return over('aliases', limits.maxAliases, m.aliases);
  if (m.cost > limits.maxCost) return over('cost', limits.maxCost, m.cost);
  return undefined;
}
