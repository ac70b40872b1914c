import { z } from 'zod';
import { actorOf, type Actor, type UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/guard.js';
import { assertPasswordPolicy, MIN_PASSWORD_LENGTH } from '../../auth/password-policy.js';
import { hashPassword, hashToken, newToken } from '../../auth/tokens.js';
import { AppError, badInput, notFound } from '../../errors.js';
import type { Locale } from '../../lib/locale.js';
import { EVENTS, REVOKED_TOPIC } from '../../realtime/topics.js';
import { rowCreated, rowUpdated, type WriteScope } from '../../realtime/write.js';
import { emailAddress, parseInput, requiredLine } from '../../validation.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import { MEMBER_ROLES } from '../cooperation/cooperation.inputs.js';
import type { ServiceDeps } from '../deps.js';
import type { PersonsService } from '../parties/persons.service.js';
import { createLinkMailer, type LinkKind } from './accounts.mail.js';
import { newAccountSnapshot } from './accounts.service.js';
import * as accountsRepo from './accounts.repo.js';
import * as repo from './auth.repo.js';
import type { AuthService, LoginResult } from './auth.service.js';
import type { AccountLinkRow, UserRow } from './auth.table.js';
import { endSessions } from './sessions.js';
import { peoplePolicy } from './people.policy.js';

/** How long a one-time link works (issue 12: 7 days). */
export const LINK_VALID_DAYS = 7;
/** One-time link tokens start with this (never a session or API token). */
export const LINK_TOKEN_PREFIX = 'ypl_';

const ROLES = ['SECRETARIAT', 'PARTY_REPRESENTATIVE', 'ANALYST'] as const;
const LANGUAGES = new Set<string>(['fi', 'sv', 'en'] satisfies Locale[]);
const STORED_KIND: Record<LinkKind, string> = { INVITATION: 'INVITE', PASSWORD_RESET: 'RESET' };
const kindOf = (link: AccountLinkRow): LinkKind => (link.kind === 'INVITE' ? 'INVITATION' : 'PASSWORD_RESET');

/** A party representative's rights come from their party: the role needs one (invitations and role changes). */
export const REPRESENTATIVE_NEEDS_PARTY = 'A party representative must have a party';

export const rolesField = z
  .array(z.enum(ROLES))
  .max(3)
  .transform((r) => [...new Set(r)]);

const inviteInput = z
  .object({
    email: emailAddress,
    displayName: requiredLine(200),
    partyId: z.uuid('Expected an id').nullish(),
    roles: rolesField,
    memberships: z
      .array(
        z.object({
          bodyId: z.uuid('Expected an id'),
          role: z.enum(MEMBER_ROLES),
          capacity: z.enum(['ELECTED_OFFICIAL', 'OFFICE_HOLDER']).nullish(),
        }),
      )
      .max(20, 'At most 20 bodies')
      .nullish(),
    personId: z.uuid('Expected an id').nullish(),
    language: z.enum(['fi', 'sv', 'en']).nullish(),
  })
  .refine((v) => !v.roles.includes('PARTY_REPRESENTATIVE') || v.partyId, {
    message: REPRESENTATIVE_NEEDS_PARTY,
    path: ['partyId'],
  })
  .refine((v) => !v.memberships?.length || v.partyId, {
    message: 'Choose the party the person represents in the bodies',
    path: ['partyId'],
  });

/** What the inviter gets back: the link is shown once. */
export interface LinkResult {
  user: UserRow;
  link: string;
  expiresAt: Date;
  emailed: boolean;
}

/** What the holder of a link sees. */
export interface LinkView {
  kind: LinkKind;
  state: 'VALID' | 'EXPIRED' | 'USED';
  email: string;
  displayName: string;
  expiresAt: Date;
  /** The language the link was sent in: the page opens in it unless the reader has chosen one. */
  language: Locale;
  /** The fewest characters the password policy takes, for the page's own check. */
  minPasswordLength: number;
}

/** The actor a person is while acting on their own account before they have a session (audit only). */
export const selfActor = (user: UserRow): UserActor => actorOf(user, 'session');

/**
 * Invitations and password reset links (issue 12): one-time links valid 7 days, stored as hashes, shown
 * to the inviter, written to the log and mailed when SMTP_URL is set. Accepting one sets the password and
 * signs the person in.
 */
export function createInvitationsService(
  { db, write, bus, config, log }: ServiceDeps,
  deps: { auth: AuthService; persons: PersonsService; cooperation: CooperationService },
) {
  let ownUrl = `http://${config.host}:${config.port}`;
  const mailer = createLinkMailer(config.mail, log);

  /** Inside a write: ends the account's earlier links and stores a new one; returns the secret. */
  async function newLink(tx: WriteScope['tx'], user: UserRow, kind: LinkKind, createdBy: string, language: Locale) {
    await accountsRepo.revokeLinksOfUser(tx, user.id);
    const token = newToken(LINK_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + LINK_VALID_DAYS * 24 * 3_600_000);
    await accountsRepo.insertAccountLink(tx, {
      userId: user.id,
      kind: STORED_KIND[kind],
      tokenHash: hashToken(token),
      createdByUserId: createdBy,
      expiresAt,
      language,
    });
    return { token, expiresAt };
  }

  /** After commit: the link to the log (the issue asks for it: an installation without mail still works) and to the mail server. */
  function handOut(user: UserRow, kind: LinkKind, token: string, expiresAt: Date, locale: Locale): LinkResult {
    const link = `${(config.mail.publicUrl ?? ownUrl).replace(/\/$/, '')}/invitation/${token}`;
    log.info(
      { userId: user.id, kind, link, expiresAt },
      kind === 'INVITATION' ? 'invitation link created' : 'password reset link created',
    );
    mailer.send(user.email, kind, locale, link, expiresAt);
    return { user, link, expiresAt, emailed: mailer.enabled };
  }

  /** The link by its secret, or NOT_FOUND; EXPIRED or USED links are BAD_USER_INPUT naming `token`. */
  function checkUsable(found: { link: AccountLinkRow; user: UserRow } | undefined) {
    if (!found || found.link.revokedAt || found.user.status === 'DEACTIVATED') throw notFound('Link');
    if (found.link.usedAt)
      throw new AppError('BAD_USER_INPUT', 'This link has already been used', {
        fields: { token: 'Already used' },
        reason: 'USED',
      });
    if (found.link.expiresAt.getTime() <= Date.now())
      throw new AppError('BAD_USER_INPUT', 'This link has expired', { fields: { token: 'Expired' }, reason: 'EXPIRED' });
    return found;
  }

  const hashOf = (token: string) => (token.startsWith(LINK_TOKEN_PREFIX) && token.length < 200 ? hashToken(token) : undefined);

  return {
    /** Sets the address links point to when PUBLIC_URL is not set (the server's own, known once it listens). */
    start(url: string) {
      ownUrl = url;
    },
    /** Waits for e-mails under way. */
    stop: () => mailer.close(),

    /** The secretariat invites a person: an INVITED account, its person and memberships, one audited write. */
    async invite(actor: Actor, rawInput: unknown): Promise<LinkResult> {
      const input = parseInput(inviteInput, rawInput);
      const admin = authorize(actor, peoplePolicy.administer);
      const { user, token, expiresAt } = await write(admin, async (scope) => {
        const { tx, record } = scope;
        if (await repo.findUserByEmail(tx, input.email))
          throw badInput(
            { 'input.email': 'An account with this email already exists' },
            'An account with this email already exists',
          );
        const [user] = await repo.userRows
          .insertMany(tx, [
            {
              email: input.email,
              displayName: input.displayName,
              passwordHash: null,
              status: 'INVITED',
              partyId: input.partyId ?? null,
              roles: input.roles,
            },
          ])
          .catch((err: unknown) => {
            // A party id that does not exist breaks the foreign key.
            if (String((err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string }).code) === '23503')
              throw badInput({ 'input.partyId': 'No such party' });
            throw err;
          });
        if (!user) throw new Error('user insert returned nothing');
        await record(rowCreated(EVENTS.userInvited, user, { ...newAccountSnapshot(user), status: user.status }));
        const person = await deps.persons.forAccountInTx(
          scope,
          { userId: user.id, name: user.displayName, partyId: user.partyId, email: user.email },
          input.personId,
        );
        if (input.memberships?.length && input.partyId)
          await deps.cooperation.addMembershipsInTx(scope, person, input.partyId, input.memberships);
        return { user, ...(await newLink(tx, user, 'INVITATION', admin.userId, input.language ?? 'fi')) };
      });
      return handOut(user, 'INVITATION', token, expiresAt, input.language ?? 'fi');
    },

    /** A new link that sets the password (an invited account gets a fresh invitation); earlier links stop working. */
    async sendResetLink(actor: Actor, userId: string, locale: Locale): Promise<LinkResult> {
      const admin = authorize(actor, peoplePolicy.administer);
      const { user, token, expiresAt, kind } = await write(admin, async ({ tx, record }) => {
        const user = await repo.userRows.find(tx, userId, { forUpdate: true });
        if (!user) throw notFound('User');
        if (user.status === 'DEACTIVATED')
          throw badInput(
            { userId: 'The account is deactivated; reactivate it first' },
            'The account is deactivated; reactivate it first',
          );
        const kind: LinkKind = user.status === 'INVITED' ? 'INVITATION' : 'PASSWORD_RESET';
        const link = await newLink(tx, user, kind, admin.userId, locale);
        await record(rowUpdated(EVENTS.userLinkCreated, user, null, { linkKind: kind, expiresAt: link.expiresAt }));
        return { user, kind, ...link };
      });
      return handOut(user, kind, token, expiresAt, locale);
    },

    /** What the link's page shows; null when there is no such link (or it was replaced). */
    async view(token: string): Promise<LinkView | null> {
      const hash = hashOf(token);
      const found = hash ? await accountsRepo.findAccountLink(db, hash) : undefined;
      if (!found || found.link.revokedAt || found.user.status === 'DEACTIVATED') return null;
      const state = found.link.usedAt ? 'USED' : found.link.expiresAt.getTime() <= Date.now() ? 'EXPIRED' : 'VALID';
      return {
        kind: kindOf(found.link),
        state,
        email: found.user.email,
        displayName: found.user.displayName,
        expiresAt: found.link.expiresAt,
        language: LANGUAGES.has(found.link.language) ? (found.link.language as Locale) : 'fi',
        minPasswordLength: MIN_PASSWORD_LENGTH,
      };
    },

    /** Sets the password with a link (policy applies), activates the account and signs the person in. */
    async accept(token: string, password: string): Promise<LoginResult> {
      const hash = hashOf(token) ?? '';
      const first = checkUsable(hash ? await accountsRepo.findAccountLink(db, hash) : undefined);
      assertPasswordPolicy(password, 'password', first.user);
      const passwordHash = await hashPassword(password);
      const { user, ended } = await write(selfActor(first.user), async ({ tx, record }) => {
        // Again under a lock: two tabs submitting the same link cannot both use it.
        const { link, user: before } = checkUsable(await accountsRepo.findAccountLink(tx, hash, { forUpdate: true }));
        await accountsRepo.markLinkUsed(tx, link.id);
        const user = await accountsRepo.updateUser(tx, before.id, { passwordHash, status: 'ACTIVE' });
        await record(
          rowUpdated(
            EVENTS.userLinkAccepted,
            user,
            { status: before.status },
            { status: user.status, linkKind: kindOf(link), passwordChanged: true },
          ),
        );
        // A reset means the old password may be known to someone else: every session of the account ends.
        const ended = await endSessions({ tx, record }, user.id);
        return { user, ended };
      });
      if (ended.length) await bus.broadcast(REVOKED_TOPIC, { userId: user.id });
      return deps.auth.startSession(user);
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
