import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships ESM (index.mjs, via "module") and CJS (index.js, via "main"). Vite
// picks the former for our files while Node gives Apollo the latter: two realms,
// "Cannot use GraphQLObjectType from another module". Resolve ours as Node does.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');
const shared = { resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] } };

/**
 * Three projects: unit tests beside the code, integration tests that start the
 * real server (PGlite, or PostgreSQL when DATABASE_URL is set) and e2e tests in
 * Debian's Chromium. `npm test` runs the first two; `npm run test:e2e` the last.
 */
export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['server/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'client/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          // A few unit files open an in-memory PGlite and migrate it in beforeAll (the event bus):
          // seconds on an idle machine, more on a busy 2-core one.
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          // A worker runs its files one after another in one module graph: the server is imported (and
          // its in-memory database's empty cluster made, server/db/client.ts) once per worker, not per file.
          // Each file still starts its own server on its own database.
          isolate: false,
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Generous: a file's server starts in seconds on an idle machine, a minute or more on a busy 2-core one.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file starts its own server; two cores, so two at a time.
          maxWorkers: 2,
        },
      },
      {
        ...shared,
        test: {
          name: 'e2e',
          isolate: false,
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
