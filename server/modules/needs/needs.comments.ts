/**
 * A need's discussion. Analysts read it but never who wrote it: the service decides that here,
 * once per caller, and hands out comments and comment events already marked, so resolvers
 * only read the mark (`authorHidden`, `hideActor`) and never ask the policy themselves.
 */
import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { forbidden, notFound } from '../../errors.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import { parseInput } from '../../validation.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import type { NeedsAccess } from './needs.access.js';
import { commentSnapshot } from './needs.history.js';
import { commentInput } from './needs.inputs.js';
import type { NeedCommentModel, NeedHistoryModel, ServiceNeedModel } from './needs.models.js';
import { needsPolicy } from './needs.policy.js';
import * as repo from './needs.repo.js';
import type { CommentRow } from './needs.table.js';

/** A comment as this caller sees it: `authorHidden` for analysts. */
export const shownComment = (actor: Actor, c: CommentRow): NeedCommentModel => ({
  ...c,
  authorHidden: !needsPolicy.seeCommentAuthors(actor),
});

/** Whether this caller may not see who made the change: the author of a comment, for analysts. */
export const hidesActor = (actor: Actor, event: ChangeEventRow): boolean =>
  event.entityType === EVENTS.commentAdded.entityType && !needsPolicy.seeCommentAuthors(actor);

/** A change event as a line of the need's history, as this caller sees it. */
export const historyEntryOf = (actor: Actor, event: ChangeEventRow): NeedHistoryModel => ({
  event,
  hideActor: hidesActor(actor, event),
});

/** A need's discussion: read by its readers, written by those who read it by standing. Part of the needs service. */
export function createNeedComments({ write }: Pick<ServiceDeps, 'write'>, { standing }: NeedsAccess) {
  return {
    /** The comments of a need already read, oldest first (for a past view, those written by then), shaped for the caller. */
    async comments(actor: Actor, need: ServiceNeedModel, loaders: Loaders): Promise<NeedCommentModel[]> {
      const all = await loaders.needs.commentsByNeedId.load(need.id);
      const asOf = need.asOf?.at;
      return (asOf ? all.filter((c) => c.createdAt <= asOf) : all).map((c) => shownComment(actor, c));
    },

    /** Adds a comment to a need the caller may discuss. */
    async addComment(actor: Actor, raw: unknown): Promise<NeedCommentModel> {
      const input = parseInput(commentInput, raw, '');
      const user = requireUser(actor);
      const comment = await write(user, async ({ tx, record }) => {
        const need = await repo.needRows.find(tx, input.needId);
        if (!need) throw notFound('Service need');
        const s = await standing(user, need);
        if (!needsPolicy.read(user, s)) throw notFound('Service need');
        if (!needsPolicy.comment(user, s)) throw forbidden();
        const row = await repo.commentRows.insert(tx, {
          needId: need.id,
          body: input.body,
          authorUserId: user.userId,
          authorPartyId: user.partyId,
        });
        await record({
          ...EVENTS.commentAdded,
          entityId: row.id,
          kind: 'CREATED',
          after: commentSnapshot(row),
          scope: { needId: need.id },
        });
        return row;
      });
      return shownComment(user, comment);
    },
  };
}
