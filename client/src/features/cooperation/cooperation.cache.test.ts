import { cacheExchange } from '@urql/exchange-graphcache';
import { parse } from 'graphql';
import { Client, makeResult, type Exchange, type Operation } from '@urql/core';
import { filter, fromValue, map, mergeMap, pipe } from 'wonka';
import { describe, expect, it } from 'vitest';
import { cooperationMutationUpdates, cooperationSubscriptionUpdates } from './cooperation.cache';

type Answer = (operation: Operation) => Record<string, unknown>;

// parse(), not gql: codegen collects tagged documents, and these test-only ones are not the app's.

/** A client whose "server" answers from `answer` and counts what reached it, over the app's cooperation updaters. */
function makeClient(answer: Answer) {
  const sent: string[] = [];
  const server: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) => {
        const definition = op.query.definitions.find((d) => d.kind === 'OperationDefinition');
        sent.push(definition && 'name' in definition && definition.name ? definition.name.value : op.kind);
        return fromValue(op);
      }),
      map((op) => makeResult(op, { data: answer(op) })),
    );
  const client = new Client({
    url: 'http://test.invalid/graphql',
    exchanges: [
      cacheExchange({
        keys: { LocalizedText: () => null },
        updates: { Mutation: cooperationMutationUpdates, Subscription: cooperationSubscriptionUpdates },
      }),
      server,
    ],
  });
  return { client, sent };
}

const names = (fi: string) => ({ __typename: 'LocalizedText', fi, sv: null, en: null });
const body = (id: string, parent: string | null) => ({
  __typename: 'CooperationBody',
  id,
  names: names(id),
  version: 1,
  parent: parent ? { __typename: 'CooperationBody', id: parent } : null,
});

const BodiesQuery = parse(`
  query Bodies {
    cooperationBodies {
      id
      names {
        fi
        sv
        en
      }
      version
      parent {
        id
      }
    }
  }
`);

const CreateBody = parse(`
  mutation CreateBody($input: CreateCooperationBodyInput!) {
    createCooperationBody(input: $input) {
      id
      names {
        fi
        sv
        en
      }
      version
      parent {
        id
      }
    }
  }
`);

describe('cooperation cache updates', () => {
  it('reads a new body with a parent back whole and fetches the structure again', async () => {
    let created = false;
    const { client, sent } = makeClient((op) =>
      op.kind === 'mutation'
        ? ((created = true), { createCooperationBody: body('new', 'forum') })
        : { cooperationBodies: created ? [body('forum', null), body('new', 'forum')] : [body('forum', null)] },
    );
    await client.query(BodiesQuery, {}).toPromise();
    const result = await client.mutation(CreateBody, { input: {} }).toPromise();
    expect(result.data).toMatchObject({ createCooperationBody: { id: 'new', parent: { id: 'forum' } } });

    // The list was invalidated: asking again goes to the server and includes the new body.
    const again = await client.query(BodiesQuery, {}, { requestPolicy: 'cache-first' }).toPromise();
    expect(sent.filter((name) => name === 'Bodies')).toHaveLength(2);
    expect((again.data as { cooperationBodies: unknown[] }).cooperationBodies).toHaveLength(2);
  });

  it('appends an added section to the cached agreement without fetching it again', async () => {
    const section = (id: string, sortOrder: number) => ({ __typename: 'AgreementSection', id, title: id, sortOrder, version: 1 });
    const AgreementQuery = parse(`
      query Agreement($id: ID!) {
        agreement(id: $id) {
          id
          sections {
            id
            title
            sortOrder
            version
          }
        }
      }
    `);
    const AddSection = parse(`
      mutation AddSection($agreementId: ID!, $input: AgreementSectionInput!) {
        addAgreementSection(agreementId: $agreementId, input: $input) {
          id
          title
          sortOrder
          version
        }
      }
    `);
    const { client, sent } = makeClient((op) =>
      op.kind === 'mutation'
        ? { addAgreementSection: section('s2', 20) }
        : { agreement: { __typename: 'Agreement', id: 'a1', sections: [section('s1', 10)] } },
    );
    await client.query(AgreementQuery, { id: 'a1' }).toPromise();
    await client.mutation(AddSection, { agreementId: 'a1', input: {} }).toPromise();
    const cached = await client.query(AgreementQuery, { id: 'a1' }, { requestPolicy: 'cache-only' }).toPromise();
    expect(cached.data).toMatchObject({ agreement: { sections: [{ id: 's1' }, { id: 's2' }] } });
    expect(sent.filter((name) => name === 'Agreement')).toHaveLength(1);
  });

  it('fetches the people again after a person is created, for the choice of whom to seat', async () => {
    const PersonsQuery = parse(`
      query Persons {
        persons {
          id
          name
        }
      }
    `);
    const CreatePerson = parse(`
      mutation CreatePerson($input: CreatePersonInput!) {
        createPerson(input: $input) {
          id
          name
        }
      }
    `);
    const person = (id: string) => ({ __typename: 'Person', id, name: id });
    const { client, sent } = makeClient((op) =>
      op.kind === 'mutation' ? { createPerson: person('p2') } : { persons: [person('p1')] },
    );
    await client.query(PersonsQuery, {}).toPromise();
    const created = await client.mutation(CreatePerson, { input: {} }).toPromise();
    expect(created.data).toMatchObject({ createPerson: { id: 'p2', name: 'p2' } });
    await client.query(PersonsQuery, {}, { requestPolicy: 'cache-first' }).toPromise();
    expect(sent.filter((name) => name === 'Persons')).toHaveLength(2);
  });

  it('fetches the negotiations again when a new one is announced live, but not when one changes', () => {
    const cache = {
      inspectFields: () => [{ fieldName: 'negotiations', arguments: null }],
      invalidate: (...args: unknown[]) => calls.push(args),
    };
    const calls: unknown[][] = [];
    const updater = cooperationSubscriptionUpdates.negotiationChanged;
    const info = {} as Parameters<typeof updater>[3];
    updater({ negotiationChanged: { kind: 'UPDATED', negotiation: { id: 'n1' } } }, {}, cache as never, info);
    expect(calls).toEqual([]);
    updater({ negotiationChanged: { kind: 'CREATED', negotiation: { id: 'n2' } } }, {}, cache as never, info);
    expect(calls).toEqual([['Query', 'negotiations', null]]);
  });

  it('leaves the structure cached when a membership is added (a CREATED event for a membership)', () => {
    const calls: unknown[][] = [];
    const cache = {
      inspectFields: () => [{ fieldName: 'cooperationBodies', arguments: null }],
      invalidate: (...args: unknown[]) => calls.push(args),
    };
    const updater = cooperationSubscriptionUpdates.cooperationBodyChanged;
    const info = {} as Parameters<typeof updater>[3];
    updater(
      { cooperationBodyChanged: { kind: 'CREATED', membership: { id: 'm1' }, body: body('b', 'forum') } },
      {},
      cache as never,
      info,
    );
    expect(calls).toEqual([]);
    updater(
      { cooperationBodyChanged: { kind: 'CREATED', membership: null, body: body('b', 'forum') } },
      {},
      cache as never,
      info,
    );
    expect(calls).toEqual([
      ['Query', 'cooperationBodies', null],
      [{ __typename: 'CooperationBody', id: 'forum' }, 'children'],
    ]);
  });
});
