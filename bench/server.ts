/**
 * Our server as a child process of the bench (`node --import tsx bench/server.ts`),
 * configured by the environment as `npm start` is, plus the requests the bench
 * needs below the API over IPC: `seed` (the large region), `document` (a shared
 * co-editing document any signed-in user but the analyst edits) and `mem`.
 */
import { randomUUID } from 'node:crypto';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import type { UserActor } from '../server/auth/actor.js';
import { seedLarge } from './seed.js';

const app = await buildApp(loadConfig({ ...process.env, PORT: process.env.PORT ?? '0', SKIP_CLIENT_BUILD: '1' }));
const { url } = await app.start();
const { services, write, database } = app.internals;
services.documents.policy.register('BENCH_SHARED', {
  canRead: async (actor) => actor.kind === 'user',
  editLock: async (actor) => (actor.kind === 'user' && !actor.roles.includes('ANALYST') ? null : 'NOT_ALLOWED'),
});

type Handler = (msg: any) => Promise<unknown>;
const handlers: Record<string, Handler> = {
  async mem() {
    globalThis.gc?.();
    globalThis.gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    return { rss, heapUsed, external };
  },
  async seed(msg) {
    const t = performance.now();
    await seedLarge(database.db, { NEEDS: msg.needs, ACTIONS: msg.actions, EVENTS: msg.events });
    return { ms: performance.now() - t };
  },
  async document(msg) {
    const owner: UserActor = {
      kind: 'user',
      userId: msg.userId,
      displayName: 'bench',
      partyId: null,
      roles: ['SECRETARIAT'],
      via: 'session',
    };
    const doc = await write(owner, ({ tx }) => services.documents.createInTx(tx, 'BENCH_SHARED', randomUUID()));
    return { id: doc.id };
  },
};

process.on('message', (msg: any) => {
  const handler = handlers[msg?.type];
  if (!handler) return process.send!({ id: msg?.id, error: `unknown request ${msg?.type}` });
  handler(msg).then(
    (reply) => process.send!({ id: msg.id, reply }),
    (err: unknown) => process.send!({ id: msg.id, error: String((err as Error)?.stack ?? err) }),
  );
});
let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  void app.stop().finally(() => process.exit(0));
});
// The bench went away: so does its server.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
process.send!({ type: 'ready', url });
