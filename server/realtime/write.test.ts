import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor.js';
import { openDatabase, type Database } from '../db/client.js';
import type { EventBus } from './bus.js';
import { createWriter, withoutTimestamps } from './write.js';

const user: UserActor = { kind: 'user', userId: 'u1', displayName: 'U', partyId: null, roles: [], via: 'session' };
let database: Database;
let writer: ReturnType<typeof createWriter>;

const count = async (db: Database['db']) =>
  Number(((await db.execute(sql`select count(*)::int as n from probe`)) as unknown as { rows: { n: number }[] }).rows[0]?.n);

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://', log: pino({ level: 'silent' }) });
  // Nothing here records an event, so the bus is never asked.
  writer = createWriter(database, {} as EventBus);
  await writer.db.execute(sql`create table probe (id int primary key)`);
}, 60_000);
afterAll(() => database?.close());

describe("the services' database handle", () => {
  it("is the write's transaction inside write(): a read sees the write's own rows and does not wait for it", async () => {
    const seen = await writer.write(user, async ({ tx }) => {
      await tx.execute(sql`insert into probe values (1)`);
      return count(writer.db);
    });
    expect(seen).toBe(1);
  });

  it('rolls back with the write what was written through it', async () => {
    const before = await count(writer.db);
    await expect(
      writer.write(user, async () => {
        await writer.db.execute(sql`insert into probe values (2)`);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await count(writer.db)).toBe(before);
  });

  it('is the database again once the write has ended, also for work the write left running', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let later: Promise<number> | undefined;
    await writer.write(user, async ({ tx }) => {
      await tx.execute(sql`insert into probe values (3)`);
      // Started inside the write, so it runs in the write's async context, but reads after COMMIT.
      later = (async () => {
        await released;
        return count(writer.db);
      })();
    });
    release();
    expect(await later).toBeGreaterThanOrEqual(2);
  });

  it('refuses a write by an API token before any transaction', async () => {
    await expect(writer.write({ ...user, via: 'api_token' }, async () => 1)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe('what change events keep of a row', () => {
  it('is every column but createdAt and updatedAt, the row itself untouched', () => {
    const row = { id: 'r1', version: 3, name: 'Nimi', createdAt: new Date(0), updatedAt: new Date(1) };
    expect(withoutTimestamps(row)).toEqual({ id: 'r1', version: 3, name: 'Nimi' });
    expect(Object.keys(row)).toEqual(['id', 'version', 'name', 'createdAt', 'updatedAt']);
  });
});
