import type { GraphQLError, OperationDefinitionNode, ValidationContext, ValidationRule } from 'graphql';
import type { Actor } from '../auth/actor.js';
import type { QueryLimits } from '../config.js';
import { AppError } from '../errors.js';
import { checkLimits, type Measurement } from './limits.js';

/** The operation's measurement, made once however many rules ask for it. */
export type Measured = (context: ValidationContext) => Measurement;

/**
 * A validation rule that judges only the operation about to run, once, at its root: the other
 * operations of the document do not run, and fragments are measured through the operation. Every rule
 * reports at the same node, so they report in the order they are listed.
 */
function onOperation(
  operation: OperationDefinitionNode,
  judge: (context: ValidationContext) => GraphQLError | undefined,
): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      if (node !== operation) return false;
      const refusal = judge(context);
      if (refusal) context.reportError(refusal);
      return false;
    },
    FragmentDefinition: () => false,
  });
}

/** Anonymous callers may not introspect (UNAUTHENTICATED, 401); signed-in users and API tokens may. */
export const introspectionRule = (operation: OperationDefinitionNode, actor: Actor, measured: Measured): ValidationRule =>
  onOperation(operation, (context) =>
    actor.kind !== 'user' && measured(context).introspection
      ? new AppError('UNAUTHENTICATED', 'Introspection requires a signed-in user or an API token', { http: { status: 401 } })
      : undefined,
  );

/** Depth, aliases and estimated cost within the limits: QUERY_TOO_COMPLEX (400) naming the first one exceeded. */
export const limitsRule = (operation: OperationDefinitionNode, limits: QueryLimits, measured: Measured): ValidationRule =>
  onOperation(operation, (context) => checkLimits(measured(context), limits));

/**
 * API tokens are read-only: no mutation at all (FORBIDDEN, 403), so fields outside the write path
 * (presence, logout) are refused too, not only what reaches `write()`.
 */
export const readOnlyTokenRule = (operation: OperationDefinitionNode, actor: Actor): ValidationRule =>
  onOperation(operation, () =>
    operation.operation === 'mutation' && actor.kind === 'user' && actor.via === 'api_token'
      ? new AppError('FORBIDDEN', 'API tokens are read-only', { http: { status: 403 } })
      : undefined,
  );
