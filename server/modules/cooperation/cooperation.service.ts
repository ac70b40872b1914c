import { hasRole, type Actor } from '../../auth/actor.js';
import { authorize, requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import {
  ALREADY_A_MEMBER,
  isCurrentMembership,
  overlappingMembership,
  type CooperationBodyEventModel,
  type MembershipTerm,
} from './cooperation.models.js';
import { loadOncePerEvent } from '../../realtime/subscribe.js';
import { EVENTS } from '../../realtime/topics.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { isoDate, parseChanges, parseInput } from '../../validation.js';
import { rowCreated, withoutTimestamps, type WriteScope } from '../../realtime/write.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import type { PersonsService } from '../parties/persons.service.js';
import type { PersonRow } from '../parties/persons.table.js';
import { personsPolicy } from '../parties/persons.policy.js';
import { checkPartyIds, checkThemeCodes } from '../parties/parties.service.js';
import {
  type MEMBER_ROLES,
  addMembershipInput,
  createBodyInput,
  endNotBeforeStart,
  MEMBERSHIP_TERM_MESSAGE,
  tierRank,
  updateBodyInput,
  updateMembershipInput,
} from './cooperation.inputs.js';
import { cooperationPolicy } from './cooperation.policy.js';
import * as repo from './cooperation.repo.js';
import type { CooperationBodyRow, MembershipRow } from './cooperation.table.js';
import { updateAtVersion } from '../../realtime/update.js';
import { readableById, subscribeReaders } from '../../lib/service-reads.js';

/** True when the event concerns the body (itself or one of its memberships). */
export function bodyEventFilter(bodyId?: string | null) {
  return (event: ChangeEventRow): boolean => {
    if (event.entityType === EVENTS.bodyCreated.entityType) return bodyId == null || event.entityId === bodyId;
    if (event.entityType === EVENTS.membershipAdded.entityType) return bodyId == null || event.scope?.bodyId === bodyId;
    return false;
  };
}

/**
 * What a seat in a body let its holder read in other modules (needs: those the body owns), read in the transaction of
 * a write that takes the seat away; its keys go into that write's `membership.*` event (`lostNeedIds`).
 */
export type SeatSight = (tx: Db, bodyId: string) => Promise<Record<string, string[]>>;

/** The cooperation structure: bodies, their tiers and memberships. Agreements live in agreements.service.ts. */
export function createCooperationService({ db, write, bus }: ServiceDeps, persons: PersonsService, seatSight?: SeatSight) {
  /** Parent must exist, rank the same or higher, and never lead back to the body itself. */
  async function checkParent(tx: Db, bodyId: string | null, tier: string, parentId: string | null | undefined) {
    if (!parentId) return;
    const parent = await repo.bodyRows.find(tx, parentId);
    if (!parent) throw badInput({ 'input.parentId': 'No such body' });
    if (tierRank(parent.tier) > tierRank(tier)) {
      throw badInput({ 'input.parentId': 'The parent body must be of the same or a higher tier' });
    }
    const seen = new Set<string>();
    for (
      let at: CooperationBodyRow | undefined = parent;
      at;
      at = at.parentId ? await repo.bodyRows.find(tx, at.parentId) : undefined
    ) {
      if (at.id === bodyId) throw badInput({ 'input.parentId': 'This parent would make a cycle' });
      if (seen.has(at.id)) break;
      seen.add(at.id);
    }
  }

  /** The membership policy for a body, from the caller's current roles in it (inside a write, read in its transaction). */
  async function authorizeMemberships(actor: Actor, bodyId: string) {
    const user = requireUser(actor);
    const roles = await repo.activeRolesOfUserInBody(db, user.userId, bodyId);
    if (!cooperationPolicy.manageMemberships(user, roles)) throw forbidden();
    return user;
  }

  const loadBodyEvent = loadOncePerEvent(async (event) => {
    if (event.entityType === EVENTS.membershipAdded.entityType) {
      const membership = await repo.membershipRows.find(db, event.entityId);
      const body = membership ? await repo.bodyRows.find(db, membership.bodyId) : undefined;
      return body ? { body, membership: membership ?? null } : undefined;
    }
    const body = await repo.bodyRows.find(db, event.entityId);
    return body ? { body, membership: null } : undefined;
  });

  /**
   * BAD_USER_INPUT on `field` when the person already holds a seat in the body that the term would overlap
   * (`except`: the membership being changed). Race-safe only under the person's row lock, which every caller
   * takes (or, for a person created in the same write, holds by being its only writer).
   */
  async function refuseOverlap(tx: Db, personId: string, bodyId: string, term: MembershipTerm, field: string, except?: string) {
    const others = (await repo.listMembershipsOfPersonInBody(tx, personId, bodyId)).filter((m) => m.id !== except);
    if (overlappingMembership(term, others)) throw badInput({ [field]: ALREADY_A_MEMBER });
  }

  /**
   * What a change to a membership took away, for its event's scope: when the seat held today and no longer does, the
   * account of its person that now sits in the body no more (`lostUserId`) and what the seat let it read (`seatSight`).
   * Nothing when the seat was not held, still is, or the person has no account or holds another seat in the body.
   */
  async function lostSeat(tx: Db, before: MembershipRow, after: MembershipRow): Promise<Record<string, string | string[]>> {
    if (!isCurrentMembership(before) || isCurrentMembership(after)) return {};
    const userId = (await persons.findInTx(tx, after.personId))?.userId;
    if (!userId || (await repo.activeRolesOfUserInBody(tx, userId, after.bodyId)).length > 0) return {};
    return { lostUserId: userId, ...(await seatSight?.(tx, after.bodyId)) };
  }

  /** Seats a person in a body inside the caller's write, with its `membership.added` event. */
  async function seat({ tx, record }: Pick<WriteScope, 'tx' | 'record'>, values: repo.NewMembership): Promise<MembershipRow> {
    const membership = await repo.membershipRows.insert(tx, values);
    await record(rowCreated(EVENTS.membershipAdded, membership, withoutTimestamps(membership), { bodyId: values.bodyId }));
    return membership;
  }

  return {
    async listBodies(actor: Actor, tier?: string | null): Promise<CooperationBodyRow[]> {
      authorize(actor, cooperationPolicy.read);
      return repo.listBodies(db, tier);
    },

    /** A body, or null when there is none. */
    getBody: readableById(db, cooperationPolicy.read, repo.bodyRows.find),

    /** Creates a body; the secretariat only. */
    async createBody(actor: Actor, rawInput: unknown): Promise<CooperationBodyRow> {
      const input = parseInput(createBodyInput, rawInput);
      const user = authorize(actor, cooperationPolicy.manageBodies);
      return write(user, async ({ tx, record }) => {
        await checkParent(tx, null, input.tier, input.parentId);
        await checkThemeCodes(tx, input.themeCodes, 'input.themeCodes');
        const body = await repo.bodyRows.insert(tx, {
          names: input.names,
          tier: input.tier,
          level: input.level ?? tierRank(input.tier),
          cadence: input.cadence ?? null,
          mandate: input.mandate,
          themeCodes: input.themeCodes ?? [],
          parentId: input.parentId ?? null,
        });
        await record(rowCreated(EVENTS.bodyCreated, body, withoutTimestamps(body)));
        return body;
      });
    },

    /** Changes a body; the secretariat only; a stale version is a CONFLICT. */
    async updateBody(actor: Actor, id: string, expectedVersion: number, rawInput: unknown): Promise<CooperationBodyRow> {
      const input = parseChanges(updateBodyInput, rawInput);
      const user = authorize(actor, cooperationPolicy.manageBodies);
      const { themeCodes: _t, parentId: _p, ...rest } = input;
      const changes = {
        ...rest,
        ...('parentId' in input ? { parentId: input.parentId ?? null } : {}),
        ...('themeCodes' in input ? { themeCodes: input.themeCodes ?? [] } : {}),
      };
      return write(user, (scope) =>
        updateAtVersion(scope, {
          rows: repo.bodyRows,
          id,
          expectedVersion,
          what: 'Cooperation body',
          changes,
          check: async (before) => {
            const { tx } = scope;
            const tier = input.tier ?? before.tier;
            const parentId = 'parentId' in input ? input.parentId : before.parentId;
            if ('parentId' in input || input.tier) await checkParent(tx, id, tier, parentId);
            if (input.tier) {
              const children = await repo.listChildren(tx, [id]);
              if (children.some((c) => tierRank(c.tier) < tierRank(tier))) {
                throw badInput({ 'input.tier': 'A sub-body is of a higher tier; change it first' });
              }
            }
            await checkThemeCodes(tx, input.themeCodes, 'input.themeCodes');
          },
          event: EVENTS.bodyUpdated,
        }),
      );
    },

    /**
     * Inside an invitation's write (issue 12, the secretariat only): seats the invited person in bodies,
     * one recorded membership each. Bad bodies are BAD_USER_INPUT on `input.memberships.<i>.bodyId`.
     */
    async addMembershipsInTx(
      { tx, record }: Pick<WriteScope, 'tx' | 'record'>,
      person: PersonRow,
      partyId: string,
      items: readonly {
        bodyId: string;
        role: (typeof MEMBER_ROLES)[number];
        capacity?: 'ELECTED_OFFICIAL' | 'OFFICE_HOLDER' | null;
      }[],
    ): Promise<MembershipRow[]> {
      const added: MembershipRow[] = [];
      for (const [i, item] of items.entries()) {
        const body = await repo.bodyRows.find(tx, item.bodyId);
        if (!body) throw badInput({ [`input.memberships.${i}.bodyId`]: 'No such body' });
        // The person is new in this write, so nobody else seats them meanwhile: earlier items are what may overlap.
        await refuseOverlap(tx, person.id, body.id, { startsOn: null, endsOn: null }, `input.memberships.${i}.bodyId`);
        added.push(
          await seat(
            { tx, record },
            {
              bodyId: body.id,
              personId: person.id,
              partyId,
              role: item.role,
              capacity: item.capacity ?? null,
              startsOn: null,
              endsOn: null,
            },
          ),
        );
      }
      return added;
    },

    /** Seats a person in a body; the secretariat or the body's chair or secretary. */
    async addMembership(actor: Actor, rawInput: unknown): Promise<MembershipRow> {
      const input = parseInput(addMembershipInput, rawInput);
      return write(requireUser(actor), async ({ tx, record }) => {
        await authorizeMemberships(actor, input.bodyId);
        const body = await repo.bodyRows.find(tx, input.bodyId);
        if (!body) throw notFound('Cooperation body');
        // Under the person's row lock, so that concurrent seats of the same person wait and see this one.
        const person = await persons.findInTx(tx, input.personId, { forUpdate: true });
        if (!person) throw badInput({ 'input.personId': 'No such person' });
        const term = { startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null };
        await refuseOverlap(tx, person.id, body.id, term, 'input.personId');
        const partyId = input.partyId ?? person.partyId;
        if (!partyId) throw badInput({ 'input.partyId': 'Required: the person has no party' });
        await checkPartyIds(tx, partyId, 'input.partyId');
        return seat(
          { tx, record },
          {
            bodyId: body.id,
            personId: person.id,
            partyId,
            role: input.role,
            capacity: input.capacity ?? null,
            startsOn: input.startsOn ?? null,
            endsOn: input.endsOn ?? null,
          },
        );
      });
    },

    /** Changes a membership's role, capacity or term. */
    async updateMembership(actor: Actor, id: string, expectedVersion: number, rawInput: unknown): Promise<MembershipRow> {
      const input = parseChanges(updateMembershipInput, rawInput);
      return this.changeMembership(actor, id, expectedVersion, input, 'input');
    },

    /** Ends a membership on a date; the record stays as history. */
    async endMembership(actor: Actor, id: string, expectedVersion: number, endsOn: string): Promise<MembershipRow> {
      const parsed = isoDate.safeParse(endsOn);
      if (!parsed.success) throw badInput({ endsOn: 'Expected a date as YYYY-MM-DD' });
      return this.changeMembership(actor, id, expectedVersion, { endsOn: parsed.data }, '');
    },

    /** The shared path of update and end: policy by the membership's body, end not before start, version. */
    async changeMembership(
      actor: Actor,
      id: string,
      expectedVersion: number,
      changes: Partial<Pick<MembershipRow, 'role' | 'capacity' | 'startsOn' | 'endsOn'>>,
      prefix: string,
    ): Promise<MembershipRow> {
      return write(requireUser(actor), (scope) =>
        updateAtVersion(scope, {
          rows: repo.membershipRows,
          id,
          expectedVersion,
          what: 'Membership',
          admit: (before) => authorizeMemberships(actor, before.bodyId),
          changes,
          check: async (before) => {
            const startsOn = changes.startsOn !== undefined ? changes.startsOn : before.startsOn;
            const endsOn = changes.endsOn !== undefined ? changes.endsOn : before.endsOn;
            if (!endNotBeforeStart({ startsOn, endsOn })) {
              const field = changes.endsOn !== undefined ? 'endsOn' : 'startsOn';
              throw badInput({ [prefix ? `${prefix}.${field}` : field]: MEMBERSHIP_TERM_MESSAGE });
            }
            if (changes.startsOn !== undefined || changes.endsOn !== undefined) {
              // A changed term must not overlap the person's other seat in the body (under the person's row lock).
              await persons.findInTx(scope.tx, before.personId, { forUpdate: true });
              const field = changes.endsOn !== undefined ? 'endsOn' : 'startsOn';
              await refuseOverlap(
                scope.tx,
                before.personId,
                before.bodyId,
                { startsOn, endsOn },
                prefix ? `${prefix}.${field}` : field,
                id,
              );
            }
          },
          then: (after, before) => lostSeat(scope.tx, before, after),
          event: (before) =>
            changes.endsOn != null && before.endsOn == null ? EVENTS.membershipEnded : EVENTS.membershipUpdated,
          scope: (after, lost) => ({ bodyId: after.bodyId, ...lost }),
        }),
      );
    },

    /** True when the caller chairs or is the secretary of some body now (to seat new people). */
    async runsSomeBody(actor: Actor): Promise<boolean> {
      return actor.kind === 'user' && repo.userRunsSomeBody(db, actor.userId);
    },

    /** The user's current roles per body, for other modules' policies (needs: member, chair or secretary of a body). */
    async activeRolesOfUser(userId: string): Promise<{ bodyId: string; role: string }[]> {
      return repo.activeRolesOfUsers(db, [userId]);
    },

    /** A body's memberships (ended ones too) for other modules' rules, read through the caller's transaction (meetings: quorum). */
    membershipsInTx(tx: Db, bodyId: string): Promise<MembershipRow[]> {
      return repo.listMembershipsOfBodies(tx, [bodyId]);
    },

    /** A body by id for other modules' rules (e.g. escalation to a higher tier), or undefined. */
    async findBodyForRules(id: string): Promise<CooperationBodyRow | undefined> {
      return repo.bodyRows.find(db, id);
    },

    /** Whether the caller may see this person's contact details: the secretariat, or a co-member of a current body. */
    async contactVisible(actor: Actor, person: PersonRow, loaders: Loaders): Promise<boolean> {
      if (actor.kind !== 'user') return false;
      if (hasRole(actor, 'SECRETARIAT') || person.userId === actor.userId) return personsPolicy.seeContact(actor, true);
      const [mine, theirs] = await Promise.all([
        loaders.cooperation.activeBodyIdsByUserId.load(actor.userId),
        loaders.cooperation.activeBodyIdsByPersonId.load(person.id),
      ]);
      return personsPolicy.seeContact(
        actor,
        theirs.some((b) => mine.includes(b)),
      );
    },

    /** Committed changes to one body and its memberships (or all bodies), reloaded once per event. */
    subscribe(actor: Actor, id?: string | null): AsyncIterableIterator<CooperationBodyEventModel> {
      return subscribeReaders(bus, actor, cooperationPolicy.read, bodyEventFilter(id), loadBodyEvent);
    },
  };
}

export type CooperationService = ReturnType<typeof createCooperationService>;
