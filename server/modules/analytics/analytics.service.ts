import type { Actor, UserActor } from '../../auth/actor.js';
import { authorize } from '../../auth/guard.js';
import { decodeCursor, encodeCursor, MAX_CHANGES_PAGE_SIZE, maxPageSize, pageSize, toConnection } from '../../lib/connection.js';
import { badInput } from '../../errors.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import type { ChangeView } from '../../realtime/change-view.js';
import { EVENTS } from '../../realtime/topics.js';
import { isUuid, storableJson } from '../../validation.js';
import { groupCommit } from '../../lib/group-commit.js';
import type { Locale } from '../../lib/locale.js';
import type { ServiceDeps } from '../deps.js';
import type { Loaders } from '../loaders.js';
import type { NeedsService } from '../needs/needs.service.js';
import { analyticsPolicy } from './analytics.policy.js';
import * as repo from './analytics.repo.js';
import type { DisclosureRow } from './analytics.table.js';
import { createEntityContexts, referencedRecordIds } from './analytics.titles.js';
import type { ShownChangeEvent } from '../../realtime/change-view.js';
import { isRow } from '../../lib/batch-loaders.js';

/** What one request disclosed, as the transport saw it. */
export interface DisclosureInput {
  requestId: string;
  transport: 'http' | 'ws';
  operationType?: string | null;
  operationName?: string | null;
  rootFields: string[];
  query: string;
  variables?: unknown;
  outcome: string;
}

const QUERY_CHARS = 10_000;

/** Permission answers per record (or `readKey`), kept for one request. */
type ReadMemo = Map<string, Promise<boolean>>;

/** `visibleNow`'s answer when only a read can tell. */
const ASK = Symbol('ask');

/** The cursor kind of each order, so a cursor of one order is refused by the other. */
const CURSOR_KIND = { OLDEST_FIRST: 'change', NEWEST_FIRST: 'change-desc' } as const;
type ChangeOrder = keyof typeof CURSOR_KIND;

/** The feed position inside a `changes` cursor ("<transaction>.<id>", or "<time in ms>.<id>" newest first). */
function feedPosition(cursor: string | null | undefined, order: ChangeOrder): { a: string; id: number } | undefined {
  const raw = decodeCursor(CURSOR_KIND[order], cursor);
  if (raw === undefined) return undefined;
  const m = /^(\d+)\.(\d+)$/.exec(raw);
  if (!m) throw badInput({ after: 'Not a cursor of this list' });
  return { a: m[1]!, id: Number(m[2]) };
}

function cursorId(kind: string, cursor: string | null | undefined): number | undefined {
  const raw = decodeCursor(kind, cursor);
  if (raw === undefined) return undefined;
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw badInput({ after: 'Not a cursor of this list' });
  return id;
}

/** Every record type the stream has events of. */
const ENTITY_TYPES = [...new Set(Object.values(EVENTS).map((e) => e.entityType))];

/**
 * The stream's record type as the caller named it: its own name (`service_need`), or the GraphQL type's (`ServiceNeed`)
 * where that is the same words; any other is BAD_USER_INPUT listing the names, rather than an empty page.
 */
function knownEntityType(given: string, known: readonly string[]): string {
  if (known.includes(given)) return given;
  const snake = given.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toLowerCase();
  if (known.includes(snake)) return snake;
  throw badInput({ entityType: `Unknown record type; one of: ${[...known].sort().join(', ')}` });
}

/**
 * The audit stream (`changes`, oldest first, resumable) and the disclosure
 * log. Which events a caller sees is decided per entity type by the owning
 * module's ChangeView; the secretariat sees all.
 */
export function createAnalyticsService(
  { db }: ServiceDeps,
  views: () => Record<string, ChangeView<Loaders>>,
  readers: { needs: Pick<NeedsService, 'getVisibleActions'> },
) {
  const feedPage = repo.prepareFeedPages(db);
  /** Each request's answers (by its loaders): a page and the names its events are shown by ask once per record. */
  const memos = new WeakMap<Loaders, ReadMemo>();
  const memoOf = (loaders: Loaders | undefined): ReadMemo => {
    if (!loaders) return new Map();
    let memo = memos.get(loaders);
    if (!memo) memos.set(loaders, (memo = new Map()));
    return memo;
  };

  /** The event as this actor may see it, or undefined; the request's loaders, when given, batch the reads. */
  async function visible(
    actor: UserActor,
    event: ChangeEventRow,
    memo: ReadMemo,
    loaders?: Loaders,
  ): Promise<ChangeEventRow | undefined> {
    const now = visibleNow(actor, event);
    if (now !== ASK) return now;
    const view = views()[event.entityType]!;
    if (!(await canReadOnce(view, actor, event, memo, loaders))) return undefined;
    return view.redact ? view.redact(actor, event) : event;
  }

  /**
   * The answer of `visible` when it needs no read (the secretariat, a type read wholesale or not at all), else
   * ASK: a page of a thousand events then costs no promise per event.
   */
  function visibleNow(actor: UserActor, event: ChangeEventRow): ChangeEventRow | undefined | typeof ASK {
    if (analyticsPolicy.readAllChanges(actor)) return event;
    const view = views()[event.entityType];
    if (!view) return undefined;
    if (!view.readsAll(actor)) return ASK;
    return view.redact ? view.redact(actor, event) : event;
  }

  /**
   * A batch's events as this actor may see them (undefined where not), checked together: the request's loaders
   * then read the records the batch is about in one go, and each record (or `readKey`) is asked once.
   */
  function visibleBatch(
    actor: UserActor,
    batch: readonly ChangeEventRow[],
    memo: ReadMemo,
    loaders?: Loaders,
  ): Promise<(ChangeEventRow | undefined)[]> {
    // `visible` answers at once where no read is needed, so only the others wait on the loaders.
    return Promise.all(batch.map((event) => visible(actor, event, memo, loaders)));
  }

  const entityContext = createEntityContexts((actor, event, loaders) => visible(actor, event, memoOf(loaders), loaders));

  /** Each event's place in the sync order, as `changes` cursors hold it. */
  const feedCursor = (event: ChangeEventRow) => encodeCursor(CURSOR_KIND.OLDEST_FIRST, `${event.txId}.${event.id}`);

  /**
   * A view's answer for one record (or whatever its `readKey` says the answer depends on), asked once
   * per request: a document with a thousand updates costs one permission check in a page or a count.
   */
  function canReadOnce(
    view: ChangeView<Loaders>,
    actor: UserActor,
    event: ChangeEventRow,
    memo: ReadMemo,
    loaders?: Loaders,
  ): Promise<boolean> {
    const key = `${event.entityType}:${view.readKey ? view.readKey(event) : event.entityId}`;
    let answer = memo.get(key);
    if (!answer) {
      answer = Promise.resolve(view.canRead(actor, event, loaders));
      memo.set(key, answer);
    }
    return answer;
  }

  /**
   * How many events the caller may see: a count in SQL for the types it reads
   * wholesale, and a scan only of the types it reads record by record.
   */
  async function countVisible(actor: UserActor, filter: repo.ChangeFilter, memo: ReadMemo, loaders?: Loaders): Promise<number> {
    if (analyticsPolicy.readAllChanges(actor)) return repo.countChanges(db, filter);
    const byType = await repo.countChangesByType(db, filter);
    let total = 0;
    const perRecord: string[] = [];
    for (const [type, n] of byType) {
      const view = views()[type];
      if (!view) continue;
      if (view.readsAll(actor)) total += n;
      else perRecord.push(type);
    }
    let after: repo.FeedPosition | undefined;
    while (perRecord.length) {
      const batch = await repo.listChanges(db, { ...filter, entityTypes: perRecord }, after, 1000);
      // Checked together, as a page is: the loaders read the batch's records in one go.
      const answers = await Promise.all(
        batch.map((event) => canReadOnce(views()[event.entityType]!, actor, event, memo, loaders)),
      );
      total += answers.filter(Boolean).length;
      if (batch.length < 1000) break;
      after = batch.at(-1)!;
    }
    return total;
  }

  // One insert for the disclosures of requests that arrive while the previous insert is in flight; each
  // request is still answered only after its own record is committed.
  const disclosureLog = groupCommit((rows: repo.NewDisclosure[]) => repo.insertDisclosures(db, rows));

  return {
    /** Records a query made with an API token; other callers are not disclosures. */
    async recordDisclosure(actor: Actor, input: DisclosureInput): Promise<void> {
      if (actor.kind !== 'user' || actor.via !== 'api_token' || !actor.apiTokenId) return;
      await disclosureLog.add({
        userId: actor.userId,
        apiTokenId: actor.apiTokenId,
        requestId: input.requestId,
        transport: input.transport,
        operationType: input.operationType ?? null,
        operationName: input.operationName ?? null,
        rootFields: input.rootFields,
        // The log must never fail: text and jsonb cannot hold NUL, so it is dropped here.
        query: input.query.slice(0, QUERY_CHARS).replaceAll('\u0000', '').toWellFormed(),
        variables: storableJson(input.variables),
        outcome: input.outcome,
      });
    },

    async disclosures(
      actor: Actor,
      args: { first?: number | null; after?: string | null; userId?: string | null; apiTokenId?: string | null },
    ) {
      authorize(actor, analyticsPolicy.readDisclosures);
      const size = pageSize(args.first);
      const filter = {
        userId: args.userId && isUuid(args.userId) ? args.userId : undefined,
        apiTokenId: args.apiTokenId && isUuid(args.apiTokenId) ? args.apiTokenId : undefined,
      };
      if ((args.userId && !filter.userId) || (args.apiTokenId && !filter.apiTokenId))
        return toConnection<DisclosureRow>([], size, () => '', 0);
      const rows = await repo.listDisclosures(db, filter, cursorId('disclosure', args.after), size + 1);
      return toConnection(rows, size, (r) => encodeCursor('disclosure', r.id), await repo.countDisclosures(db, filter));
    },

    /**
     * What an event is about, by name: the record's newest title in the events of it the caller may
     * see (so nothing is named that the stream would not show them), else its need's, meeting's,
     * agreement's or body's; a ratification by its agreement and party, a membership by its body and
     * person, a document by its meeting (or agenda item); null when none is known.
     */
    async entityTitle(actor: Actor, event: ChangeEventRow, loaders: Loaders, locale: Locale): Promise<string | null> {
      return (await entityContext(actor, event, loaders, locale)).title;
    },

    /**
     * The goals, indicators and actions an event refers to by id, by name, as the caller may read them
     * (`ChangeEvent.referencedRecords`): an action under its need's rules. Batched by the request's loaders.
     */
    async referencedRecords(
      actor: Actor,
      event: ShownChangeEvent,
      loaders: Loaders,
    ): Promise<{ entityType: string; entityId: string; title: string }[]> {
      const ids = referencedRecordIds(event);
      const user = actor.kind === 'user' ? actor : undefined;
      const [goals, indicators, actions] = await Promise.all([
        loaders.goals.goalById.loadMany(user && analyticsPolicy.nameGoals(user) ? ids.agreement_goal : []),
        loaders.analytics.indicatorById.loadMany(user ? ids.indicator : []),
        ids.need_action.length ? readers.needs.getVisibleActions(actor, ids.need_action, loaders) : [],
      ]);
      return [
        ...goals.filter(isRow).map((g) => ({ entityType: 'agreement_goal', entityId: g.id, title: g.title })),
        ...indicators.filter(isRow).map((i) => ({ entityType: 'indicator', entityId: i.id, title: i.name })),
        ...actions.map((a) => ({ entityType: 'need_action', entityId: a.id, title: a.title })),
      ];
    },

    /**
     * The record an event's record belongs to and is shown by (`ChangeEvent.belongsTo`): a need's action's
     * need, a ratification's agreement, a membership's body, a document's meeting; only one the caller may
     * see by name, else null.
     */
    async belongsTo(
      actor: Actor,
      event: ChangeEventRow,
      loaders: Loaders,
      locale: Locale,
    ): Promise<{ entityType: string; entityId: string; title: string } | null> {
      return (await entityContext(actor, event, loaders, locale)).parent;
    },

    /**
     * The audit stream from a cursor to its current end, oldest first, as `changes` shows it to the caller
     * (filtered and redacted), in keyset pages read one at a time as the consumer asks for them (the NDJSON
     * export). The cursor is checked at once (BAD_USER_INPUT); each event comes with its `changes` cursor. The
     * request's `loaders`, when given, check a page's events together (a few statements a page, not some per record).
     */
    openFeed(
      actor: Actor,
      after: string | null | undefined,
      loaders?: Loaders,
      pageSize = MAX_CHANGES_PAGE_SIZE,
    ): AsyncIterable<{ event: ChangeEventRow; cursor: string }[]> {
      const user = authorize(actor, analyticsPolicy.readChanges);
      let position = feedPosition(after, 'OLDEST_FIRST');
      const memo = memoOf(loaders);
      return (async function* () {
        for (;;) {
          const rows = await feedPage(position && { txId: position.a, id: position.id }, pageSize, { snapshots: true });
          const seen = await visibleBatch(user, rows, memo, loaders);
          const shown: { event: ChangeEventRow; cursor: string }[] = [];
          rows.forEach((event, i) => {
            const shownAs = seen[i];
            if (shownAs) shown.push({ event: shownAs, cursor: feedCursor(event) });
          });
          if (shown.length) yield shown;
          if (rows.length < pageSize) return;
          const last = rows.at(-1)!;
          position = { a: last.txId, id: last.id };
        }
      })();
    },

    /**
     * The audit stream, oldest (or newest) first, from a cursor; each event filtered and redacted for the caller. The
     * request's `loaders` batch a batch's permission checks, which its events' names then share.
     */
    async changes(
      actor: Actor,
      args: {
        first?: number | null;
        after?: string | null;
        entityType?: string | null;
        entityId?: string | null;
        order?: string | null;
        author?: string | null;
      },
      columns: repo.ReadColumns = { snapshots: true },
      loaders?: Loaders,
    ) {
      const user = authorize(actor, analyticsPolicy.readChanges);
      const order: ChangeOrder = args.order === 'NEWEST_FIRST' ? 'NEWEST_FIRST' : 'OLDEST_FIRST';
      const newestFirst = order === 'NEWEST_FIRST';
      const size = pageSize(args.first, maxPageSize('Query.changes'));
      const memo = memoOf(loaders);
      const filter: repo.ChangeFilter = {
        entityType: args.entityType ? knownEntityType(args.entityType, ENTITY_TYPES) : undefined,
        entityId: args.entityId ?? undefined,
        author: args.author === 'PERSON' || args.author === 'SYSTEM' ? args.author : undefined,
      };
      let position = feedPosition(args.after, order);
      const unfiltered = !filter.entityType && !filter.entityId && !filter.author;
      const page = (limit: number) =>
        newestFirst
          ? repo.listChangesNewestFirst(db, filter, position && { atMs: Number(position.a), id: position.id }, limit, columns)
          : unfiltered
            ? feedPage(position && { txId: position.a, id: position.id }, limit, columns)
            : repo.listChanges(db, filter, position && { txId: position.a, id: position.id }, limit, columns);
      const positionOf = (e: ChangeEventRow) => `${newestFirst ? e.at.getTime() : e.txId}.${e.id}`;
      const shown: ChangeEventRow[] = [];
      // Scan in batches until the page (plus one, to know whether more follow) is full. The first
      // batch is just the page: most callers see most events, and each row carries two snapshots.
      for (let limit = size + 1; ; limit = Math.max(2 * size, 100)) {
        const batch = await page(limit);
        // Checked together, so that the loaders read the records a batch's events are about in one go.
        const seen = await visibleBatch(user, batch, memo, loaders);
        for (const event of seen) {
          if (event) shown.push(event);
          if (shown.length > size) break;
        }
        if (shown.length > size || batch.length < limit) break;
        const last = batch.at(-1)!;
        position = { a: positionOf(last).split('.')[0]!, id: last.id };
      }
      // Counting is a scan of the whole stream: made only when the query asks for totalCount.
      return toConnection(
        shown,
        size,
        (e) => encodeCursor(CURSOR_KIND[order], positionOf(e)),
        () => countVisible(user, filter, memo, loaders),
      );
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
