import type { Request } from 'express';
import { describe, expect, it, vi } from 'vitest';
import type { GraphQLContext } from '../graphql/context.js';
import { disclosureOnce } from './download.js';

const req = { method: 'GET', path: '/attachments/a1', originalUrl: '/attachments/a1?lang=fi' } as Request;
const contextWith = (recordDisclosure: (...args: unknown[]) => Promise<void>) =>
  ({ requestId: 'r1', actor: { kind: 'anonymous' }, services: { analytics: { recordDisclosure } } }) as unknown as GraphQLContext;

describe('disclosureOnce', () => {
  it('writes one record even when the error handler calls it after the write itself failed', async () => {
    const record = vi.fn().mockRejectedValueOnce(new Error('database gone')).mockResolvedValue(undefined);
    const ctx = contextWith(record);
    const disclose = disclosureOnce(req, { operationType: 'download', rootField: 'download.attachment' });
    await expect(disclose(ctx, 'ok', { id: 'a1' })).rejects.toThrow('database gone');
    await disclose(ctx, 'INTERNAL_SERVER_ERROR', { id: 'a1' });
    expect(record).toHaveBeenCalledTimes(1);
    expect(record).toHaveBeenCalledWith(ctx.actor, {
      requestId: 'r1',
      transport: 'http',
      operationType: 'download',
      operationName: 'GET /attachments/a1',
      rootFields: ['download.attachment'],
      query: '/attachments/a1?lang=fi',
      variables: { id: 'a1' },
      outcome: 'ok',
    });
  });

  it('writes nothing before the request has a context', async () => {
    const record = vi.fn().mockResolvedValue(undefined);
    const disclose = disclosureOnce(req, { operationType: 'export', rootField: 'export.changes' });
    await disclose(undefined, 'UNAUTHENTICATED', null);
    await disclose(contextWith(record), 'ok', null);
    expect(record).toHaveBeenCalledTimes(1);
  });
});
