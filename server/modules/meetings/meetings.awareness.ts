import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { SlidingWindowLimiter } from '../../auth/rate-limit.js';
import { badInput, forbidden, notFound, rateLimited } from '../../errors.js';
import type { EventBus } from '../../realtime/bus.js';
import { subscribeToEphemeral } from '../../realtime/subscribe.js';
import { EPHEMERAL } from '../../realtime/topics.js';
import type { DocumentsService } from '../documents/documents.service.js';
import type { AwarenessUpdateModel } from './meetings.models.js';

/** An awareness update carries one editor's cursor and name: a few hundred bytes. */
const MAX_AWARENESS_CHARS = 4_000;
/** Cursor moves per user per second; a client throttles well below this. */
const FLOOD = { max: 30, windowMs: 1_000 };
/** How long a subscriber's read permission is trusted before it is asked again. */
const RECHECK_MS = 10_000;

/**
 * Editors' cursors and names (y-protocols awareness) for co-edited documents:
 * relayed to every instance through the ephemeral bus, never stored. Those
 * who may edit a document send; those who may read it receive.
 */
export function createAwareness(bus: EventBus, documents: DocumentsService) {
  const flood = new SlidingWindowLimiter(FLOOD.max, FLOOD.windowMs);

  return {
    async push(actor: Actor, documentId: string, update: string): Promise<boolean> {
      const user = requireUser(actor);
      if (update.length > MAX_AWARENESS_CHARS || !/^[A-Za-z0-9+/]+={0,2}$/.test(update)) {
        throw badInput({ update: `Expected a base64 awareness update of at most ${MAX_AWARENESS_CHARS} characters` });
      }
      const wait = flood.retryAfter(user.userId);
      if (wait > 0) throw rateLimited(wait);
      flood.hit(user.userId);
      const doc = await documents.get(user, documentId);
      if (!doc) throw notFound('Document');
      if (!(await documents.canEdit(user, doc))) throw forbidden('You may read this document but not edit it');
      const message: AwarenessUpdateModel = { documentId, update, userId: user.userId };
      await bus.broadcast(EPHEMERAL.awareness, message);
      return true;
    },

    async subscribe(actor: Actor, documentId: string): Promise<AsyncIterableIterator<AwarenessUpdateModel>> {
      requireUser(actor);
      const doc = await documents.get(actor, documentId);
      if (!doc) throw notFound('Document');
      let checkedAt = Date.now();
      let allowed = true;
      return subscribeToEphemeral(bus, EPHEMERAL.awareness, async (payload) => {
        const m = payload as AwarenessUpdateModel | undefined;
        if (!m || m.documentId !== documentId || typeof m.update !== 'string') return undefined;
        if (Date.now() - checkedAt > RECHECK_MS) {
          allowed = (await documents.get(actor, documentId)) !== null;
          checkedAt = Date.now();
        }
        return allowed ? m : undefined;
      });
    },
  };
}

export type Awareness = ReturnType<typeof createAwareness>;
