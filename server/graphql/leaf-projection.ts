import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLScalarType,
} from 'graphql';

/**
 * The resolve of a subscription field whose event payload is already the field's value (a
 * co-edited document's update). Marks the field for `leafProjection`.
 */
export const passThrough: GraphQLFieldResolver<unknown, unknown> = (payload) => payload;

/** How one event becomes the result: the root field's key, and per selected leaf its key, source property and scalar. */
interface Plan {
  rootKey: string;
  leaves: { key: string; name: string; scalar: GraphQLScalarType | null; nonNull: boolean; typename?: string }[];
  /** Payloads serialised already (`leafFrame`): one relayed update is the same JSON for every subscriber of this document. */
  serialised: WeakMap<object, string>;
}

const plans = new WeakMap<DocumentNode, Plan | null>();

/**
 * A cheap stand-in for graphql-js `execute` per event, for subscriptions that select only scalar
 * fields without arguments, aliases of their own resolvers or directives, of a `passThrough` root
 * field: the result is the payload's properties, serialised. Such an event goes to every editor of a
 * document, once per keystroke, and the full execution (variable coercion, field collection,
 * resolver calls) was most of its cost. Returns null when the operation does not qualify; the
 * projection returns null for a payload it cannot render (a null in a non-null field), so that
 * `execute` produces the proper error.
 */
export function leafProjection(args: ExecutionArgs): ((payload: unknown) => ExecutionResult | null) | null {
  const plan = planOf(args);
  return plan && ((payload) => render(plan, payload));
}

/**
 * `leafProjection`, serialised: the JSON of the result (the `payload` of a `next` frame), made once per
 * payload object for every subscription with the same document (a relayed update goes to every editor).
 */
export function leafFrame(args: ExecutionArgs): ((payload: unknown) => string | null) | null {
  const plan = planOf(args);
  if (!plan) return null;
  return (payload) => {
    if (payload === null || typeof payload !== 'object') return null;
    let json = plan.serialised.get(payload);
    if (json === undefined) {
      const result = render(plan, payload);
      if (!result) return null;
      json = JSON.stringify(result);
      plan.serialised.set(payload, json);
    }
    return json;
  };
}

function planOf(args: ExecutionArgs): Plan | null {
  let plan = plans.get(args.document);
  if (plan === undefined) {
    plan = makePlan(args);
    // Plans depend on the document alone (no arguments below the root are allowed), so they are kept per parsed document.
    plans.set(args.document, plan);
  }
  return plan;
}

function render({ rootKey, leaves }: Plan, payload: unknown): ExecutionResult | null {
  if (payload === null || typeof payload !== 'object') return null;
  const source = payload as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const leaf of leaves) {
    if (leaf.typename) {
      out[leaf.key] = leaf.typename;
      continue;
    }
    const value = source[leaf.name];
    if (value == null) {
      if (leaf.nonNull) return null;
      out[leaf.key] = null;
    } else out[leaf.key] = leaf.scalar!.serialize(value);
  }
  return { data: { [rootKey]: out } };
}

function makePlan(args: ExecutionArgs): Plan | null {
  const operation = getOperationAST(args.document, args.operationName);
  const subscriptionType = args.schema.getSubscriptionType();
  if (!operation || operation.operation !== 'subscription' || !subscriptionType || operation.directives?.length) return null;
  const roots = operation.selectionSet.selections;
  const root = roots[0];
  if (roots.length !== 1 || root?.kind !== Kind.FIELD || root.directives?.length || !root.selectionSet) return null;
  const field = subscriptionType.getFields()[root.name.value];
  if (!field || field.resolve !== passThrough) return null;
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  const leaves: Plan['leaves'] = [];
  for (const selection of root.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length || selection.selectionSet)
      return null;
    const name = selection.name.value;
    const key = selection.alias?.value ?? name;
    if (name === '__typename') {
      leaves.push({ key, name, scalar: null, nonNull: true, typename: type.name });
      continue;
    }
    const def = fields[name];
    const scalar = def && getNullableType(def.type);
    if (!def || def.resolve || !isScalarType(scalar)) return null;
    leaves.push({ key, name, scalar, nonNull: isNonNullType(def.type) });
  }
  return { rootKey: root.alias?.value ?? root.name.value, leaves, serialised: new WeakMap() };
}
