import { z } from 'zod';
import type { Actor, Role } from '../../auth/actor.js';
import { authorize } from '../../auth/guard.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../../errors.js';
import { EVENTS, REVOKED_TOPIC } from '../../realtime/topics.js';
import { rowUpdated, type EventRef, type WriteScope } from '../../realtime/write.js';
import { emailAddress, parseInput } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import * as accountsRepo from './accounts.repo.js';
import * as repo from './auth.repo.js';
import type { AuthService, LoginResult } from './auth.service.js';
import type { UserRow } from './auth.table.js';
import { endSessions } from './sessions.js';
import { REPRESENTATIVE_NEEDS_PARTY, rolesField, selfActor } from './invitations.service.js';
import { peoplePolicy } from './people.policy.js';

const filterInput = z
  .object({
    partyId: z.uuid('Expected an id').nullish(),
    role: z.enum(['SECRETARIAT', 'PARTY_REPRESENTATIVE', 'ANALYST']).nullish(),
    status: z.enum(['INVITED', 'ACTIVE', 'DEACTIVATED']).nullish(),
  })
  .nullish();

/** Refused because the change would leave no active secretariat account (FORBIDDEN with `extensions.reason`). */
const lastSecretariat = () =>
  new AppError('FORBIDDEN', 'The last active secretariat account cannot be deactivated or lose the secretariat role', {
    reason: 'LAST_SECRETARIAT',
  });

/** Refused because only an invitation not yet accepted (an INVITED account) can be cancelled. */
const notInvited = (status: string) =>
  badInput(
    { userId: 'Only an invitation that has not been accepted can be cancelled' },
    'Only an invitation that has not been accepted can be cancelled',
    { reason: 'NOT_INVITED', status },
  );

/** The secretariat's administration of accounts (issue 12): list, deactivate, cancel invitations, reactivate, roles; single sign-on matching. */
export function createPeopleService({ db, write, bus, config, log }: ServiceDeps, deps: { auth: AuthService }) {
  /** The account, locked inside the write; NOT_FOUND when there is none. */
  async function lockUser(tx: WriteScope['tx'], id: string): Promise<UserRow> {
    const user = await repo.userRows.find(tx, id, { forUpdate: true });
    if (!user) throw notFound('User');
    return user;
  }

  /** Refuses a change that takes `user` out of the active secretariat when nobody else is in it. */
  async function keepASecretariat(tx: WriteScope['tx'], user: UserRow, rolesAfter: readonly Role[] | null): Promise<void> {
    const active = await accountsRepo.lockActiveSecretariat(tx);
    if (
      !peoplePolicy.leavesASecretariat(
        user.id,
        rolesAfter,
        active.map((r) => r.id),
      )
    )
      throw lastSecretariat();
  }

  /**
   * Inside a write: the account becomes DEACTIVATED (recorded as `event`) and its links, sessions and API tokens
   * end, each an audited event. The caller broadcasts the revocation after commit.
   */
  async function shutAccount({ tx, record }: WriteScope, before: UserRow, event: EventRef): Promise<UserRow> {
    const after = await accountsRepo.updateUser(tx, before.id, { status: 'DEACTIVATED' });
    await record(rowUpdated(event, after, { status: before.status }, { status: after.status }));
    await accountsRepo.revokeLinksOfUser(tx, before.id);
    await endSessions({ tx, record }, before.id);
    for (const t of await accountsRepo.revokeAllApiTokens(tx, before.id)) {
      await record(rowUpdated(EVENTS.apiTokenRevoked, t, { revokedAt: null }, { revokedAt: t.revokedAt }));
    }
    return after;
  }

  return {
    /** Accounts for the people page (the secretariat only), by name. */
    async list(actor: Actor, rawFilter: unknown): Promise<UserRow[]> {
      const filter = parseInput(filterInput, rawFilter, 'filter') ?? {};
      authorize(actor, peoplePolicy.administer);
      return accountsRepo.listUsers(db, filter);
    },

    /** Whether single sign-on is configured (the login page shows its button). */
    ssoConfigured: config.oidc !== undefined,

    /** Whether the caller administers accounts (sees pending links). */
    mayAdminister: (actor: Actor): boolean => peoplePolicy.administer(actor),

    /** Whether the caller sees the account's status and person: the secretariat and the user themself. */
    seesAccount: (actor: Actor, user: UserRow): boolean => peoplePolicy.seeAccount(actor, user.id),

    /** Deactivates an account: its links, sessions and tokens end in the same write; its sockets close on every instance. */
    async deactivate(actor: Actor, id: string): Promise<UserRow> {
      const admin = authorize(actor, peoplePolicy.administer);
      if (!peoplePolicy.deactivate(admin, id)) throw forbidden('You cannot deactivate your own account');
      const user = await write(admin, async (scope) => {
        const before = await lockUser(scope.tx, id);
        if (before.status === 'DEACTIVATED') return before;
        await keepASecretariat(scope.tx, before, null);
        return shutAccount(scope, before, EVENTS.userDeactivated);
      });
      // After commit: every instance closes the account's sockets (4403).
      await bus.broadcast(REVOKED_TOPIC, { userId: id });
      return user;
    },

    /**
     * Cancels an invitation that has not been accepted: its link stops working at once and the account is
     * DEACTIVATED (so it cannot sign in, single sign-on included; reactivating it makes it INVITED again, to be sent
     * a new link). Only an INVITED account: one accepted meanwhile is BAD_USER_INPUT, never deactivated by this.
     */
    async cancelInvitation(actor: Actor, userId: string): Promise<UserRow> {
      const admin = authorize(actor, peoplePolicy.administer);
      const user = await write(admin, async (scope) => {
        const before = await lockUser(scope.tx, userId);
        if (before.status !== 'INVITED') throw notInvited(before.status);
        return shutAccount(scope, before, EVENTS.userInvitationCancelled);
      });
      await bus.broadcast(REVOKED_TOPIC, { userId: user.id });
      return user;
    },

    /** Reactivates a deactivated account (its password stands; send a reset link if it is not known). */
    async reactivate(actor: Actor, id: string): Promise<UserRow> {
      const admin = authorize(actor, peoplePolicy.administer);
      return write(admin, async ({ tx, record }) => {
        const before = await lockUser(tx, id);
        if (before.status !== 'DEACTIVATED') return before;
        // Never set a password: one who was invited and never accepted goes back to INVITED.
        const status = before.passwordHash ? 'ACTIVE' : 'INVITED';
        const after = await accountsRepo.updateUser(tx, id, { status });
        await record(rowUpdated(EVENTS.userReactivated, after, { status: before.status }, { status }));
        return after;
      });
    },

    /** Replaces an account's standing roles; a stale version is CONFLICT; the last secretariat account keeps its role. */
    async setRoles(actor: Actor, id: string, expectedVersion: number, rawRoles: unknown): Promise<UserRow> {
      const roles = parseInput(rolesField, rawRoles, 'roles') as Role[];
      const admin = authorize(actor, peoplePolicy.administer);
      const user = await write(admin, async ({ tx, record }) => {
        const before = await lockUser(tx, id);
        if (before.version !== expectedVersion) throw conflict(before.version);
        // An account without a party cannot become a party representative (there is no party whose rights it would have).
        if (roles.includes('PARTY_REPRESENTATIVE') && !before.partyId)
          throw badInput({ roles: REPRESENTATIVE_NEEDS_PARTY }, REPRESENTATIVE_NEEDS_PARTY);
        if (before.status === 'ACTIVE') await keepASecretariat(tx, before, roles);
        const after = await accountsRepo.updateUser(tx, id, { roles });
        await record(rowUpdated(EVENTS.userRolesChanged, after, { roles: before.roles }, { roles: after.roles }));
        return after;
      });
      // Open sockets carry the old roles: they close with 4013 and the clients reconnect with the new ones.
      await bus.broadcast(REVOKED_TOPIC, { userId: id, reconnect: true });
      return user;
    },

    /**
     * Single sign-on (issue 12): the provider vouched for this e-mail address. Only an existing active or invited
     * account signs in (never created here); an invited one becomes active and its invitation is used up.
     */
    async signInWithVerifiedEmail(emailRaw: string): Promise<LoginResult | undefined> {
      const parsed = emailAddress.safeParse(emailRaw);
      if (!parsed.success) return undefined;
      const found = await repo.findUserByEmail(db, parsed.data);
      if (!found || found.status === 'DEACTIVATED') return undefined;
      let user = found;
      if (found.status === 'INVITED') {
        user = await write(selfActor(found), async ({ tx, record }) => {
          const before = await lockUser(tx, found.id);
          if (before.status !== 'INVITED') return before;
          await accountsRepo.revokeLinksOfUser(tx, before.id);
          const after = await accountsRepo.updateUser(tx, before.id, { status: 'ACTIVE' });
          await record(rowUpdated(EVENTS.userSignedInWithSso, after, { status: before.status }, { status: after.status }));
          return after;
        });
      }
      if (user.status !== 'ACTIVE') return undefined;
      log.info({ userId: user.id }, 'signed in with single sign-on');
      return deps.auth.startSession(user);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
