import { CombinedError, makeOperation, type OperationResult } from '@urql/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { keptResult } from './keepData';

const operation = makeOperation('query', { key: 1, query: parse('{ me { id } }'), variables: {} }, {
  requestPolicy: 'network-only',
  url: '/graphql',
} as never);
const answer = (fields: Partial<OperationResult>): OperationResult =>
  ({ operation, stale: false, hasNext: false, ...fields }) as OperationResult;
const shown = answer({ data: { me: { id: 'u1' } } });
const network = new CombinedError({ networkError: new Error('Failed to fetch') });
const gql = (code: string) => new CombinedError({ graphQLErrors: [{ message: code, extensions: { code } }] });

describe('data with a stale error (keepData)', () => {
  it('keeps the data already shown when a refetch gets no answer, marked stale and without the error', () => {
    const kept = keptResult(answer({ error: network }), shown);
    expect(kept.data).toEqual({ me: { id: 'u1' } });
    expect(kept.error).toBeUndefined();
    expect(kept.stale).toBe(true);
  });

  it('keeps it through a busy or restarting server, and until the route guard acts on an ended session', () => {
    expect(keptResult(answer({ error: gql('SERVICE_UNAVAILABLE') }), shown).data).toEqual(shown.data);
    expect(keptResult(answer({ error: gql('UNAUTHENTICATED') }), shown).data).toEqual(shown.data);
  });

  it('passes on an error that is an answer about the data, and any error of a query that never had data', () => {
    for (const code of ['NOT_FOUND', 'FORBIDDEN']) {
      const result = answer({ error: gql(code) });
      expect(keptResult(result, shown)).toBe(result);
    }
    const first = answer({ error: network });
    expect(keptResult(first, undefined)).toBe(first);
  });

  it('passes on a fresh answer as it is', () => {
    const fresh = answer({ data: { me: null } });
    expect(keptResult(fresh, shown)).toBe(fresh);
  });
});
