import { z } from 'zod';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Actor, Role, UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { assertPasswordPolicy } from '../../auth/password-policy.js';
import { hashPassword, verifyPassword } from '../../auth/tokens.js';
import { badInput, forbidden, notFound, rateLimited } from '../../errors.js';
import { EVENTS, REVOKED_TOPIC } from '../../realtime/topics.js';
import { rowCreated } from '../../realtime/write.js';
import { emailAddress, isUuid, parseInput, requiredLine } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import * as repo from './auth.repo.js';
import type { SessionRow, UserRow } from './auth.table.js';
import { endSessions } from './sessions.js';

/** Wrong current passwords per account in a 15-minute window, as for login; a success clears the count. */
const CURRENT_PASSWORD_FAILURES = { points: 5, durationSeconds: 15 * 60 };

const adminInput = z.object({
  email: emailAddress,
  displayName: requiredLine(200),
  partyCode: z.string().trim().min(1).max(20).optional(),
});

/** What the event of a new account keeps of it: its name, party and roles; no email or password hash. */
export const newAccountSnapshot = (user: UserRow) => ({
  displayName: user.displayName,
  partyId: user.partyId,
  roles: user.roles,
});

/** A session as its owner sees it. */
export interface MySession extends SessionRow {
  current: boolean;
}

/** People's own accounts (issue 12): the first administrator, changing a password, one's own sessions. */
export function createAccountsService({ db, write, writeAsSystem, bus, config }: ServiceDeps) {
  const byAccount = repo.sharedRateLimiter(db, {
    keyPrefix: `${config.rateLimitKeyPrefix}:password:account`,
    ...CURRENT_PASSWORD_FAILURES,
  });

  /** Only a person signed in to the web client manages their account: API tokens are read-only. */
  function requireSession(actor: Actor): UserActor & { sessionId: string } {
    const user = requireUser(actor);
    if (user.via !== 'session' || !user.sessionId) throw forbidden('API tokens are read-only');
    return user as UserActor & { sessionId: string };
  }

  /** Sockets opened with the ended sessions close now, on every instance. */
  async function announce(ended: SessionRow[]): Promise<void> {
    for (const s of ended) await bus.broadcast(REVOKED_TOPIC, { sessionId: s.id });
  }

  return {
    /** `npm run admin:create`: a secretariat administrator; refuses an existing email. No actor: a system write. */
    async createAdministrator(raw: {
      email: string;
      displayName: string;
      partyCode?: string;
      password: string;
    }): Promise<UserRow> {
      if (!writeAsSystem) throw new Error('createAdministrator needs the system writer');
      const input = parseInput(adminInput, { email: raw.email, displayName: raw.displayName, partyCode: raw.partyCode }, '');
      assertPasswordPolicy(raw.password, 'password', input);
      const passwordHash = await hashPassword(raw.password);
      return writeAsSystem(async ({ tx, record }) => {
        if (await repo.findUserByEmail(tx, input.email))
          throw badInput({ email: 'An account with this email already exists' }, 'An account with this email already exists');
        const partyId = input.partyCode ? await repo.findPartyIdByCode(tx, input.partyCode) : undefined;
        if (input.partyCode && !partyId)
          throw badInput({ party: `No party with the code ${input.partyCode}` }, `No party with the code ${input.partyCode}`);
        const roles: Role[] = ['SECRETARIAT'];
        const [user] = await repo.userRows.insertMany(tx, [
          { email: input.email, displayName: input.displayName, passwordHash, partyId: partyId ?? null, roles },
        ]);
        if (!user) throw new Error('user insert returned nothing');
        await record(rowCreated(EVENTS.userCreated, user, { ...newAccountSnapshot(user), via: 'admin:create' }));
        return user;
      });
    },

    /** The current password is required; the new one must pass the policy; the person's other sessions end. */
    async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<UserRow> {
      const me = requireSession(actor);
      if (!currentPassword) throw badInput({ currentPassword: 'Required' }, 'Required');
      const [user] = await repo.userRows.findByIds(db, [me.userId]);
      assertPasswordPolicy(newPassword, 'newPassword', user);
      try {
        await byAccount.consume(me.userId);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
        throw err;
      }
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw forbidden('The current password is wrong', { currentPassword: 'Wrong password' });
      }
      await byAccount.delete(me.userId);
      const passwordHash = await hashPassword(newPassword);
      const { updated, ended } = await write(me, async (scope) => {
        const updated = await repo.setPasswordHash(scope.tx, me.userId, passwordHash);
        await scope.record({
          ...EVENTS.passwordChanged,
          entityId: me.userId,
          kind: 'UPDATED',
          entityVersion: updated.version,
          after: { passwordChanged: true },
        });
        return { updated, ended: await endSessions(scope, me.userId, { keep: me.sessionId }) };
      });
      await announce(ended);
      return updated;
    },

    /** The caller's live sessions, newest first, the current one flagged. */
    async mySessions(actor: Actor): Promise<MySession[]> {
      const me = requireSession(actor);
      const rows = await repo.listLiveSessions(db, me.userId);
      return rows.map((s) => ({ ...s, current: s.id === me.sessionId }));
    },

    /** Ends one of the caller's own sessions (NOT_FOUND for anyone else's or an ended one). */
    async endSession(actor: Actor, id: string): Promise<boolean> {
      const me = requireSession(actor);
      if (!isUuid(id)) throw notFound('Session');
      const ended = await write(me, (scope) => endSessions(scope, me.userId, { only: id }));
      if (ended.length === 0) throw notFound('Session');
      await announce(ended);
      return true;
    },

    /** Ends every session of the caller but the current one; answers how many ended. */
    async endOtherSessions(actor: Actor): Promise<number> {
      const me = requireSession(actor);
      const ended = await write(me, (scope) => endSessions(scope, me.userId, { keep: me.sessionId }));
      await announce(ended);
      return ended.length;
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
