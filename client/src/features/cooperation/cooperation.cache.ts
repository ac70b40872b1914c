import type { Cache, UpdateResolver } from '@urql/exchange-graphcache';
import { appendLink, invalidateQueryList, pick } from '../../graphql/cacheUpdates';

/*
 * Why these updaters exist: when a mutation answers with an entity the cache
 * has never seen and has no updater, graphcache 9 invalidates every cached
 * entity of that type except the new one, so that lists fetch themselves again.
 * createCooperationBody answers `parent { id }`: the parent is a
 * CooperationBody too, so it was wiped in the same write, reading the answer
 * back found no parent, and without a schema a missing field makes the whole
 * answer null (the "createCooperationBody is null" bug). An updater replaces
 * that blanket invalidation with the lists that really change, so the answer
 * reads back whole and the other bodies, agreements and people stay cached.
 */

type Row = { id: string } | null | undefined;

/** A new body changes the structure's lists and its parent's children. */
function bodyCreated(cache: Cache, body: { parent?: Row } | null | undefined): void {
  invalidateQueryList(cache, 'cooperationBodies');
  if (body?.parent) cache.invalidate({ __typename: 'CooperationBody', id: body.parent.id }, 'children');
}

const createCooperationBody: UpdateResolver = (result, _args, cache) => {
  bodyCreated(cache, pick<{ parent?: Row }>(result, 'createCooperationBody'));
};

const createAgreement: UpdateResolver = (_result, _args, cache) => invalidateQueryList(cache, 'agreements');

const createNegotiation: UpdateResolver = (_result, _args, cache) => invalidateQueryList(cache, 'negotiations');

const createPerson: UpdateResolver = (_result, _args, cache) => invalidateQueryList(cache, 'persons');

/** Appends the new section to its agreement's cached sections (the page sorts by sortOrder); unknown lists are fetched again. */
const addAgreementSection: UpdateResolver = (result, args, cache) => {
  const section = pick<Row>(result, 'addAgreementSection');
  const agreementId = typeof args['agreementId'] === 'string' ? args['agreementId'] : undefined;
  if (!section || !agreementId) return;
  const agreement = { __typename: 'Agreement', id: agreementId };
  if (Array.isArray(cache.resolve(agreement, 'sections')))
    appendLink(cache, agreement, 'sections', { __typename: 'AgreementSection', id: section.id });
  else cache.invalidate(agreement, 'sections');
};

/** A created record announced live: the lists that should now include it are fetched again. */
const onCreatedEvent =
  (eventField: string, apply: (cache: Cache, event: Record<string, unknown>) => void): UpdateResolver =>
  (result, _args, cache) => {
    const event = pick<Record<string, unknown>>(result, eventField);
    if (event?.['kind'] === 'CREATED') apply(cache, event);
  };

/** Updaters for the cooperation domain's mutations that create records. */
export const cooperationMutationUpdates = {
  createCooperationBody,
  createAgreement,
  createNegotiation,
  createPerson,
  addAgreementSection,
} satisfies Record<string, UpdateResolver>;

/**
 * Updaters for the cooperation domain's events: a record someone else created
 * enters the lists. A section or ratification arrives with its agreement's
 * lists in the event's selection, so only a new agreement needs help.
 */
export const cooperationSubscriptionUpdates = {
  cooperationBodyChanged: onCreatedEvent('cooperationBodyChanged', (cache, event) => {
    // A membership event is UPDATED for the body; only a new body changes the lists.
    if (!event['membership']) bodyCreated(cache, event['body'] as { parent?: Row } | undefined);
  }),
  agreementChanged: onCreatedEvent('agreementChanged', (cache, event) => {
    if (!event['section'] && !event['ratification']) invalidateQueryList(cache, 'agreements');
  }),
  negotiationChanged: onCreatedEvent('negotiationChanged', (cache) => invalidateQueryList(cache, 'negotiations')),
} satisfies Record<string, UpdateResolver>;
