import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { authorize, requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { decodeKeyset, pageSize, toKeysetConnection } from '../../lib/connection.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import type { ChangeView } from '../../realtime/change-view.js';
import { EVENTS } from '../../realtime/topics.js';
import { rowUpserted } from '../../realtime/write.js';
import { upsertAtKey } from '../../realtime/update.js';
import { optionalText, parseInput, requiredLine } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { PartiesService } from '../parties/parties.service.js';
import { analyticsPolicy } from './analytics.policy.js';
import type { IndicatorRow, NeedIndicatorTargetRow } from './analytics.table.js';
import { matchRegion, parseIndicatorCsv, type SkippedRow } from './indicators.csv.js';
import * as repo from './indicators.repo.js';

const id = z.uuid('Expected an id');
const year = z.number().int('Expected a year').min(1900, 'Expected a year').max(2100, 'Expected a year');
/** The CSV a browser or a script may send (Apollo's body limit is 2 MB). */
const MAX_CSV_CHARS = 2_000_000;

const importInput = z.object({
  csv: z.string().min(1, 'Required').max(MAX_CSV_CHARS, `At most ${MAX_CSV_CHARS} characters`),
  source: requiredLine(40)
    .regex(/^[A-Z][A-Z0-9_]*$/, 'Expected a source key such as SOTKANET')
    .nullish(),
});

const targetInput = z
  .object({
    needId: id,
    indicatorId: id,
    partyId: id,
    baselineYear: year,
    baselineValue: z.number().finite().nullish(),
    targetYear: year,
    targetValue: z.number().finite(),
    note: optionalText(2000),
  })
  .refine((t) => t.targetYear >= t.baselineYear, {
    path: ['targetYear'],
    message: 'The target year cannot be before the baseline year',
  });

const valuesFilter = z.object({
  indicatorIds: z.array(id).max(100).nullish(),
  partyIds: z.array(id).max(100).nullish(),
  fromYear: year.nullish(),
  toYear: year.nullish(),
});

/** What an import did, for the API. */
export interface IndicatorImportModel {
  imported: number;
  indicators: IndicatorRow[];
  skipped: SkippedRow[];
}

/** Indicators are public statistics: everyone signed in reads them and their import events. */
const indicatorView: ChangeView = { readsAll: (actor) => actor.kind === 'user', canRead: async () => true };

/**
 * Indicator values imported from Sotkanet-shaped CSV files, and the baselines
 * and targets that say how a need is measured.
 */
export function createIndicatorsService({ db, write }: ServiceDeps, deps: { needs: NeedsService; parties: PartiesService }) {
  return {
    changeViews: { [EVENTS.indicatorValuesImported.entityType]: indicatorView } as Record<string, ChangeView>,

    /**
     * Imports a CSV in one transaction: indicators by (source, id from the
     * data), values replaced per party, year and gender; one change event per
     * indicator. Rows that cannot be read or matched are skipped with a reason.
     */
    async importCsv(actor: Actor, raw: { csv: unknown; source?: unknown }): Promise<IndicatorImportModel> {
      const input = parseInput(importInput, raw, '');
      const user = authorize(actor, analyticsPolicy.importIndicators);
      const source = input.source ?? 'SOTKANET';
      const parsed = parseIndicatorCsv(input.csv);
      const parties = await deps.parties.list(user);
      const skipped = [...parsed.skipped];
      const values = new Map<
        string,
        { code: string; partyId: string; year: number; gender: string; value: number; absoluteValue: number | null }
      >();
      const names = new Map<string, { name: string; unit: string | null }>();
      for (const row of parsed.rows) {
        const match = matchRegion(row, parties);
        if ('reason' in match) {
          skipped.push({ line: row.line, reason: match.reason, code: match.code, value: match.value });
          continue;
        }
        const known = names.get(row.indicatorCode);
        names.set(row.indicatorCode, {
          name: row.indicatorName ?? known?.name ?? `${source} ${row.indicatorCode}`,
          unit: row.unit ?? known?.unit ?? null,
        });
        // A later row for the same indicator, party, year and gender replaces an earlier one, as a second import would.
        values.set(`${row.indicatorCode}|${match.partyId}|${row.year}|${row.gender}`, {
          code: row.indicatorCode,
          partyId: match.partyId,
          ...row,
        });
      }
      skipped.sort((a, b) => a.line - b.line);
      if (values.size === 0) return { imported: 0, indicators: [], skipped };
      const touched = await write(user, async ({ tx, record }) => {
        const byCode = new Map<string, IndicatorRow>();
        for (const [code, meta] of names) {
          const { indicator, before } = await repo.upsertIndicator(tx, { source, code, ...meta });
          byCode.set(code, indicator);
          const own = [...values.values()].filter((v) => v.code === code);
          const years = own.map((v) => v.year);
          await record(
            rowUpserted(
              EVENTS.indicatorValuesImported,
              indicator.id,
              indicator.version,
              {
                before: before && { source, code, name: before.name, unit: before.unit },
                after: {
                  source,
                  code,
                  name: indicator.name,
                  unit: indicator.unit,
                  values: own.length,
                  fromYear: Math.min(...years),
                  toYear: Math.max(...years),
                },
              },
              { indicatorId: indicator.id },
            ),
          );
        }
        await repo.upsertIndicatorValues(
          tx,
          [...values.values()].map((v) => ({
            indicatorId: byCode.get(v.code)!.id,
            partyId: v.partyId,
            year: v.year,
            gender: v.gender,
            value: v.value,
            absoluteValue: v.absoluteValue,
          })),
        );
        return [...byCode.values()];
      });
      return { imported: values.size, indicators: touched, skipped };
    },

    /** Sets (replaces) a need's baseline and target for an indicator; those who edit the need. */
    async setTarget(actor: Actor, raw: unknown): Promise<NeedIndicatorTargetRow> {
      const input = parseInput(targetInput, raw);
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const need = await deps.needs.get(user, input.needId);
        if (!need) throw notFound('Service need');
        if (!(await deps.needs.permissions(user, need)).edit) throw forbidden();
        const [indicator] = await repo.findIndicatorsByIds(tx, [input.indicatorId]);
        if (!indicator) throw badInput({ 'input.indicatorId': 'No such indicator' });
        if (!(await deps.parties.get(user, input.partyId))) throw badInput({ 'input.partyId': 'No such party' });
        const values = { ...input, baselineValue: input.baselineValue ?? null, note: input.note ?? null };
        return upsertAtKey(
          record,
          EVENTS.needIndicatorTargetSet,
          [need.id, indicator.id],
          { needId: need.id, indicatorId: indicator.id },
          {
            find: () => repo.findTargetForUpdate(tx, need.id, indicator.id),
            upsert: () => repo.upsertTarget(tx, { ...values, updatedByUserId: user.userId }),
            values,
          },
        );
      });
    },

    /** Indicators, optionally of one source. */
    async list(actor: Actor, source?: string | null): Promise<IndicatorRow[]> {
      requireUser(actor);
      return repo.listIndicators(db, source);
    },

    /** A page of values by indicator, party and year. */
    async values(actor: Actor, args: { first?: number | null; after?: string | null } & Record<string, unknown>) {
      requireUser(actor);
      const size = pageSize(args.first);
      const filter = parseInput(
        valuesFilter,
        { indicatorIds: args.indicatorIds, partyIds: args.partyIds, fromYear: args.fromYear, toYear: args.toYear },
        '',
      );
      const after = decodeKeyset('indicator_value', repo.VALUE_KEYS, args.after);
      const [rows, total] = await Promise.all([
        repo.listIndicatorValues(db, filter, after, size + 1),
        repo.countIndicatorValues(db, filter),
      ]);
      return toKeysetConnection('indicator_value', rows, size, total);
    },

    /** The baseline as set, else the imported value of the baseline year. */
    async baselineValue(target: NeedIndicatorTargetRow, loaders: Loaders): Promise<number | null> {
      if (target.baselineValue != null) return target.baselineValue;
      const all = await loaders.analytics.valuesByIndicatorId.load(target.indicatorId);
      return all.find((v) => v.partyId === target.partyId && v.year === target.baselineYear)?.value ?? null;
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;

/** Which of the ids are indicators: another module's input check, inside its own write (`tx`). */
export async function existingIndicatorIds(tx: Db, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await repo.findIndicatorsByIds(tx, ids)).map((r) => r.id));
}
