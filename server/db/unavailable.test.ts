import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { badInput, serviceUnavailable } from '../errors.js';
import { isDatabaseUnavailable } from './unavailable.js';

const pgError = (code: string, message = 'from PostgreSQL') => Object.assign(new Error(message), { code });

describe('telling a database outage from a bad request', () => {
  it('counts dropped and refused connections as an outage, however deeply wrapped', () => {
    expect(isDatabaseUnavailable(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('08006'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client was closed and is not queryable'))).toBe(true);
    expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], pgError('57P01')))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([pgError('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(serviceUnavailable())).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('22P02', 'invalid input syntax for type uuid'))).toBe(false);
    expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], pgError('42P01')))).toBe(false);
    expect(isDatabaseUnavailable(badInput({ name: 'Required' }))).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('says when to retry: HTTP 503 with Retry-After', () => {
    const error = serviceUnavailable();
    expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2, http: { status: 503 } });
  });
});
