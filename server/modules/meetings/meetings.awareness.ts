import { AsyncResource } from 'node:async_hooks';
import type { Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { SlidingWindowLimiter } from '../../auth/rate-limit.js';
import { badInput, forbidden, notFound, rateLimited } from '../../errors.js';
import type { EventBus } from '../../realtime/bus.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { subscribeToEphemeral } from '../../realtime/subscribe.js';
import { EPHEMERAL } from '../../realtime/topics.js';
import type { DocumentsService } from '../documents/documents.service.js';
import type { AwarenessUpdateModel } from './meetings.models.js';

/** An awareness update carries one editor's cursor and name: a few hundred bytes. */
const MAX_AWARENESS_CHARS = 4_000;
/** Cursor moves per user per second; a client throttles well below this. */
const FLOOD = { max: 30, windowMs: 1_000 };
/**
 * How long a subscriber's cached read permission is trusted without an event that can change it: memberships
 * also end by date, with no event.
 */
const RECHECK_MS = 10_000;

/** One subscriber's read permission: cached, or the re-check under way since an event that can change it committed. */
interface Reader {
  actor: Actor;
  documentId: string;
  ownerType: string;
  allowed: boolean | Promise<boolean>;
  checkedAt: number;
}

/**
 * Editors' cursors and names (y-protocols awareness) for co-edited documents:
 * relayed to every instance through the ephemeral bus, never stored. Those
 * who may edit a document send; those who may read it receive. A reader's
 * permission is cached as the document stream caches it (documents.rooms.ts):
 * read when the subscription starts and again when an event commits that can
 * change it (the document owner's `affectedBy`: for meeting documents
 * memberships, persons, the meeting's status, the item's publicity), never per
 * cursor move; while it says no, updates are dropped unsent.
 */
export function createAwareness(bus: EventBus, documents: DocumentsService) {
  const flood = new SlidingWindowLimiter(FLOOD.max, FLOOD.windowMs);
  const readers = new Set<Reader>();

  const recheck = (reader: Reader): void => {
    const check = documents.get(reader.actor, reader.documentId).then(
      (doc) => doc !== null,
      (err) => {
        bus.log.warn(
          { err, documentId: reader.documentId },
          'could not re-check an awareness subscriber; holding its updates back',
        );
        return false;
      },
    );
    reader.allowed = check;
    reader.checkedAt = Date.now();
    void check.then((ok) => {
      if (reader.allowed === check) reader.allowed = ok;
    });
  };

  // The bus may call back inside the async context of the write that committed the event (PGlite notifies
  // during COMMIT), where the services' database refuses reads: run the re-checks in this context instead.
  const outside = new AsyncResource('meetings.awareness');
  const onEvent = (event: ChangeEventRow): void => {
    for (const reader of readers) if (documents.policy.affectedBy(reader.ownerType, event)) recheck(reader);
  };
  bus.subscribe((event) => {
    if (readers.size > 0) outside.runInAsyncScope(onEvent, null, event);
  });

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
      const reader: Reader = { actor, documentId: doc.id, ownerType: doc.ownerType, allowed: true, checkedAt: Date.now() };
      readers.add(reader);
      const source = subscribeToEphemeral(bus, EPHEMERAL.awareness, async (payload) => {
        const m = payload as AwarenessUpdateModel | undefined;
        if (!m || m.documentId !== doc.id || typeof m.update !== 'string') return undefined;
        if (Date.now() - reader.checkedAt > RECHECK_MS) recheck(reader);
        return (await reader.allowed) ? m : undefined;
      });
      // However it ends (returned, or failed as too far behind), the reader is no longer re-checked.
      const forget = <R>(r: R): R => {
        readers.delete(reader);
        return r;
      };
      const it: AsyncIterableIterator<AwarenessUpdateModel> = {
        next: () =>
          source.next().then(
            (r) => (r.done ? forget(r) : r),
            (err: unknown) => forget(Promise.reject(err)),
          ),
        return: () => {
          readers.delete(reader);
          return source.return?.() ?? Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]: () => it,
      };
      return it;
    },
  };
}

export type Awareness = ReturnType<typeof createAwareness>;
