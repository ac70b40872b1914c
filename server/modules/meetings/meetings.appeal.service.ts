import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { unchanged } from '../../lib/changed.js';
import { EVENTS } from '../../realtime/topics.js';
import type { Writer } from '../../realtime/write.js';
import { isUuid, optionalText, parseInput, requiredText } from '../../validation.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import { defaultAppealTexts, type AppealTexts } from './meetings.appeal.js';
import { meetingsPolicy } from './meetings.policy.js';
import * as recordRepo from './meetings.record.repo.js';

const appealInput = z.object({ fi: requiredText(20_000), sv: optionalText(20_000), en: optionalText(20_000) });

/** A body's appeal instructions as the API answers them: the texts, whether they are the default, their version. */
export type AppealInstructions = AppealTexts & { isDefault: boolean; version: number };

/** A body's own instructions as stored. */
const ofTemplate = (row: { textFi: string; textSv: string | null; textEn: string | null; version: number }) => ({
  fi: row.textFi,
  sv: row.textSv,
  en: row.textEn,
  isDefault: false,
  version: row.version,
});

/**
 * The bodies' appeal instructions (oikaisuvaatimusohje, Kuntalaki 410/2015 §§ 133-136, 140), which published minutes
 * carry: a body's own, written by the secretariat, or the default text (meetings.appeal.ts).
 */
export function createAppealInstructions(
  { db, write }: { db: Db; write: Writer },
  cooperation: Pick<CooperationService, 'findBodyForRules'>,
) {
  /** The body's instructions: its template, or the default text. */
  async function appealTexts(dbOrTx: Db, bodyId: string): Promise<AppealInstructions> {
    const row = await recordRepo.findTemplate(dbOrTx, bodyId);
    if (row) return ofTemplate(row);
    const body = await cooperation.findBodyForRules(bodyId);
    return { ...defaultAppealTexts(body?.names ?? { fi: '' }), isDefault: true, version: 0 };
  }

  return {
    appealTexts,

    /** A body's appeal instructions: the body's readers (signed in) read them. */
    async appealInstructions(actor: Actor, bodyId: string) {
      requireUser(actor);
      const body = isUuid(bodyId) ? await cooperation.findBodyForRules(bodyId) : undefined;
      if (!body) throw notFound('Cooperation body');
      return { bodyId, ...(await appealTexts(db, bodyId)) };
    },

    /** The secretariat writes a body's appeal instructions (Finnish required; Swedish and English where the body uses them). */
    async setAppealInstructions(actor: Actor, bodyId: string, expectedVersion: number, raw: unknown) {
      const input = parseInput(appealInput, raw);
      const user = requireUser(actor);
      if (!meetingsPolicy.removePersonalData(user)) throw forbidden('Only the secretariat edits the appeal instructions');
      if (!isUuid(bodyId) || !(await cooperation.findBodyForRules(bodyId))) throw notFound('Cooperation body');
      return write(user, async ({ tx, record }) => {
        const before = await recordRepo.findTemplate(tx, bodyId, { forUpdate: true });
        if ((before?.version ?? 0) !== expectedVersion) throw conflict(before?.version ?? 0);
        const texts = { textFi: input.fi, textSv: input.sv ?? null, textEn: input.en ?? null };
        // The body's template already reads so: nothing changes, so no new version, no event.
        if (before && unchanged(before, texts)) return { bodyId, ...ofTemplate(before) };
        const after = await recordRepo.upsertTemplate(tx, { bodyId, ...texts, updatedByUserId: user.userId });
        await record({
          ...EVENTS.appealInstructionsUpdated,
          entityId: bodyId,
          kind: before ? 'UPDATED' : 'CREATED',
          entityVersion: after.version,
          before: before ?? null,
          after,
          scope: { bodyId },
        });
        return { bodyId, ...ofTemplate(after) };
      });
    },
  };
}

export type AppealInstructionsService = ReturnType<typeof createAppealInstructions>;
