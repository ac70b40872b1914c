import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { badInput, forbidden } from '../errors.js';
import { isUuidText, textProblem } from '../validation.js';
import type { GraphQLContext } from './context.js';

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
  if (t.name === 'ID' && !NOT_UUID.has(coordinate) && !isUuidText(value)) return [path, 'Not a valid id'];
  return undefined;
}

/** Throws BAD_USER_INPUT naming the first argument PostgreSQL would refuse or silently change. */
export function checkArguments(parent: string, args: readonly GraphQLArgument[], values: Record<string, unknown>): void {
  for (const arg of args) {
    const hit = problemIn(arg.type, values[arg.name], arg.name, `${parent}.${arg.name}`);
    if (hit) throw badInput({ [hit[0]]: hit[1] });
  }
}

type Resolver = GraphQLFieldResolver<unknown, GraphQLContext>;

/** Refuses API tokens, which never write, then checks the arguments. */
function guard(parent: string, field: GraphQLField<unknown, GraphQLContext>, inner: Resolver): Resolver {
  const isMutation = parent === 'Mutation';
  return (source, values, ctx, info) => {
    if (isMutation && ctx.actor.kind === 'user' && ctx.actor.via === 'api_token') throw forbidden('API tokens are read-only');
    checkArguments(`${parent}.${field.name}`, field.args, values);
    return inner(source, values, ctx, info);
  };
}

/**
 * The checks every operation passes at the edge, in one place instead of per resolver: API tokens run
 * no mutation at all, and every argument (literal or variable, already coerced) holds only text that
 * PostgreSQL stores as sent and, where it is an ID, a UUID. Mutates the schema's fields in place.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, GraphQLContext>[]) {
      if (field.args.length === 0 && type.name !== 'Mutation') continue;
      if (field.subscribe) {
        // A subscription's arguments are checked once, when it starts; its resolve runs per event with the same ones.
        field.subscribe = guard(type.name, field, field.subscribe as Resolver);
        continue;
      }
      field.resolve = guard(type.name, field, (field.resolve as Resolver | undefined) ?? (defaultFieldResolver as Resolver));
    }
  }
  return schema;
}
