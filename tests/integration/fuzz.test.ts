import fs from 'node:fs';
import type { GraphQLField, GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../server/graphql/schema.js';
import {
  HOSTILE,
  HOSTILE_KINDS,
  kindsFor,
  needsSelection,
  pathsOf,
  plausible,
  replaceAt,
  toLiteral,
  toVariable,
  typeAt,
  variableType,
  type FuzzIds,
} from './fuzz.values.js';
import { mulberry32 } from './editors.js';
import * as factory from './factories.js';
import { listen, startDemo, unique, waitFor } from './helpers.js';

/**
 * Fuzzes every query and mutation field that takes arguments (issue 9): generated from the executable
 * schema, seeded (FUZZ_SEED), bounded (FUZZ_CASES per field). Each case is a plausible call spoiled in one
 * place with a hostile value (wrong type, oversized, NUL, lone surrogate, extreme date or number, invalid id,
 * deep nesting), sent as variables or as a literal, signed in as the secretariat so that arguments reach
 * validation (FUZZ_LOG=file lists every case). Any 5xx or INTERNAL_SERVER_ERROR fails; the counts by status and code are printed.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const CASES_PER_FIELD = Number(process.env.FUZZ_CASES ?? 10);

let ids: FuzzIds;

const demo = startDemo();
beforeAll(async () => {
  // Records of its own to aim at (on a shared PostgreSQL the demo data belongs to every test file).
  const party = (await factory.region(demo.server)).party('182');
  const need = await factory.makeNeed(demo.server, demo.admin, { title: unique('Fuzz'), municipalityIds: [party] });
  const body = await factory.makeBody(demo.server, demo.admin, { names: { fi: unique('Fuzz-elin') } });
  const meeting = await factory.makeMeeting(demo.server, demo.admin, {
    bodyId: body.id,
    title: unique('Fuzz'),
    startsAt: '2026-12-01T09:00:00Z',
  });
  const item = await factory.makeAgendaItem(demo.server, demo.admin, { meetingId: meeting.id, title: unique('Fuzz') });
  ids = { need: need.id, meeting: meeting.id, item: item.id, party };
});

interface Case {
  field: string;
  kind: string;
  path: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One case: a plausible call of `field` with one hostile value at one place, as variables or as a literal. */
function makeCase(op: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, random: () => number): Case {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const args = Object.fromEntries(field.args.map((a) => [a.name, plausible(a.type, a.name, ids, random)]));
  const target = pick(field.args);
  const path = pick(pathsOf(args[target.name]));
  // Half of the cases aim at what the place's type checks (dates at dates, ids at ids), half at anything.
  const kind = pick(random() < 0.5 ? kindsFor(typeAt(target.type, path)) : HOSTILE_KINDS);
  args[target.name] = replaceAt(args[target.name], path, pick(HOSTILE[kind]!));
  const selection = needsSelection(field.type) ? ' { __typename }' : '';
  const asLiteral = random() < 0.25;
  const literals = field.args.map((a) => [a.name, asLiteral ? toLiteral(args[a.name]) : undefined] as const);
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed = literals.map(([name, literal]) => {
    if (literal !== undefined) return `${name}: ${literal}`;
    variables[name] = toVariable(args[name]);
    declared.push(`$${name}: ${variableType(field.args.find((a) => a.name === name)!)}`);
    return `${name}: $${name}`;
  });
  const header = declared.length ? `(${declared.join(', ')})` : '';
  return {
    field: field.name,
    kind,
    path: [target.name, ...path].join('.'),
    query: `${op} Fuzz${header} { ${field.name}(${passed.join(', ')})${selection} }`,
    variables,
  };
}

const fieldsOf = (type: GraphQLObjectType | null | undefined) =>
  Object.values(type?.getFields() ?? {}).filter((f) => f.args.length > 0);

describe('fuzzing every query and mutation argument', () => {
  it('never answers 5xx or INTERNAL_SERVER_ERROR', { timeout: 180_000 }, async () => {
    const schema = buildSchema();
    const random = mulberry32(SEED);
    const counts = new Map<string, number>();
    const failures: string[] = [];
    const fields = [
      ...fieldsOf(schema.getQueryType()).map((f) => ['query', f] as const),
      ...fieldsOf(schema.getMutationType()).map((f) => ['mutation', f] as const),
    ];
    const socket = demo.server.ws(demo.admin);
    /** Sends a case over HTTP or, every fourth case, over the WebSocket too; answers "<transport status> <codes>". */
    const send = async (c: Case, transport: 'http' | 'ws') => {
      let status: number | string;
      let errors: { extensions?: Record<string, unknown> }[];
      if (transport === 'http') {
        const r = await demo.server.gql(c.query, c.variables, { token: demo.admin });
        [status, errors] = [r.status, r.errors ?? []];
      } else {
        const sub = listen(socket, c.query, c.variables);
        await waitFor(() => sub.received() > 0 || sub.errors.length > 0, 20_000, `an answer on the socket to ${c.field}`);
        sub.close();
        // A refused operation ends with an 'error' message: its payload is the list of errors.
        [status, errors] = ['ws', sub.errors.flat() as { extensions?: Record<string, unknown> }[]];
      }
      const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'NO_CODE')))];
      return {
        key: `${status} ${codes.join(',') || 'ok'}`,
        failed: Number(status) >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('NO_CODE'),
        errors,
      };
    };
    let n = 0;
    for (const [op, field] of fields) {
      for (let i = 0; i < CASES_PER_FIELD; i++) {
        const c = makeCase(op, field, random);
        for (const transport of n++ % 4 === 0 ? (['http', 'ws'] as const) : (['http'] as const)) {
          const { key, failed, errors } = await send(c, transport);
          counts.set(key, (counts.get(key) ?? 0) + 1);
          // FUZZ_LOG=file writes every case and its answer, to compare runs or replay one.
          if (process.env.FUZZ_LOG)
            fs.appendFileSync(
              process.env.FUZZ_LOG,
              `${c.field} [${c.kind} at ${c.path}] ${key} ${JSON.stringify(errors[0]?.extensions?.fields ?? '')}\n`,
            );
          if (failed)
            failures.push(
              `${c.field} [${c.kind} at ${c.path}] → ${key}: ${c.query.slice(0, 300)} ${JSON.stringify(c.variables).slice(0, 300)}`,
            );
        }
      }
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const summary = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k.padEnd(40)} ${n}`);
    console.log(
      `fuzz: seed ${SEED}, ${fields.length} fields × ${CASES_PER_FIELD} cases, every fourth also on the WebSocket: ${total} requests on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n` +
        `  status (ws: WebSocket) and codes${' '.repeat(8)} count\n${summary.join('\n')}`,
    );
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
  });
});
