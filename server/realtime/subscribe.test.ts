import { describe, expect, it } from 'vitest';
import { forbidden } from '../errors.js';
import { insertChangeEvent } from './changes.repo.js';
import { useMemoryBus } from './memory-bus.testing.js';
import type { ChangeEventRow } from './changes.table.js';
import { SubscriberOutOfSyncError } from './stream.js';
import { subscribeToEvents } from './subscribe.js';

const memory = useMemoryBus();

/** Commits one event about `entityId` through the bus, as the write path does. */
async function commit(entityId: string): Promise<void> {
  await memory.database.db.transaction(async (tx) => {
    const row = await insertChangeEvent(tx as never, { name: 'party.updated', entityType: 'party', entityId, kind: 'UPDATED' });
    await memory.bus.publish(tx as never, row.id);
  });
}

/** What PostgreSQL answers a query whose backend was terminated (an outage, a restart). */
const terminated = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('delivering an event to a subscriber', () => {
  it('tries again while the database is away, and delivers the event once it answers', async () => {
    let failures = 2;
    const events = subscribeToEvents(
      memory.bus,
      (e) => e.entityId === 'outage',
      async (e: ChangeEventRow) => {
        if (failures-- > 0) throw terminated();
        return e.entityId;
      },
    );
    const next = events.next();
    await commit('outage');
    expect(await next).toEqual({ value: 'outage', done: false });
    expect(failures).toBe(-1);
    await events.return?.();
  });

  it('ends the subscription as out of sync (the socket closes with 4013) rather than skip an event it cannot deliver', async () => {
    const events = subscribeToEvents(
      memory.bus,
      (e) => e.entityId === 'broken',
      async () => {
        throw new Error('a bug in the reload');
      },
    );
    const next = events.next();
    await commit('broken');
    await expect(next).rejects.toBeInstanceOf(SubscriberOutOfSyncError);
  });

  it('skips an event the subscriber may not see (that is no loss)', async () => {
    let calls = 0;
    const events = subscribeToEvents(
      memory.bus,
      (e) => e.entityId.startsWith('hidden'),
      async (e: ChangeEventRow) => {
        calls++;
        if (e.entityId === 'hidden-1') throw forbidden();
        return e.entityId;
      },
    );
    const next = events.next();
    await commit('hidden-1');
    await commit('hidden-2');
    expect(await next).toEqual({ value: 'hidden-2', done: false });
    expect(calls).toBe(2);
    await events.return?.();
  });
});
