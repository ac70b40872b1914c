import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { YEAR_RANGE_MESSAGE, yearInRange } from '../validation.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;


function isRealDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** An input date: a real calendar date within YEAR_RANGE. */
function parseDate(value: unknown): string {
  if (typeof value === 'string' && isRealDate(value)) {
    if (yearInRange(Number(value.slice(0, 4)))) return value;
    throw new GraphQLError(`Expected a date as YYYY-MM-DD; ${YEAR_RANGE_MESSAGE.toLowerCase()}`);
  }
  throw new GraphQLError('Expected a date as YYYY-MM-DD');
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
  parseLiteral(ast) {
    return parseDate(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});

/** ISO 8601 date-time with offset; serialised in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    const d = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(d.getTime())) throw new GraphQLError(`DateTime cannot represent ${String(value)}`);
    return d.toISOString();
  },
  parseValue(value) {
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    return parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      if (yearInRange(d.getUTCFullYear())) return d;
      throw new GraphQLError(`Expected an ISO 8601 date-time with offset; ${YEAR_RANGE_MESSAGE.toLowerCase()}`);
    }
  }
  throw new GraphQLError('Expected an ISO 8601 date-time with offset');
}

function literalToJson(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literalToJson(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      return undefined;
  }
}

/** Any JSON value (change events' before/after). */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => literalToJson(ast, variables),
});
