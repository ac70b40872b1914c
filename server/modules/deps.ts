import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { EventBus } from '../realtime/bus.js';
import type { Writer } from '../realtime/write.js';

/** What every domain service is built from. */
export interface ServiceDeps {
  db: Db;
  write: Writer;
  bus: EventBus;
  config: Config;
  log: Logger;
}
