import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
import { YEAR_RANGE_MESSAGE, yearInRange } from '../validation.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** `2026-11-28T09:00Z`: this API always took a date-time without seconds; RFC 3339 (graphql-scalars) wants them. */
const NO_SECONDS = /^(\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2})([Zz]|[+-]\d{2}:\d{2})$/;

/** The library's check of a value, with its refusal told in the contract's words (`BAD_USER_INPUT` names the field). */
function checked<T>(check: () => T, message: string): T {
  try {
    return check();
  } catch {
    throw new GraphQLError(message);
  }
}

/** An input date: a real calendar date (graphql-scalars' LocalDate) within YEAR_RANGE. */
function parseDate(value: unknown): string {
  const date = checked(() => GraphQLLocalDate.parseValue(value) as string, 'Expected a date as YYYY-MM-DD');
  if (!yearInRange(Number(date.slice(0, 4))))
    throw new GraphQLError(`Expected a date as YYYY-MM-DD; ${YEAR_RANGE_MESSAGE.toLowerCase()}`);
  return date;
}

/** An input moment: an RFC 3339 date-time with offset (graphql-scalars' DateTime) within YEAR_RANGE. */
function parseDateTime(value: unknown): Date {
  const text = typeof value === 'string' ? value.replace(NO_SECONDS, '$1:00$2').toUpperCase() : value;
  const at = checked(
    () => GraphQLDateTime.parseValue(typeof text === 'string' ? text : undefined),
    'Expected an ISO 8601 date-time with offset',
  );
  if (!yearInRange(at.getUTCFullYear()))
    throw new GraphQLError(`Expected an ISO 8601 date-time with offset; ${YEAR_RANGE_MESSAGE.toLowerCase()}`);
  return at;
}

const stringOf = (ast: ValueNode) => (ast.kind === Kind.STRING ? ast.value : undefined);

/** A literal's refusal names its node, so the error can name the argument it was written in (`asOf`). */
function atLiteral<T>(ast: ValueNode, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof GraphQLError && !err.nodes) throw new GraphQLError(err.message, { nodes: ast });
    throw err;
  }
}

/** ISO calendar date, kept as the string "YYYY-MM-DD" (no time zone shifts). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    // Dates come from date columns (or snapshots of them): the shape is enough, PostgreSQL stores only real dates.
    if (typeof value === 'string' && DATE_RE.test(value.slice(0, 10))) return value.slice(0, 10);
    throw new GraphQLError(`Date cannot represent ${String(value)}`);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => atLiteral(ast, () => parseDate(stringOf(ast))),
});

/** ISO 8601 date-time with offset; serialised in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    const d = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(d.getTime())) throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
    return d.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => atLiteral(ast, () => parseDateTime(stringOf(ast))),
});

/** Any JSON value (change events' before/after): graphql-scalars' JSON, literals with variables inside them too. */
export const JSONScalar = GraphQLJSON;
