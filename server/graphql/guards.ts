import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { badInput } from '../errors.js';
import { isUuid, textProblem } from '../validation.js';

/** `ID` arguments that are not UUIDs (everything else of type ID names a row by its uuid key). */
const NOT_UUID = new Set(['Query.changes.entityId']);

/** The first problem in one argument value, by its input path: text PostgreSQL refuses, an ID that is no UUID. */
function problemIn(type: GraphQLInputType, value: unknown, path: string, coordinate: string): [string, string] | undefined {
  if (value == null) return undefined;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (!Array.isArray(value)) return problemIn(t.ofType, value, path, coordinate);
    for (let i = 0; i < value.length; i++) {
      const hit = problemIn(t.ofType, value[i], `${path}.${i}`, coordinate);
      if (hit) return hit;
    }
    return undefined;
  }
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      const hit = field && problemIn(field.type, v, `${path}.${name}`, `${coordinate}.${name}`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (!isScalarType(t) || typeof value !== 'string' || (t.name !== 'String' && t.name !== 'ID')) return undefined;
  const text = textProblem(value);
  if (text) return [path, text];
  if (t.name === 'ID' && !NOT_UUID.has(coordinate) && !isUuid(value)) return [path, 'Not a valid id'];
  return undefined;
}

/** Throws BAD_USER_INPUT naming the first argument PostgreSQL would refuse or silently change. */
export function checkArguments(parent: string, args: readonly GraphQLArgument[], values: Record<string, unknown>): void {
  for (const arg of args) {
    const hit = problemIn(arg.type, values[arg.name], arg.name, `${parent}.${arg.name}`);
    if (hit) throw badInput({ [hit[0]]: hit[1] });
  }
}

/** Where an operation's fields are: the operation and the fragments of its document. */
interface OperationWalk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  seenFragments: Set<string>;
}

/**
 * Whether a selection runs: `@skip(if: true)` or `@include(if: false)` leaves it, and its arguments, out of
 * execution, so they are not checked either (the front page sends `partyId: ""` to fields it skips when the
 * user has no party). A directive whose `if` cannot be read counts as running; execution reports it (validation lets
 * one through: `$b: Boolean = true` sent as null makes `@skip(if: $b)` read null, and getDirectiveValues throws).
 */
function runs(w: OperationWalk, sel: FieldNode | FragmentSpreadNode | InlineFragmentNode): boolean {
  if (!sel.directives?.length) return true;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, sel, w.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, sel, w.variables)?.if !== false;
  } catch {
    return true;
  }
}

function walkSelections(w: OperationWalk, set: SelectionSetNode, parent: GraphQLNamedType | undefined | null): void {
  for (const sel of set.selections) {
    if (!runs(w, sel)) continue;
    if (sel.kind === Kind.FIELD) {
      if (!parent || !(isObjectType(parent) || isInterfaceType(parent)) || sel.name.value.startsWith('__')) continue;
      const field = parent.getFields()[sel.name.value] as GraphQLField<unknown, unknown> | undefined;
      if (!field) continue;
      if (field.args.length) {
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(field, sel, w.variables);
        } catch {
          continue; // execution reports an argument it cannot coerce, with its own message
        }
        checkArguments(`${parent.name}.${field.name}`, field.args, values);
      }
      if (sel.selectionSet) walkSelections(w, sel.selectionSet, getNamedType(field.type));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      walkSelections(w, sel.selectionSet, sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : parent);
    } else {
      // Arguments do not depend on where a fragment is spread: each is checked once.
      if (w.seenFragments.has(sel.name.value)) continue;
      w.seenFragments.add(sel.name.value);
      const fragment = w.fragments.get(sel.name.value);
      if (fragment) walkSelections(w, fragment.selectionSet, w.schema.getType(fragment.typeCondition.name.value));
    }
  }
}

/**
 * Every argument of the fields the operation runs (literal or variable, coerced; not under a false `@include`
 * or a true `@skip`) holds only text that PostgreSQL stores
 * as sent and, where it is an ID, a UUID (BAD_USER_INPUT naming it). Run by the gate (gate.ts) once per
 * operation before any resolver runs (issue 10: it used to wrap every field's resolver and ran once per
 * resolved field, a thousand times in a page). `variables` are the operation's coerced variables.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  walkSelections({ schema, fragments, variables, seenFragments: new Set() }, operation.selectionSet, root);
}
