import { describe, expect, it } from 'vitest';
import { insertChangeEvent } from './changes.repo.js';
import { useMemoryBus } from './memory-bus.testing.js';

const memory = useMemoryBus();

function next<T>(register: (resolve: (v: T) => void) => () => void): Promise<T> {
  return new Promise((resolve) => {
    const off = register((v) => {
      off();
      resolve(v);
    });
  });
}

/** Records a party.updated event about `entityId` and publishes it, inside the transaction `tx`. */
async function publishPartyUpdate(tx: unknown, entityId: string): Promise<void> {
  const row = await insertChangeEvent(tx as never, { name: 'party.updated', entityType: 'party', entityId, kind: 'UPDATED' });
  await memory.bus.publish(tx as never, row.id);
}

describe('the NOTIFY bus', () => {
  it('reports that it listens, and how long ago the last event reached it', async () => {
    expect(memory.bus.health().listening).toBe(true);
    const got = next<unknown>((resolve) => memory.bus.subscribe(resolve));
    await memory.database.db.transaction(async (tx) => {
      await publishPartyUpdate(tx, 'health');
    });
    await got;
    expect(memory.bus.health().lastEventAgeMs).toBeGreaterThanOrEqual(0);
  });

  it('delivers an event published inside a committed transaction, and none from a rolled-back one', async () => {
    const got = next<{ entityId: string }>((resolve) => memory.bus.subscribe((e) => resolve(e)));
    await memory.database.db
      .transaction(async (tx) => {
        await publishPartyUpdate(tx, 'rolled-back');
        throw new Error('roll back');
      })
      .catch(() => {});
    await memory.database.db.transaction(async (tx) => {
      await publishPartyUpdate(tx, 'committed');
    });
    expect((await got).entityId).toBe('committed');
  });

  it('broadcasts ephemeral messages to the listeners of their topic only', async () => {
    const other: unknown[] = [];
    const offOther = memory.bus.subscribeEphemeral('presence:other', (p) => other.push(p));
    const got = next<unknown>((resolve) => memory.bus.subscribeEphemeral('presence:m1', resolve));
    await memory.bus.broadcast('presence:m1', { userId: 'u1', online: true });
    expect(await got).toEqual({ userId: 'u1', online: true });
    expect(other).toEqual([]);
    offOther();
    await expect(memory.bus.broadcast('x', 'y'.repeat(8000))).rejects.toThrow(/too large/);
  });
});
