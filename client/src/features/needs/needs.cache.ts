import type { Cache, UpdateResolver } from '@urql/exchange-graphcache';
import { appendLink, invalidateQueryList, pick, type EntityRef } from '../../graphql/cacheUpdates';

/*
 * The needs' events and mutations write what the screens show into the cache:
 * a need merges by id on its own; these updaters do what merging cannot. A new
 * need enters the lists, a new comment the discussion, and every change adds a
 * line to the need's history: the need page's event carries that line and it is
 * appended; an event or answer without it (the register's, a new action's)
 * drops the cached history, which the history panel fetches again when shown.
 */

type Event = {
  kind?: string;
  need?: { id: string };
  comment?: { id: string } | null;
  historyEntry?: { id: string } | null;
};

const needRef = (id: string): EntityRef => ({ __typename: 'ServiceNeed', id });

/** A comment the cache holds joins its need's cached discussion. */
function commentAdded(cache: Cache, needId: string, comment: { id: string }): void {
  appendLink(cache, needRef(needId), 'comments', { __typename: 'NeedComment', id: comment.id });
}

/** Something happened to the need: its history has a new line, the given one or one to fetch. */
function historyGrew(cache: Cache, needId: string, entry?: { id: string } | null): void {
  if (entry) appendLink(cache, needRef(needId), 'history', { __typename: 'NeedHistoryEntry', id: entry.id });
  else cache.invalidate(needRef(needId), 'history');
}

/** Updaters for the needs' events (`serviceNeedChanged` and `serviceNeedWithdrawn`, with or without an id). */
export const needsSubscriptionUpdates = {
  serviceNeedChanged: (result, _args, cache) => {
    const event = pick<Event>(result, 'serviceNeedChanged');
    if (!event?.need) return;
    if (event.kind === 'CREATED') invalidateQueryList(cache, 'serviceNeeds');
    if (event.comment) commentAdded(cache, event.need.id, event.comment);
    historyGrew(cache, event.need.id, event.historyEntry);
  },
  // A need the user may no longer read leaves the cache, and the lists that held it are fetched again without it.
  serviceNeedWithdrawn: (result, _args, cache) => {
    const withdrawn = pick<{ id: string }>(result, 'serviceNeedWithdrawn');
    if (!withdrawn) return;
    cache.invalidate(needRef(withdrawn.id));
    invalidateQueryList(cache, 'serviceNeeds');
  },
} satisfies Record<string, UpdateResolver>;

/**
 * Updaters for the needs' mutations. A creating mutation needs one, or
 * graphcache wipes every cached record of the type (see cooperation.cache.ts).
 */
export const needsMutationUpdates = {
  createServiceNeed: (_result, _args, cache) => invalidateQueryList(cache, 'serviceNeeds'),
  createAction: (result, _args, cache) => {
    const need = pick<{ need?: { id: string } }>(result, 'createAction')?.need;
    invalidateQueryList(cache, 'partyActions');
    if (need) historyGrew(cache, need.id);
  },
  addNeedComment: (result, args, cache) => {
    const comment = pick<{ id: string }>(result, 'addNeedComment');
    if (comment && typeof args['needId'] === 'string') commentAdded(cache, args['needId'], comment);
  },
} satisfies Record<string, UpdateResolver>;
