import { defineConfig } from 'drizzle-kit';

/** drizzle-kit reads every domain's tables; the same migrations run on PGlite and PostgreSQL. */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/modules/*/*.table.ts', './server/realtime/*.table.ts'],
  out: './server/db/migrations',
});
