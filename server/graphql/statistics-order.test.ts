import { type GraphQLEnumType, buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PRIORITIES, TARGET_GROUPS } from '../modules/needs/needs.inputs.js';
import { NEED_STATUSES } from '../modules/needs/needs.lifecycle.js';
import { NEED_DIMENSIONS } from '../modules/needs/needs.statistics.js';
import { PARTY_KINDS, partyOrder } from '../modules/parties/parties.service.js';
import type { PartyRow } from '../modules/parties/parties.table.js';
import { loadTypeDefs } from './schema.js';

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
const declared = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);

describe('the order of statistics groups', () => {
  // needStatistics and resolutionTimes order enumerated values as the schema declares them (NeedDimension says so).
  it.each([
    ['NeedStatus', NEED_STATUSES],
    ['Priority', PRIORITIES],
    ['TargetGroup', TARGET_GROUPS],
    ['PartyKind', PARTY_KINDS],
    ['NeedDimension', NEED_DIMENSIONS],
  ])('follows %s as the schema declares it', (name, values) => {
    expect([...values]).toEqual(declared(name));
  });

  it('orders parties by kind, then official code as a number, then id', () => {
    const party = (id: string, kind: string, code: string | null) => ({ id, kind, code }) as PartyRow;
    const parties = [
      party('f', 'REGIONAL_COUNCIL', '13'),
      party('e', 'WELLBEING_SERVICES_COUNTY', '15'),
      party('d', 'MUNICIPALITY', null),
      party('c', 'MUNICIPALITY', '992'),
      party('b', 'MUNICIPALITY', '77'),
      party('a', 'MUNICIPALITY', '172'),
      party('0', 'MUNICIPALITY', '077'),
    ];
    expect(parties.sort(partyOrder).map((p) => `${p.code}`)).toEqual(['077', '77', '172', '992', 'null', '15', '13']);
  });
});
