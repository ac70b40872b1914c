import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';

/** An enum value, printed bare in a literal and as a string in variables. */
export class EnumValue {
  constructor(readonly name: string) {}
}

/** Ids the fuzzer may aim at: its own records, so that arguments get past "not found" to the write. */
export interface FuzzIds {
  need: string;
  meeting: string;
  item: string;
  party: string;
}

const randomUuid = (random: () => number) =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(random() * 16).toString(16));

/** An id for an argument, by its name: the fuzzer's own need, meeting, item or party (own records only), else a random UUID. */
function idFor(name: string, ids: FuzzIds, random: () => number): string {
  const n = name.toLowerCase();
  if (n.startsWith('need')) return ids.need;
  if (n.startsWith('meeting')) return ids.meeting;
  if (n === 'itemid' || n === 'agendaitemid') return ids.item;
  if (n === 'ownerpartyid' || n.startsWith('municipalit')) return ids.party;
  return randomUuid(random);
}

/** A plausible value of a type: the baseline a case then spoils in one place. */
export function plausible(type: GraphQLInputType, name: string, ids: FuzzIds, random: () => number, depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name, ids, random, depth);
  if (isListType(type)) return [plausible(type.ofType, name, ids, random, depth + 1)];
  if (isEnumType(type)) {
    const values = type.getValues();
    return new EnumValue(values[Math.floor(random() * values.length)]!.name);
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      // Required fields always; optional ones now and then (and never deep).
      if (isNonNullType(field.type) || (depth < 2 && random() < 0.4))
        out[field.name] = plausible(field.type, field.name, ids, random, depth + 1);
    }
    return out;
  }
  if (!isScalarType(type)) return null;
  switch (type.name) {
    case 'ID':
      return idFor(name, ids, random);
    case 'Int':
      return 1 + Math.floor(random() * 5);
    case 'Float':
      return 1.5;
    case 'Boolean':
      return random() < 0.5;
    case 'Date':
      return '2026-06-15';
    case 'DateTime':
      return '2026-06-15T09:00:00Z';
    default:
      return `fuzz ${name}`;
  }
}

const deepList = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** Hostile values by what they probe; every kind is tried against every argument type. */
export const HOSTILE: Record<string, unknown[]> = {
  wrongType: [123, -1.5, true, {}, [], { a: 1 }, [1, 'x'], 'text'],
  oversized: ['x'.repeat(100_000), 'ä'.repeat(20_000), ' '.repeat(5_000)],
  nul: ['a\u0000b', '\u0000'],
  surrogate: ['a\ud800b', '\udc00', 'x\udbff'],
  date: [
    '0000-01-01',
    '0050-06-01',
    '9999-12-31',
    '2024-02-30',
    '+275760-09-13',
    '1899-12-31',
    '2201-01-01',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-06-15T25:00:00Z',
    '1970-01-01T00:00:00+14:00',
  ],
  number: [0, -1, 2147483647, -2147483648, 2147483648, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 0.5],
  id: [
    '',
    ' ',
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    "'; drop table users; --",
    '1'.repeat(200),
    '{0c8a1b2e-1111-4111-8111-111111111111}',
  ],
  nested: [deepList(40), deepList(1_000)],
};
export const HOSTILE_KINDS = Object.keys(HOSTILE);

/** The hostile kinds that probe a type most directly (a case picks among these half of the time). */
export function kindsFor(type: GraphQLInputType | undefined): string[] {
  const named = type && getNamedType(type);
  if (!named) return HOSTILE_KINDS;
  if (isInputObjectType(named) || (type && isListType(isNonNullType(type) ? type.ofType : type))) return ['nested', 'wrongType'];
  if (isEnumType(named)) return ['wrongType', 'surrogate'];
  switch (named.name) {
    case 'ID':
      return ['id', 'surrogate', 'nul'];
    case 'String':
      return ['surrogate', 'nul', 'oversized'];
    case 'Date':
    case 'DateTime':
      return ['date'];
    case 'Int':
    case 'Float':
      return ['number'];
    default:
      return HOSTILE_KINDS;
  }
}

/** The input type at a path below an argument's type (list elements by index, input fields by name). */
export function typeAt(type: GraphQLInputType, path: (string | number)[]): GraphQLInputType | undefined {
  let t: GraphQLInputType | undefined = type;
  for (const step of path) {
    const inner: GraphQLInputType | undefined = t && isNonNullType(t) ? t.ofType : t;
    if (inner && isListType(inner) && typeof step === 'number') t = inner.ofType;
    else if (inner && isInputObjectType(inner) && typeof step === 'string') t = inner.getFields()[step]?.type;
    else return undefined;
  }
  return t;
}

/** Paths of every place in a value where a hostile value can go: the argument itself and each field or element below it. */
export function pathsOf(value: unknown, base: (string | number)[] = []): (string | number)[][] {
  const out = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...base, i])));
  else if (value && typeof value === 'object' && !(value instanceof EnumValue)) {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...base, k]));
  }
  return out;
}

/** A copy of `value` with `replacement` at `path`. */
export function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

/** The value as JSON variables carry it (enum values as their names). */
export function toVariable(value: unknown): unknown {
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return value.map(toVariable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toVariable(v)]));
  return value;
}

/** The value as a GraphQL literal in the query text; undefined when it cannot be written as one (too deep). */
export function toLiteral(value: unknown, depth = 0): string | undefined {
  if (depth > 50) return undefined;
  if (value instanceof EnumValue) return value.name;
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const v of value) {
      const p = toLiteral(v, depth + 1);
      if (p === undefined) return undefined;
      parts.push(p);
    }
    return `[${parts.join(', ')}]`;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = toLiteral(v, depth + 1);
    if (p === undefined) return undefined;
    parts.push(`${k}: ${p}`);
  }
  return `{${parts.join(', ')}}`;
}

/** How an argument is declared as a variable: its type as written in the schema. */
export const variableType = (arg: GraphQLArgument): string => String(arg.type);

/** True when a return type needs a selection set (objects, interfaces, unions). */
export const needsSelection = (type: Parameters<typeof getNamedType>[0]): boolean => {
  const named = getNamedType(type);
  return !isScalarType(named) && !isEnumType(named);
};
