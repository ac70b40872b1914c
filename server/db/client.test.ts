import pino from 'pino';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.js';

const log = pino({ level: 'silent' });
/** The rows of a query (drizzle's execute() is typed per driver; both drivers answer `{ rows }`). */
const rowsOf = async (result: Promise<unknown>) => ((await result) as { rows: { n: number }[] }).rows;
const opened: Database[] = [];
const open = async () => {
  const database = await openDatabase({ dataDir: 'memory://', log });
  opened.push(database);
  return database;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close()));
});

describe('in-memory PGlite', { timeout: 60_000 }, () => {
  // Later in-memory databases start from a copy of the first one's empty cluster: the copy must be taken
  // before anything is written, and each database must be its own.
  it('gives every in-memory database an empty cluster of its own', async () => {
    const first = await open();
    await first.db.execute(sql`create table written_first (n int)`);
    await first.db.execute(sql`insert into written_first values (1)`);
    const second = await open();
    const tables = async (d: Database) =>
      (await rowsOf(d.db.execute(sql`select count(*)::int as n from pg_tables where tablename like 'written_%'`)))[0];
    expect(await tables(second)).toEqual({ n: 0 });
    await second.db.execute(sql`create table written_second (n int)`);
    const third = await open();
    expect(await tables(third)).toEqual({ n: 0 });
    expect(await tables(first)).toEqual({ n: 1 });
  });

  it('migrates a copied cluster as it migrates a new one', async () => {
    await open();
    const copy = await open();
    await copy.migrate();
    const rows = await rowsOf(
      copy.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'service_needs'`),
    );
    expect(rows[0]).toEqual({ n: 1 });
  });
});
