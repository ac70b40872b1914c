import {
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import type { Actor } from '../auth/actor.js';
import type { QueryLimits } from '../config.js';
import { AppError } from '../errors.js';
import type { DisclosureInput } from '../modules/analytics/analytics.service.js';
import { checkVariables } from '../validation.js';
import { fieldOfMessage, isValidationAborted, literalPathOf, validationAborted } from './format-error.js';
import { introspectionRule, limitsRule, readOnlyTokenRule, type Measured } from './gate.rules.js';
import { checkOperation } from './guards.js';
import { measure, type Measurement } from './limits.js';
import { toInputPath, variablePaths } from './variable-paths.js';

/** The transport an operation came by: Apollo over HTTP, or graphql-ws. */
export type Transport = DisclosureInput['transport'];

/** One operation at the gate: the parsed and validated document, the operation to run, its raw variables. */
export interface GateRequest {
  transport: Transport;
  document: DocumentNode;
  /** The operation the request names; none answers BAD_USER_INPUT. */
  operation: OperationDefinitionNode | null | undefined;
  variables: Record<string, unknown>;
  actor: Actor;
}

/** Who asked, as far as the disclosure record needs to know (a GraphQL context is one). */
export interface GateCaller {
  actor: Actor;
  requestId: string;
  services: { analytics: { recordDisclosure(actor: Actor, input: DisclosureInput): Promise<void> } };
}

/** What the disclosure record says of one request. */
export interface Disclosure {
  transport: Transport;
  operation: OperationDefinitionNode | null | undefined;
  operationName: string | null | undefined;
  query: string;
  variables: Record<string, unknown> | undefined;
  /** The request's errors (none: `ok`). */
  errors: readonly GraphQLError[] | undefined;
}

const DOC_CACHE_SIZE = 500;
const MAX_CACHED_QUERY_CHARS = 10_000;

/**
 * The one gate every operation passes before any resolver runs, over HTTP (an Apollo plugin, http.ts)
 * and WebSocket (graphql-ws's onSubscribe, ws.ts) alike, in this order: the variables' nesting and
 * text (NUL, lone surrogates), the operation to run, introspection (signed-in callers only), depth,
 * aliases and cost, API tokens' read-only rule, the variables' types, every argument's text and ids.
 * Each request also leaves one disclosure record when made with an API token (906/2019 § 17).
 */
export function createGate(schema: GraphQLSchema, limits: QueryLimits) {
  const docs = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const parseOptions = { maxTokens: limits.maxTokens };

  return {
    /** Parser options of both transports: a token limit, so a huge document is refused before it is parsed. */
    parseOptions,

    /**
     * The document parsed and validated by the specified rules, or its errors as BAD_USER_INPUT; cached
     * by its text (validation is the dominant cost per message). graphql-ws needs it; Apollo does the
     * same with the same parser options and its own cache.
     */
    document(query: string): DocumentNode | readonly GraphQLError[] {
      const hit = docs.get(query);
      if (hit) return hit;
      let result: DocumentNode | readonly GraphQLError[];
      try {
        const doc = parse(query, parseOptions);
        const errors = validate(schema, doc, specifiedRules);
        result = errors.some((e) => isValidationAborted(e.message))
          ? [validationAborted()]
          : errors.length
            ? errors.map((e) => toBadInput(e, doc))
            : doc;
      } catch (err) {
        // A syntax error answers this operation alone; on the socket it must not close the socket (4500).
        result = [toBadInput(err instanceof GraphQLError ? err : new GraphQLError('Could not parse the query'))];
      }
      // Only short documents are kept: 500 of them stay small, and a huge comment cannot pin memory.
      if (query.length <= MAX_CACHED_QUERY_CHARS) {
        if (docs.size >= DOC_CACHE_SIZE) docs.delete(docs.keys().next().value as string);
        docs.set(query, result);
      }
      return result;
    },

    /**
     * The refusal of an operation (its errors, each with its HTTP status), or undefined when it may run.
     * Variables of the wrong type are refused here on both transports (Apollo's execution would name the
     * variable, graphql-ws would leave them uncoded), each named by the input path it fills.
     */
    check(request: GateRequest): readonly GraphQLError[] | undefined {
      const { document, operation, variables, actor } = request;
      // `extensions.fields` names input paths: a variable's name becomes the argument it fills (`$i` → `input`).
      const inputPath = (path: string) => (operation ? toInputPath(path, variablePaths(document, operation)) : path);
      // Where that is taken by another variable's error: the path under its field (`meeting.id`), else the variable.
      const inputPaths = (path: string) => [
        inputPath(path),
        ...(operation ? [toInputPath(path, variablePaths(document, operation, { qualified: true }))] : []),
        `$${path}`,
      ];
      const bad = checkVariables(variables);
      if (bad)
        return [
          new AppError('BAD_USER_INPUT', 'Invalid input', {
            fields: { [inputPath(bad.path)]: bad.message },
            http: { status: 400 },
          }),
        ];
      if (!operation)
        return [
          new AppError('BAD_USER_INPUT', 'No operation to run', {
            fields: { operationName: 'Unknown operation' },
            http: { status: 400 },
          }),
        ];
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 10 });
      let measurement: Measurement | undefined;
      const measured: Measured = () =>
        (measurement ??= measure(schema, document, operation, coerced.errors ? {} : coerced.coerced));
      // A variable of the wrong type (`first` beyond Int) is invalid input, never a cost: an operation that
      // will not run is not measured against the limits.
      const [refusal] = validate(schema, document, [
        introspectionRule(operation, actor, measured),
        ...(coerced.errors ? [] : [limitsRule(operation, limits, measured)]),
        readOnlyTokenRule(operation, actor),
      ]);
      if (refusal) return [refusal];
      if (coerced.errors) return [coercionRefusal(coerced.errors, inputPaths)];
      try {
        checkOperation(schema, document, operation, coerced.coerced);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return [new AppError('BAD_USER_INPUT', err.message, { ...err.extensions, http: { status: 400 } })];
      }
      return undefined;
    },

    /** Records a request made with an API token in the disclosure log, refused ones too; others leave none. */
    async disclose(caller: GateCaller, d: Disclosure): Promise<void> {
      if (caller.actor.kind !== 'user' || caller.actor.via !== 'api_token') return;
      await caller.services.analytics.recordDisclosure(caller.actor, {
        requestId: caller.requestId,
        transport: d.transport,
        operationType: d.operation?.operation,
        operationName: d.operationName ?? d.operation?.name?.value,
        rootFields: d.operation ? rootFields(d.operation) : [],
        query: d.query,
        variables: d.variables,
        outcome: outcomeOf(d.errors),
      });
    },
  };
}

/** The gate of one schema and its limits. */
export type Gate = ReturnType<typeof createGate>;

/** The top-level field names of an operation (what a disclosure was about). */
export function rootFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/** `ok`, or the distinct error codes of the request. */
export function outcomeOf(errors: readonly GraphQLError[] | undefined): string {
  if (!errors?.length) return 'ok';
  return [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))].join(',');
}

/**
 * The variables graphql-js could not coerce to their types, as one BAD_USER_INPUT (400, over HTTP and the
 * WebSocket alike) naming each one's input path, in graphql-js's words. Two variables that fill arguments of
 * the same name (`id` of two fields) keep both: the second takes the next of its `inputPaths` still free.
 */
function coercionRefusal(errors: readonly GraphQLError[], inputPaths: (path: string) => string[]): GraphQLError {
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const key = inputPaths(fieldOfMessage(e.message)).find((k) => fields[k] === undefined || fields[k] === e.message);
    if (key !== undefined) fields[key] = e.message;
  }
  return new AppError('BAD_USER_INPUT', errors[0]!.message, { fields, http: { status: 400 } });
}

/** A graphql-js error of the request (syntax, validation) as BAD_USER_INPUT naming its input (a literal's argument path). */
function toBadInput(error: GraphQLError, document?: DocumentNode): GraphQLError {
  if (error.extensions?.code) return error;
  return new AppError('BAD_USER_INPUT', error.message, {
    fields: { [(document && literalPathOf(error, document)) ?? fieldOfMessage(error.message)]: error.message },
    locations: error.locations,
  });
}
