import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { createNotifyBus, type EventBus } from './bus.js';

/**
 * For unit tests of the bus and what sits on it: a migrated in-memory PGlite with a started bus,
 * opened before the file's tests and closed after them. Read `database` and `bus` inside tests.
 */
export function useMemoryBus(): { readonly database: Database; readonly bus: EventBus } {
  const state = {} as { database: Database; bus: EventBus };
  beforeAll(async () => {
    state.database = await openDatabase({ dataDir: 'memory://', log: pino({ level: 'silent' }) });
    await state.database.migrate();
    state.bus = createNotifyBus(state.database, pino({ level: 'silent' }));
    await state.bus.start();
  });
  afterAll(async () => {
    await state.bus?.stop();
    await state.database?.close();
  });
  return state;
}
