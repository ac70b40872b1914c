import type { Actor } from '../../auth/actor.js';
import { authorize, requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import type { AgreementEventModel, NegotiationEventModel, RatificationProgressModel } from './cooperation.models.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { loadOncePerEvent } from '../../realtime/subscribe.js';
import { EVENTS, entityFilter } from '../../realtime/topics.js';
import { parseChanges, parseInput, unique } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import type { NotificationHooks } from '../notifications/notifications.service.js';
import {
  createAgreementInput,
  createNegotiationInput,
  endsAfterStart,
  recordRatificationInput,
  sectionInput,
  updateAgreementInput,
  updateNegotiationInput,
  updateSectionInput,
  VALIDITY_MESSAGE,
} from './cooperation.inputs.js';
import { cooperationPolicy } from './cooperation.policy.js';
import * as repo from './agreements.repo.js';
import { checkPartyIds } from '../parties/parties.service.js';
import type { AgreementRow, AgreementSectionRow, NegotiationRow, RatificationRow } from './cooperation.table.js';
import { rowCreated, rowUpdated, withoutTimestamps } from '../../realtime/write.js';
import { type LinkLists, updateAtVersion } from '../../realtime/update.js';
import { readableById, subscribeReaders } from '../../lib/service-reads.js';

/** One row of `ratificationStatistics`. */
export interface RatificationStatisticsModel {
  agreement: AgreementRow;
  progress: RatificationProgressModel;
  ratifiedShare: number | null;
  ratifiedPopulation: number;
  totalPopulation: number;
}

/**
 * Counts a round as the contract reads it, total = approved + rejected + pending: an approval with changes is an
 * approval, and `approvedWithChanges` says how many of them it is.
 */
export function ratificationProgress(rows: Pick<RatificationRow, 'outcome'>[]): RatificationProgressModel {
  const count = (o: string) => rows.filter((r) => r.outcome === o).length;
  return {
    total: rows.length,
    approved: count('APPROVED') + count('APPROVED_WITH_CHANGES'),
    approvedWithChanges: count('APPROVED_WITH_CHANGES'),
    rejected: count('REJECTED'),
    pending: count('PENDING'),
  };
}

/** True when the event concerns the agreement (itself, a section or a ratification). */
export function agreementEventFilter(agreementId?: string | null) {
  return (event: ChangeEventRow): boolean => {
    if (event.entityType === EVENTS.agreementCreated.entityType) return agreementId == null || event.entityId === agreementId;
    if (
      event.entityType === EVENTS.ratificationRecorded.entityType ||
      event.entityType === EVENTS.agreementSectionAdded.entityType
    ) {
      return agreementId == null || event.scope?.agreementId === agreementId;
    }
    return false;
  };
}

/** Agreements, their sections and ratification rounds, and the negotiations the law requires. */
export function createAgreementsService({ db, write, bus }: ServiceDeps, notify?: NotificationHooks) {
  /** The parties of an agreement or a negotiation as an update replaces them: those sent, and those `list` reads now. */
  function partyLinks(
    tx: Db,
    list: typeof repo.listAgreementParties,
    id: string,
    sent: string[] | undefined,
  ): LinkLists<'partyIds'> {
    return [{ partyIds: sent }, { partyIds: async () => (await list(tx, [id])).map((l) => l.partyId) }];
  }

  /** The parties sent in `input.partyIds`, each once; BAD_USER_INPUT on that field when one is not a party. */
  async function sentParties(tx: Db, sent: string[]): Promise<string[]> {
    const ids = unique(sent);
    await checkPartyIds(tx, ids, 'input.partyIds');
    return ids;
  }

  const loadAgreementEvent = loadOncePerEvent(async (event) => {
    let agreementId = event.entityId;
    let ratification: RatificationRow | null = null;
    let section: AgreementSectionRow | null = null;
    if (event.entityType === EVENTS.ratificationRecorded.entityType) {
      ratification = (await repo.findRatification(db, event.entityId)) ?? null;
      agreementId = ratification?.agreementId ?? '';
    } else if (event.entityType === EVENTS.agreementSectionAdded.entityType) {
      section = (await repo.sectionRows.find(db, event.entityId)) ?? null;
      agreementId = section?.agreementId ?? '';
    }
    const agreement = agreementId ? await repo.agreementRows.find(db, agreementId) : undefined;
    return agreement ? { agreement, ratification, section } : undefined;
  });
  const loadNegotiation = loadOncePerEvent(async (event) => {
    const negotiation = await repo.negotiationRows.find(db, event.entityId);
    return negotiation && { negotiation };
  });

  return {
    async list(actor: Actor): Promise<AgreementRow[]> {
      authorize(actor, cooperationPolicy.read);
      return repo.listAgreements(db);
    },

    /**
     * Ratification progress per agreement, with the population (latest figure)
     * of the parties that have ratified and of all the agreement's parties.
     */
    async ratificationStatistics(actor: Actor): Promise<RatificationStatisticsModel[]> {
      authorize(actor, cooperationPolicy.read);
      const agreements = await repo.listAgreements(db);
      const rows = await repo.listRatifications(
        db,
        agreements.map((a) => a.id),
      );
      const population = await repo.latestPopulations(db, [...new Set(rows.map((r) => r.partyId))]);
      return agreements.map((agreement) => {
        const own = rows.filter((r) => r.agreementId === agreement.id);
        const ratified = own.filter((r) => r.outcome === 'APPROVED' || r.outcome === 'APPROVED_WITH_CHANGES');
        const sum = (list: typeof own) => list.reduce((n, r) => n + (population.get(r.partyId) ?? 0), 0);
        return {
          agreement,
          progress: ratificationProgress(own),
          ratifiedShare: own.length ? Math.round((ratified.length / own.length) * 1000) / 1000 : null,
          ratifiedPopulation: sum(ratified),
          totalPopulation: sum(own),
        };
      });
    },

    get: readableById(db, cooperationPolicy.read, repo.agreementRows.find),

    /** Creates an agreement with every party's ratification PENDING; the secretariat only. */
    async create(actor: Actor, rawInput: unknown): Promise<AgreementRow> {
      const input = parseInput(createAgreementInput, rawInput);
      const user = authorize(actor, cooperationPolicy.manageAgreements);
      return write(user, async (scope) => {
        const { tx, record } = scope;
        const partyIds = await sentParties(tx, input.partyIds);
        const agreement = await repo.agreementRows.insert(tx, {
          titles: input.titles,
          type: input.type,
          validFrom: input.validFrom ?? null,
          validTo: input.validTo ?? null,
        });
        await repo.setAgreementParties(tx, agreement.id, partyIds);
        await record(rowCreated(EVENTS.agreementCreated, agreement, { ...withoutTimestamps(agreement), partyIds }));
        await notify?.ratificationAwaited(scope, agreement, partyIds);
        return agreement;
      });
    },

    /** Changes an agreement; the secretariat only; validity must end after it starts. */
    async update(actor: Actor, id: string, expectedVersion: number, rawInput: unknown): Promise<AgreementRow> {
      const input = parseChanges(updateAgreementInput, rawInput);
      const user = authorize(actor, cooperationPolicy.manageAgreements);
      const { partyIds: rawPartyIds, ...changes } = input;
      return write(user, (scope) =>
        updateAtVersion(scope, {
          rows: repo.agreementRows,
          id,
          expectedVersion,
          what: 'Agreement',
          changes,
          links: partyLinks(scope.tx, repo.listAgreementParties, id, rawPartyIds),
          // The rule of a new agreement, over the dates sent and those stored (an update may send one of them).
          check: (before) => {
            if (!endsAfterStart({ ...before, ...changes }))
              throw badInput({ [changes.validTo !== undefined ? 'input.validTo' : 'input.validFrom']: VALIDITY_MESSAGE });
          },
          then: async (after) => {
            if (!rawPartyIds) return;
            const partyIds = await sentParties(scope.tx, rawPartyIds);
            const earlier = new Set((await repo.listRatifications(scope.tx, [id])).map((r) => r.partyId));
            await repo.setAgreementParties(scope.tx, id, partyIds);
            await notify?.ratificationAwaited(
              scope,
              after,
              partyIds.filter((p) => !earlier.has(p)),
            );
          },
          event: EVENTS.agreementUpdated,
        }),
      );
    },

    async addSection(actor: Actor, agreementId: string, rawInput: unknown): Promise<AgreementSectionRow> {
      const input = parseInput(sectionInput, rawInput);
      const user = authorize(actor, cooperationPolicy.manageAgreements);
      return write(user, async ({ tx, record }) => {
        const agreement = await repo.agreementRows.find(tx, agreementId);
        if (!agreement) throw notFound('Agreement');
        const section = await repo.sectionRows.insert(tx, { ...input, sortOrder: input.sortOrder ?? 0, agreementId });
        await record(rowCreated(EVENTS.agreementSectionAdded, section, withoutTimestamps(section), { agreementId }));
        return section;
      });
    },

    async updateSection(actor: Actor, id: string, expectedVersion: number, rawInput: unknown): Promise<AgreementSectionRow> {
      const input = parseChanges(updateSectionInput, rawInput);
      const user = authorize(actor, cooperationPolicy.manageAgreements);
      return write(user, (scope) =>
        updateAtVersion(scope, {
          rows: repo.sectionRows,
          id,
          expectedVersion,
          what: 'Agreement section',
          changes: input,
          event: EVENTS.agreementSectionUpdated,
          scope: (after) => ({ agreementId: after.agreementId }),
        }),
      );
    },

    /**
     * Records a party's decision, replacing the earlier record (the history is
     * in change_events). A representative for their own party; the secretariat for any.
     */
    async recordRatification(actor: Actor, rawInput: unknown): Promise<RatificationRow> {
      const input = parseInput(recordRatificationInput, rawInput);
      const user = requireUser(actor);
      if (!cooperationPolicy.recordRatification(user, input.partyId))
        throw forbidden('You may record decisions of your own party only');
      return write(user, async ({ tx, record }) => {
        const agreement = await repo.agreementRows.find(tx, input.agreementId);
        if (!agreement) throw notFound('Agreement');
        const before = await repo.findRatificationForUpdate(tx, input.agreementId, input.partyId);
        if (!before) throw badInput({ 'input.partyId': 'Not a party of this agreement' });
        const after = await repo.replaceRatification(tx, before.id, {
          decidingBody: input.decidingBody,
          decisionDate: input.decisionDate,
          section: input.section,
          minutesUrl: input.minutesUrl,
          outcome: input.outcome,
          note: input.note ?? null,
          recordedByUserId: user.userId,
        });
        if (!after) throw notFound('Ratification');
        await record(
          rowUpdated(EVENTS.ratificationRecorded, after, withoutTimestamps(before), withoutTimestamps(after), {
            agreementId: after.agreementId,
            partyId: after.partyId,
          }),
        );
        return after;
      });
    },

    /** Committed changes to one agreement (or all), its sections and ratifications. */
    subscribe(actor: Actor, id?: string | null): AsyncIterableIterator<AgreementEventModel> {
      return subscribeReaders(bus, actor, cooperationPolicy.read, agreementEventFilter(id), loadAgreementEvent);
    },

    // ---- negotiations ----

    async listNegotiations(actor: Actor, kind?: string | null, year?: number | null): Promise<NegotiationRow[]> {
      authorize(actor, cooperationPolicy.read);
      return repo.listNegotiations(db, kind, year);
    },

    getNegotiation: readableById(db, cooperationPolicy.read, repo.negotiationRows.find),

    async createNegotiation(actor: Actor, rawInput: unknown): Promise<NegotiationRow> {
      const input = parseInput(createNegotiationInput, rawInput);
      const user = authorize(actor, cooperationPolicy.manageNegotiations);
      return write(user, async ({ tx, record }) => {
        const partyIds = await sentParties(tx, input.partyIds);
        const { partyIds: _p, ...fields } = input;
        const negotiation = await repo.negotiationRows.insert(tx, { ...fields, heldOn: fields.heldOn ?? null });
        await repo.setNegotiationParties(tx, negotiation.id, partyIds);
        await record(rowCreated(EVENTS.negotiationCreated, negotiation, { ...withoutTimestamps(negotiation), partyIds }));
        return negotiation;
      });
    },

    async updateNegotiation(actor: Actor, id: string, expectedVersion: number, rawInput: unknown): Promise<NegotiationRow> {
      const input = parseChanges(updateNegotiationInput, rawInput);
      const user = authorize(actor, cooperationPolicy.manageNegotiations);
      const { partyIds: rawPartyIds, ...changes } = input;
      return write(user, (scope) =>
        updateAtVersion(scope, {
          rows: repo.negotiationRows,
          id,
          expectedVersion,
          what: 'Negotiation',
          changes,
          links: partyLinks(scope.tx, repo.listNegotiationParties, id, rawPartyIds),
          then: async () => {
            if (rawPartyIds) await repo.setNegotiationParties(scope.tx, id, await sentParties(scope.tx, rawPartyIds));
          },
          event: EVENTS.negotiationUpdated,
        }),
      );
    },

    subscribeNegotiations(actor: Actor, id?: string | null): AsyncIterableIterator<NegotiationEventModel> {
      const matches = entityFilter(EVENTS.negotiationCreated.entityType, id);
      return subscribeReaders(bus, actor, cooperationPolicy.read, matches, loadNegotiation);
    },
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
