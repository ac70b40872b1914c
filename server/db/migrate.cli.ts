import pino from 'pino';
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';

/** `npm run db:migrate`: applies the migrations without serving (the server also does it at start). */
const config = loadConfig();
const log = pino({ level: config.logLevel });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
await database.migrate();
await database.close();
console.log(`Migrated ${database.description}`);
