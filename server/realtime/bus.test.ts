import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { createNotifyBus, type EventBus } from './bus.js';
import { insertChangeEvent } from './changes.repo.js';

let database: Database;
let bus: EventBus;
beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://', log: pino({ level: 'silent' }) });
  await database.migrate();
  bus = createNotifyBus(database, pino({ level: 'silent' }));
  await bus.start();
});
afterAll(async () => {
  await bus.stop();
  await database.close();
});

function next<T>(register: (resolve: (v: T) => void) => () => void): Promise<T> {
  return new Promise((resolve) => {
    const off = register((v) => {
      off();
      resolve(v);
    });
  });
}

describe('the NOTIFY bus', () => {
  it('delivers an event published inside a committed transaction, and none from a rolled-back one', async () => {
    const got = next<{ entityId: string }>((resolve) => bus.subscribe((e) => resolve(e)));
    await database.db
      .transaction(async (tx) => {
        const row = await insertChangeEvent(tx as never, { name: 'party.updated', entityType: 'party', entityId: 'rolled-back', kind: 'UPDATED' });
        await bus.publish(tx as never, row.id);
        throw new Error('roll back');
      })
      .catch(() => {});
    await database.db.transaction(async (tx) => {
      const row = await insertChangeEvent(tx as never, { name: 'party.updated', entityType: 'party', entityId: 'committed', kind: 'UPDATED' });
      await bus.publish(tx as never, row.id);
    });
    expect((await got).entityId).toBe('committed');
  });

  it('broadcasts ephemeral messages to the listeners of their topic only', async () => {
    const other: unknown[] = [];
    const offOther = bus.subscribeEphemeral('presence:other', (p) => other.push(p));
    const got = next<unknown>((resolve) => bus.subscribeEphemeral('presence:m1', resolve));
    await bus.broadcast('presence:m1', { userId: 'u1', online: true });
    expect(await got).toEqual({ userId: 'u1', online: true });
    expect(other).toEqual([]);
    offOther();
    await expect(bus.broadcast('x', 'y'.repeat(8000))).rejects.toThrow(/too large/);
  });
});
