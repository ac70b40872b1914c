import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { authorize, requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, forbidden } from '../../errors.js';
import { EVENTS } from '../../realtime/topics.js';
import { isUuid, optionalLine, parseInput, requiredLine } from '../../validation.js';
import { rowCreated, rowUpdated, type WriteScope } from '../../realtime/write.js';
import type { ServiceDeps } from '../deps.js';
import { checkPartyIds } from './parties.service.js';
import { personsPolicy } from './persons.policy.js';
import * as repo from './persons.repo.js';
import type { PersonRow } from './persons.table.js';
import { updateLocked } from '../../lib/lock.js';
import { updateAtVersion } from '../../realtime/update.js';
import { readableById } from '../../lib/service-reads.js';

const contact = {
  title: optionalLine(200),
  partyId: z.uuid('Expected an id').nullish(),
  email: z
    .string()
    .trim()
    .max(200, 'At most 200 characters')
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[^\s@]+@[^\s@]+$/.test(v), 'Expected an email address'),
  phone: optionalLine(40),
};

const createPersonInput = z.object({ name: requiredLine(200), ...contact });
const updatePersonInput = z
  .object({ name: requiredLine(200).optional(), ...contact })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' });

/** What change events keep of a person: no contact details (the audit log is widely readable). */
function snapshot(p: PersonRow) {
  return { name: p.name, title: p.title, partyId: p.partyId, userId: p.userId, version: p.version };
}

/** People who sit in bodies. Contact visibility is decided with the memberships (cooperation service). */
export function createPersonsService({ db, write }: ServiceDeps) {
  return {
    /**
     * Inside an invitation's write (issue 12): the person who sits in bodies for a new account. Links the
     * given person (who must have no account yet) or creates one; records the change either way.
     */
    async forAccountInTx(
      { tx, record }: Pick<WriteScope, 'tx' | 'record'>,
      account: { userId: string; name: string; partyId: string | null; email: string },
      personId?: string | null,
    ): Promise<PersonRow> {
      if (personId) {
        const before = await repo.personRows.find(tx, personId, { forUpdate: true });
        if (!before) throw badInput({ 'input.personId': 'No such person' });
        if (before.userId) throw badInput({ 'input.personId': 'This person already has an account' });
        const after = await updateLocked(tx, repo.personRows.updateIfVersion, before, {
          userId: account.userId,
          email: before.email ?? account.email,
        });
        await record(rowUpdated(EVENTS.personUpdated, after, snapshot(before), snapshot(after)));
        return after;
      }
      await checkPartyIds(tx, account.partyId, 'input.partyId');
      const person = await repo.personRows.insert(tx, {
        name: account.name,
        partyId: account.partyId,
        email: account.email,
        userId: account.userId,
      });
      await record(rowCreated(EVENTS.personCreated, person, snapshot(person)));
      return person;
    },

    /** The person linked to a user account, if any. */
    personOfUser(userId: string): Promise<PersonRow | undefined> {
      return repo.findPersonOfUser(db, userId);
    },

    async list(actor: Actor, partyId?: string | null): Promise<PersonRow[]> {
      authorize(actor, personsPolicy.read);
      if (partyId && !isUuid(partyId)) return [];
      return repo.listPersons(db, partyId);
    },

    /** A person, or null when there is none. */
    get: readableById(db, personsPolicy.read, repo.personRows.find),

    /** Within a write of another service: these persons (in no particular order; an unknown id is left out). */
    findManyInTx(tx: Db, ids: readonly string[]): Promise<PersonRow[]> {
      return repo.personRows.findByIds(tx, ids.filter(isUuid));
    },

    /** Within a write of another service: the person, or undefined. */
    findInTx(tx: Db, id: string, opts?: { forUpdate?: boolean }): Promise<PersonRow | undefined> {
      return repo.personRows.find(tx, id, opts);
    },

    /** Creates a person; `chairsOrSecretariesABody` answers whether the caller runs some body. */
    async create(actor: Actor, rawInput: unknown, chairsOrSecretariesABody: () => Promise<boolean>): Promise<PersonRow> {
      const input = parseInput(createPersonInput, rawInput);
      const user = requireUser(actor);
      if (!personsPolicy.create(user, false) && !personsPolicy.create(user, await chairsOrSecretariesABody())) throw forbidden();
      return write(user, async ({ tx, record }) => {
        await checkPartyIds(tx, input.partyId, 'input.partyId');
        const person = await repo.personRows.insert(tx, { ...input, partyId: input.partyId ?? null });
        await record(rowCreated(EVENTS.personCreated, person, snapshot(person)));
        return person;
      });
    },

    /** Changes a person; the secretariat only; a stale version is a CONFLICT. */
    async update(actor: Actor, id: string, expectedVersion: number, rawInput: unknown): Promise<PersonRow> {
      const input = parseInput(updatePersonInput, rawInput);
      const user = authorize(actor, personsPolicy.update);
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      return write(user, (scope) =>
        updateAtVersion(scope, {
          rows: repo.personRows,
          id,
          expectedVersion,
          what: 'Person',
          changes,
          check: () => checkPartyIds(scope.tx, input.partyId, 'input.partyId'),
          event: EVENTS.personUpdated,
          snapshot,
        }),
      );
    },
  };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
