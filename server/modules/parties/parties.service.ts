import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, notFound } from '../../errors.js';
import { EVENTS, entityFilter } from '../../realtime/topics.js';
import { loadOncePerEvent } from '../../realtime/subscribe.js';
import { subscribeReaders } from '../../lib/service-reads.js';
import { updateAtVersion } from '../../realtime/update.js';
import type { PartyEventModel } from './parties.models.js';
import { isoDate, optionalLine, parseInput, requiredLine } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import { partiesPolicy } from './parties.policy.js';
import * as repo from './parties.repo.js';
import type { PartyRow } from './parties.table.js';
import { rowUpdated } from '../../realtime/write.js';

/**
 * Inside a write that is given party ids (one, several, or none): BAD_USER_INPUT 'No such party' on `field` when one
 * of them is no party.
 */
export async function checkPartyIds(tx: Db, ids: string | readonly string[] | null | undefined, field: string): Promise<void> {
  const sent = typeof ids === 'string' ? [ids] : (ids ?? []);
  if (!sent.length) return;
  const known = await repo.existingPartyIds(tx, sent);
  if (sent.some((id) => !known.has(id))) throw badInput({ [field]: 'No such party' });
}

/** Given theme codes (inside a write, or a filter's): BAD_USER_INPUT on `field` naming those that are no theme. */
export async function checkThemeCodes(db: Db, codes: readonly string[] | null | undefined, field: string): Promise<void> {
  if (!codes?.length) return;
  const known = await repo.existingThemeCodes(db, codes);
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw badInput({ [field]: `Unknown theme: ${unknown.join(', ')}` });
}

/** Kinds of party, in the order of the contract's `PartyKind`. */
export const PARTY_KINDS = [
  'MUNICIPALITY',
  'WELLBEING_SERVICES_COUNTY',
  'REGIONAL_COUNCIL',
  'EMPLOYMENT_AREA',
  'JOINT_MUNICIPAL_AUTHORITY',
  'STATE_AUTHORITY',
  'NGO_OR_PARISH',
  'EDUCATION_PROVIDER',
] as const;

/**
 * The parties' order in statistics (contract: `NeedDimension`, `actionStatistics`): by kind as `PartyKind` lists the
 * kinds (municipalities first), then by official code as a number (077 Hankasalmi before 172 Joutsa), then by id.
 */
export function partyOrder(a: PartyRow, b: PartyRow): number {
  const kind = (p: PartyRow) => (PARTY_KINDS as readonly string[]).indexOf(p.kind);
  const code = (p: PartyRow) => (p.code == null || p.code === '' ? Infinity : Number(p.code));
  return kind(a) - kind(b) || code(a) - code(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const updatePartyInput = z
  .object({
    names: z.object({ fi: requiredLine(200), sv: optionalLine(200), en: optionalLine(200) }).optional(),
    subRegion: optionalLine(100),
  })
  .refine((v) => v.names !== undefined || v.subRegion !== undefined, { message: 'Nothing to change' });

const populationFigureInput = z.object({
  value: z.number().int('Expected a whole number').min(0, 'Cannot be negative').max(10_000_000, 'Too large'),
  referenceDate: isoDate,
  status: z.enum(['FINAL', 'PRELIMINARY']),
  source: requiredLine(200),
});

/** What the API shows of a party in change events' before/after. */
function snapshot(p: PartyRow) {
  return { names: p.names, subRegion: p.subRegion, version: p.version };
}

/** Parties, their population figures and the themes of cooperation. */
export function createPartiesService({ db, write, bus }: ServiceDeps) {
  const loadParty = loadOncePerEvent(async (event) => {
    const party = await repo.partyRows.find(db, event.entityId);
    return party && { party };
  });
  return {
    kinds: PARTY_KINDS,

    async list(actor: Actor, kind?: string | null): Promise<PartyRow[]> {
      authorize(actor, partiesPolicy.read);
      return repo.listParties(db, kind);
    },

    /** A party, or null when it does not exist or the caller may not see it. */
    async get(actor: Actor, id: string): Promise<PartyRow | null> {
      authorize(actor, partiesPolicy.read);
      return (await repo.partyRows.find(db, id)) ?? null;
    },

    async listThemes(actor: Actor) {
      authorize(actor, partiesPolicy.read);
      return repo.listThemes(db);
    },

    /** Refuses theme codes that are no theme, on `field` (see `checkThemeCodes`): for a read whose filter names themes. */
    checkThemeCodes: (codes: readonly string[] | null | undefined, field: string): Promise<void> =>
      checkThemeCodes(db, codes, field),

    /** Changes names and sub-region; the secretariat only; a stale version is a CONFLICT. */
    async update(actor: Actor, id: string, expectedVersion: number, rawInput: unknown): Promise<PartyRow> {
      const input = parseInput(updatePartyInput, rawInput);
      const user = authorize(actor, partiesPolicy.update);
      return write(user, (scope) =>
        updateAtVersion(scope, {
          rows: repo.partyRows,
          id,
          expectedVersion,
          what: 'Party',
          changes: (before) => ({
            // A language left out keeps its name; null clears it.
            ...(input.names
              ? {
                  names: {
                    fi: input.names.fi,
                    sv: input.names.sv === undefined ? (before.names.sv ?? null) : input.names.sv,
                    en: input.names.en === undefined ? (before.names.en ?? null) : input.names.en,
                  },
                }
              : {}),
            ...(input.subRegion !== undefined ? { subRegion: input.subRegion } : {}),
          }),
          event: EVENTS.partyUpdated,
          snapshot,
        }),
      );
    },

    /** Adds a dated, sourced figure; one per party, date and status. */
    async addPopulationFigure(actor: Actor, partyId: string, rawInput: unknown): Promise<PartyRow> {
      const input = parseInput(populationFigureInput, rawInput);
      const user = authorize(actor, partiesPolicy.addPopulationFigure);
      return write(user, async ({ tx, record }) => {
        const party = await repo.partyRows.find(tx, partyId, { forUpdate: true });
        if (!party) throw notFound('Party');
        if (await repo.populationFigureExists(tx, partyId, input.referenceDate, input.status)) {
          throw badInput({ 'input.referenceDate': 'A figure with this date and status already exists' });
        }
        await repo.insertPopulationFigures(tx, [{ partyId, ...input }]);
        const after = await repo.touchParty(tx, partyId);
        if (!after) throw notFound('Party');
        await record(rowUpdated(EVENTS.partyPopulationAdded, after, null, { population: input, version: after.version }));
        return after;
      });
    },

    /** Committed changes to one party (or all), reloaded once per event and re-authorised per subscriber. */
    subscribe(actor: Actor, id?: string | null): AsyncIterableIterator<PartyEventModel> {
      return subscribeReaders(bus, actor, partiesPolicy.read, entityFilter('party', id), loadParty);
    },
  };
}

export type PartiesService = ReturnType<typeof createPartiesService>;
