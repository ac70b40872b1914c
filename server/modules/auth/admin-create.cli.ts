import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { isExpected } from '../../errors.js';
import { createNotifyBus } from '../../realtime/bus.js';
import { createWriter } from '../../realtime/write.js';
import { createAccountsService } from './accounts.service.js';

/**
 * `npm run admin:create -- --email x@y.fi --name "..." [--party <official code>]`: the first secretariat
 * administrator of an empty (or any) database. The password comes from ADMIN_PASSWORD or the first line of
 * standard input, never from an argument, and is never printed or logged.
 */
const USAGE =
  'Usage: ADMIN_PASSWORD=... npm run admin:create -- --email x@y.fi --name "Full Name" [--party <official code>]\n' +
  '       (or pipe the password to standard input)';

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; prefer ADMIN_PASSWORD or a pipe): ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, party: { type: 'string' } },
    strict: true,
  });
  if (!values.email || !values.name) {
    console.error(USAGE);
    return 2;
  }
  const password = await readPassword();
  const config = loadConfig();
  const log = pino({ level: config.logLevel, base: undefined });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  try {
    // Migrations only: an installation without demo data starts from this account.
    await database.migrate();
    const bus = createNotifyBus(database, log);
    const writer = createWriter(database, bus);
    const accounts = createAccountsService({
      db: writer.db,
      write: writer.write,
      writeAsSystem: writer.writeAsSystem,
      bus,
      config,
      log,
    });
    const user = await accounts.createAdministrator({
      email: values.email,
      displayName: values.name,
      partyCode: values.party,
      password,
    });
    console.log(`Created the administrator ${user.email} (${user.id}) in ${database.description}`);
    return 0;
  } catch (err) {
    if (!isExpected(err)) throw err;
    const fields = (err.extensions.fields ?? {}) as Record<string, string>;
    console.error(
      `Not created: ${err.message}${
        Object.keys(fields).length
          ? ` (${Object.entries(fields)
              .map(([k, v]) => `${k}: ${v}`)
              .join('; ')})`
          : ''
      }`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
