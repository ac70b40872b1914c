import { isSession, type Actor } from '../../auth/actor.js';
import type { AgreementsService } from '../cooperation/agreements.service.js';
import { cooperationPolicy } from '../cooperation/cooperation.policy.js';
import type { Loaders } from '../loaders.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import type { NeedsService } from '../needs/needs.service.js';

/** The records a file can be attached to (GraphQL `AttachmentTargetType`). */
export const TARGET_TYPES = ['AGENDA_ITEM', 'SERVICE_NEED', 'AGREEMENT'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** How a caller stands towards one target: its attachments are read and changed with the same rights as the record. */
export interface TargetStanding {
  read: boolean;
  /** Uploading and deleting: the right to edit the record itself. */
  edit: boolean;
  /** Anyone may read it, signed in or not (a PUBLIC item of published minutes). */
  public: boolean;
}

type StandingOf = (actor: Actor, id: string, loaders?: Loaders) => Promise<TargetStanding | null>;

/**
 * Each target type's rule, keyed by name, answered by the module that owns
 * the record (null: no such record, or one the caller may not see).
 */
export function createTargets(deps: {
  meetings: MeetingsService;
  needs: NeedsService;
  agreements: AgreementsService;
}): Record<TargetType, StandingOf> {
  return {
    AGENDA_ITEM: async (actor, id, loaders) => {
      const s = await deps.meetings.open.itemStanding(actor, id, loaders);
      return s && s.read ? { read: true, edit: s.edit, public: s.public } : null;
    },
    SERVICE_NEED: async (actor, id, loaders) => {
      if (actor.kind !== 'user') return null;
      const need = await deps.needs.get(actor, id, null, loaders);
      if (!need) return null;
      const may = await deps.needs.permissions(actor, need, loaders);
      return { read: true, edit: isSession(actor) && may.edit, public: false };
    },
    AGREEMENT: async (actor, id) => {
      if (actor.kind !== 'user') return null;
      const agreement = await deps.agreements.get(actor, id);
      if (!agreement) return null;
      return { read: true, edit: isSession(actor) && cooperationPolicy.manageAgreements(actor), public: false };
    },
  };
}
