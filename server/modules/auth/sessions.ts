import { EVENTS } from '../../realtime/topics.js';
import type { SystemWriteScope } from '../../realtime/write.js';
import * as repo from './auth.repo.js';
import type { SessionRow } from './auth.table.js';

/**
 * Ends an account's live sessions inside a write (all of them, all but `keep`, or `only` one), each an audited
 * `session.ended` event; the caller announces them after commit (REVOKED_TOPIC closes their sockets).
 */
export async function endSessions(
  { tx, record }: Pick<SystemWriteScope, 'tx' | 'record'>,
  userId: string,
  opts: { keep?: string; only?: string } = {},
): Promise<SessionRow[]> {
  const ended = await repo.revokeSessionsOfUser(tx, userId, opts);
  for (const s of ended) {
    await record({
      ...EVENTS.sessionEnded,
      entityId: s.id,
      kind: 'UPDATED',
      before: { revokedAt: null },
      after: { userId, revokedAt: s.revokedAt },
    });
  }
  return ended;
}
