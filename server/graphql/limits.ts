import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
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
import { DEFAULT_PAGE_SIZE, maxPageSize } from '../lib/connection.js';

/** A list without `first` is assumed to hold this many items when estimating cost. */
export const DEFAULT_LIST_SIZE = 20;

/**
 * The depth an introspection subtree (`__schema`, `__type`) may reach, whatever the data limit: the
 * standard full introspection query (graphql-js `getIntrospectionQuery()` with every option) is 15
 * deep, and clients that unwrap a few more `ofType` levels still fit. A deeper one is refused.
 */
export const INTROSPECTION_MAX_DEPTH = 20;

/** What an operation would cost, measured on the document before it runs. */
export interface Measurement {
  depth: number;
  aliases: number;
  cost: number;
  /** True when it asks for `__schema` or `__type`. */
  introspection: boolean;
  /**
   * The deepest introspection subtree and the aliases in all of them, measured apart from the data:
   * `depth`, `aliases` and `cost` above count the data part alone.
   */
  introspectionDepth?: number;
  introspectionAliases?: number;
  /** The pageable list (a field with `first`) that costs the most, by field path, with its total cost and page size. */
  heaviestList?: HeaviestList;
}

/** Where most of a query's cost comes from: a list that `first` pages. */
export interface HeaviestList {
  path: string;
  cost: number;
  first: number;
  /** The part of `cost` that does not grow with `first` (a connection's totalCount and pageInfo). */
  fixed?: number;
  /** The largest `first` the field takes (lib/connection.ts): a hint never suggests more. */
  max?: number;
}

/** A selection set's measure relative to where it stands: its own depth below, aliases and cost per instance. */
interface Partial extends Measurement {
  /** The part of `cost` multiplied by the page size of the connection this selection belongs to (its edges). */
  scaled?: number;
}

const heavier = (a: HeaviestList | undefined, b: HeaviestList | undefined) => (!a || (b && b.cost > a.cost) ? b : a);

const add = (a: number, b: number) => Math.min(Number.MAX_SAFE_INTEGER, a + b);
const mul = (a: number, b: number) => Math.min(Number.MAX_SAFE_INTEGER, a * b);

/**
 * Measures depth, aliases and cost. Cost counts each field once, multiplied by
 * the size of the lists above it: `first` where given, at most the field's maximum (a connection without it
 * counts its default page), else DEFAULT_LIST_SIZE. A connection's page size
 * multiplies its `edges` (and `nodes`) only: `totalCount` and `pageInfo` are
 * answered once per page and count once. Each fragment is measured
 * once and reused, so nested spreads cannot make the measuring itself costly.
 * Introspection subtrees (`__schema`, `__type`) are measured apart: they add nothing to the data's
 * depth, aliases and cost, and have their own depth and alias count (checked against
 * INTROSPECTION_MAX_DEPTH and the alias limit), so a query mixing both is limited in each part.
 */
export function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): Measurement {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  // Variables the caller did not send take the operation's defaults.
  const values: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) values[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  }
  Object.assign(values, variables);
  const memo = new Map<string, Partial>();
  const visiting = new Set<string>();

  const fieldsOf = (type: GraphQLNamedType | undefined): Record<string, GraphQLField<unknown, unknown>> =>
    type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : {};

  const argValue = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === Kind.VARIABLE) return values[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    return undefined;
  };

  /** `page`: the page size of the connection whose selection this is (multiplies its edges). */
  const fragment = (name: string, page: number | undefined): Partial => {
    const key = `${name}@${page ?? ''}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const frag = fragments.get(name);
    // A cycle or an unknown fragment is refused by validation; measure it as nothing.
    if (!frag || visiting.has(name)) return { depth: 0, aliases: 0, cost: 0, introspection: false };
    visiting.add(name);
    const result = selection(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? undefined, page);
    visiting.delete(name);
    memo.set(key, result);
    return result;
  };

  const selection = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, page?: number): Partial => {
    const out: Partial = { depth: 0, aliases: 0, cost: 0, introspection: false };
    const merge = (p: Partial) => {
      out.depth = Math.max(out.depth, p.depth);
      out.aliases = add(out.aliases, p.aliases);
      out.cost = add(out.cost, p.cost);
      out.scaled = add(out.scaled ?? 0, p.scaled ?? 0);
      out.introspection ||= p.introspection;
      out.introspectionDepth = Math.max(out.introspectionDepth ?? 0, p.introspectionDepth ?? 0);
      out.introspectionAliases = add(out.introspectionAliases ?? 0, p.introspectionAliases ?? 0);
      out.heaviestList = heavier(out.heaviestList, p.heaviestList);
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) merge(fragment(sel.name.value, page));
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        merge(selection(sel.selectionSet, t ?? parent, page));
      } else merge(field(sel, parent, page));
    }
    return out;
  };

  const field = (node: FieldNode, parent: GraphQLNamedType | undefined, page: number | undefined): Partial => {
    const name = node.name.value;
    const introspection = name === '__schema' || name === '__type';
    const def =
      fieldsOf(parent)[name] ??
      (introspection ? (name === '__schema' ? schema.getType('__Schema') : schema.getType('__Type')) : undefined);
    const own = { depth: 1, aliases: node.alias ? 1 : 0, cost: name.startsWith('__') && !introspection ? 0 : 1, introspection };
    if (!node.selectionSet) return own;
    const named = def && 'type' in def ? getNamedType(def.type) : (def as GraphQLNamedType | undefined);
    const returnType = def && 'type' in def ? getNullableType(def.type) : undefined;
    let multiplier = 1;
    const hasFirst = def && 'args' in def && def.args.some((a) => a.name === 'first');
    const first = argValue(node.arguments?.find((a) => a.name.value === 'first')?.value);
    const inConnection = parent?.name.endsWith('Connection') ?? false;
    // A page never holds more than the field's maximum: a `first` over it is refused as BAD_USER_INPUT on `first`
    // when the field runs, so it costs what the largest page would, and only a query too costly even so is refused here.
    const max = hasFirst ? maxPageSize(`${parent?.name ?? ''}.${name}`) : Number.MAX_SAFE_INTEGER;
    if (typeof first === 'number') multiplier = Math.max(1, Math.min(first, max));
    else if (hasFirst) multiplier = DEFAULT_PAGE_SIZE;
    else if (inConnection && (name === 'edges' || name === 'nodes')) multiplier = page ?? 1;
    else if (returnType && isListType(returnType) && !inConnection) multiplier = DEFAULT_LIST_SIZE;
    // A paged connection passes its page size down to its edges; the connection itself is one.
    const paged = hasFirst && !introspection && (named?.name.endsWith('Connection') ?? false);
    const child = selection(node.selectionSet, named, paged ? multiplier : undefined);
    const pageSize = multiplier;
    if (paged) multiplier = 1;
    // Paths are relative to the selection (fragments are measured once), prefixed on the way up.
    const below = child.heaviestList && {
      ...child.heaviestList,
      path: `${name}.${child.heaviestList.path}`,
      cost: mul(multiplier, child.heaviestList.cost),
      fixed: mul(multiplier, child.heaviestList.fixed ?? 0),
    };
    const fixed = paged ? child.cost - (child.scaled ?? 0) : 0;
    const self =
      hasFirst && !introspection
        ? {
            path: name,
            cost: mul(multiplier, child.cost),
            first: pageSize,
            fixed: mul(multiplier, fixed),
            max,
          }
        : undefined;
    if (introspection) {
      // Only the root query has `__schema` and `__type`, and nothing below them is data.
      return {
        depth: 0,
        aliases: 0,
        cost: 0,
        introspection: true,
        introspectionDepth: 1 + child.depth,
        introspectionAliases: add(own.aliases, child.aliases),
      };
    }
    const edges = inConnection && (name === 'edges' || name === 'nodes');
    return {
      depth: 1 + child.depth,
      aliases: add(own.aliases, child.aliases),
      cost: add(own.cost, mul(multiplier, child.cost)),
      introspection: child.introspection,
      introspectionDepth: child.introspectionDepth,
      introspectionAliases: child.introspectionAliases,
      heaviestList: heavier(self, below),
      scaled: edges ? mul(multiplier, child.cost) : 0,
    };
  };

  const root = schema.getRootType(operation.operation);
  const m = selection(operation.selectionSet, root ?? undefined);
  return {
    depth: m.depth,
    aliases: m.aliases,
    cost: m.cost,
    introspection: m.introspection,
    introspectionDepth: m.introspectionDepth ?? 0,
    introspectionAliases: m.introspectionAliases ?? 0,
    heaviestList: m.heaviestList,
  };
}

/** QUERY_TOO_COMPLEX for the first limit the measurement exceeds, or undefined. */
export function checkLimits(m: Measurement, limits: QueryLimits): AppError | undefined {
  const over = (what: string, limit: number, actual: number, hint = '', extra: Record<string, unknown> = {}) =>
    new AppError('QUERY_TOO_COMPLEX', `Query ${what} ${actual} exceeds the limit of ${limit}${hint}`, {
      limit,
      actual,
      measure: what,
      ...extra,
      http: { status: 400 },
    });
  if (m.depth > limits.maxDepth) return over('depth', limits.maxDepth, m.depth);
  if (m.aliases > limits.maxAliases) return over('aliases', limits.maxAliases, m.aliases);
  if (m.cost > limits.maxCost) {
    const list = m.heaviestList;
    if (!list) return over('cost', limits.maxCost, m.cost);
    // The page size that would bring the whole query under the limit, if this list alone shrank.
    const fixed = list.fixed ?? 0;
    const perItem = Math.max(1, list.cost - fixed) / list.first;
    const fits = Math.floor((limits.maxCost - (m.cost - list.cost) - fixed) / perItem);
    // Never more than the field takes: `first` over its maximum is refused as BAD_USER_INPUT when it runs.
    const suggested = Math.min(fits, list.first - 1, list.max ?? Number.MAX_SAFE_INTEGER);
    const advice =
      fits >= 1
        ? `ask for first: ${suggested} or fewer and follow pageInfo.endCursor for the rest`
        : 'even first: 1 is over the limit, so ask for fewer fields in it or fewer of the lists around it';
    return over(
      'cost',
      limits.maxCost,
      m.cost,
      `; most of it is the list ${list.path} (cost ${list.cost} with first: ${list.first}): ${advice}`,
      {
        listPath: list.path,
        suggestedFirst: fits >= 1 ? suggested : null,
      },
    );
  }
  // Introspection's own bounds: generous enough for every standard introspection query, not unbounded.
  const introspectionDepth = m.introspectionDepth ?? 0;
  if (introspectionDepth > INTROSPECTION_MAX_DEPTH)
    return over('introspection depth', INTROSPECTION_MAX_DEPTH, introspectionDepth, '', { measure: 'introspectionDepth' });
  const introspectionAliases = m.introspectionAliases ?? 0;
  if (introspectionAliases > limits.maxAliases)
    return over('introspection aliases', limits.maxAliases, introspectionAliases, '', { measure: 'introspectionAliases' });
  return undefined;
}
