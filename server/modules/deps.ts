import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { EventBus } from '../realtime/bus.js';
import type { SystemWriter, Writer } from '../realtime/write.js';

/** What every domain service is built from. */
export interface ServiceDeps {
  db: Db;
  write: Writer;
  /** Writes of the server's own (no user acts: the overdue sweep); absent where nothing runs on its own. */
  writeAsSystem?: SystemWriter;
  bus: EventBus;
  config: Config;
  log: Logger;
}
