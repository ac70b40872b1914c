import { AsyncResource } from 'node:async_hooks';
import {
  createSourceEventStream,
  execute,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Actor } from '../auth/actor.js';
import type { EventBus } from '../realtime/bus.js';
import type { ChangeEventRow } from '../realtime/changes.table.js';
import { SCOPE_TTL_MS, scopeKeyOf, withScopedRoles, type RolesByBody, type ScopeCache } from '../realtime/scope.js';
import { SubscriberLaggedError } from '../realtime/stream.js';
import { eventSourcePartsOf, type EventSourceParts } from '../realtime/subscribe.js';
import type { GraphQLContext } from './context.js';
import { nextFramePrefix } from './ws-frames.js';

/**
 * Fields whose answer depends on who exactly the user is, not only on their scope (party, roles,
 * roles per body): a document that selects one is grouped per user. Any field whose resolver or
 * policy compares `actor.userId` belongs here (e.g. "the person themself sees their contact details",
 * "the recorder may still edit their need").
 */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'Subscription.notificationAdded',
  'Subscription.presenceChanged',
  'Subscription.awarenessUpdated',
  // Who hears of an ended seat in a body is the one account that held it (`lostUserId`), not a scope.
  'Subscription.serviceNeedWithdrawn',
  'ServiceNeed.viewerCan',
  'ServiceNeed.allowedTransitions',
  // Uploading follows `viewerCan.edit`, which the need's recorder has while it waits for a lead.
  'ServiceNeed.attachmentPermissions',
  'Action.viewerCanUpdate',
  'Meeting.viewerCan',
  'Meeting.allowedTransitions',
  'Document.canEdit',
  'Document.editLockReason',
  'Person.email',
  'Person.phone',
  'User.email',
  'Disclosure.apiToken',
]);

/** Whether the document selects a field of IDENTITY_FIELDS (anywhere, fragments included). */
export function selectsIdentity(schema: GraphQLSchema, document: DocumentNode): boolean {
  const info = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(info, {
      Field(node) {
        const parent = info.getParentType();
        if (parent && IDENTITY_FIELDS.has(`${parent.name}.${node.name.value}`)) found = true;
      },
    }),
  );
  return found;
}

/** One subscriber in a group: where its frames go. */
interface Member {
  socket: WebSocket;
  /** `{"id":<its id>,"type":"next","payload":` — the one part of a frame that differs per subscriber. */
  prefix: string;
  /** The connection's actor (regrouping reads its scope again). */
  actor: Actor;
  /** The fan-out's sequence number when it joined: events dispatched before are not for it. */
  from: number;
  group: Group;
  /** Ends the subscription: completed, or failed with `error` (4013 for SubscriberOutOfSyncError). */
  end(error?: Error): void;
}

/** Subscribers with the same document, variables, locale and scope: one execution per event for all. */
interface Group {
  key: string;
  /** The document, operation and variables part of the key. */
  operationKey: string;
  identity: boolean;
  args: Pick<ExecutionArgs, 'schema' | 'document' | 'operationName' | 'variableValues'>;
  /** The context every execution starts from (the group's scope; fresh loaders per event). */
  context: GraphQLContext;
  roles: RolesByBody;
  /** The subscription's source; undefined while the scope may not start it (the members receive nothing). */
  parts?: EventSourceParts;
  members: Set<Member>;
  /** Events dispatched for this group and not yet delivered (SUBSCRIPTION_BUFFER). */
  pending: number;
}

/** What `join` did with a subscription. */
export type Joined =
  | { kind: 'grouped'; handle: AsyncIterableIterator<never> }
  /** Not a stream of committed events (presence, a document's sync): stream it per subscriber from `stream`. */
  | { kind: 'single'; stream: AsyncIterable<unknown>; context: GraphQLContext }
  /** Refused when it started (NOT_FOUND, UNAUTHENTICATED…): answer with this result. */
  | { kind: 'refused'; result: ExecutionResult };

/**
 * Fan-out of committed events to subscriptions (issue 10, docs/realtime.md "Fan-out"). One bus
 * listener per process takes each event in commit order; subscribers that asked the same question
 * with the same scope form a group, whose source checks and loads the event and whose document is
 * executed once; the serialised payload is spliced into each member's frame.
 */
export function createFanOut(opts: {
  bus: EventBus;
  scopes: ScopeCache;
  withFreshLoaders: (ctx: GraphQLContext) => GraphQLContext;
  /** The `payload` of a `next` message for a result (errors formatted and masked as on the socket's other answers). */
  payloadOf: (result: ExecutionResult, ctx: GraphQLContext) => unknown;
  /** Events that may wait for one group (SUBSCRIPTION_BUFFER). */
  maxPending: number;
  /** Bytes waiting in one socket beyond which its subscriber is too far behind (4013). */
  maxBufferedBytes: number;
  log: Logger;
}) {
  const groups = new Map<string, Group>();
  const documentIds = new WeakMap<DocumentNode, number>();
  const identities = new WeakMap<DocumentNode, boolean>();
  let nextDocumentId = 0;
  let seq = 0;
  let members = 0;
  let chain: Promise<void> = Promise.resolve();
  let seenGeneration = opts.scopes.generation();
  let regroupedAt = Date.now();
  let regroupWanted = false;

  const operationKeyOf = (args: ExecutionArgs): string => {
    let id = documentIds.get(args.document);
    if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
    return `${id}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}`;
  };
  const identityOf = (args: ExecutionArgs): boolean => {
    let hit = identities.get(args.document);
    if (hit === undefined) identities.set(args.document, (hit = selectsIdentity(args.schema, args.document)));
    return hit;
  };
  const keyOf = (operationKey: string, locale: string, actor: Actor, roles: RolesByBody, identity: boolean): string =>
    `${operationKey}#${locale}#${scopeKeyOf(actor, roles)}${identity && actor.kind === 'user' ? `#${actor.userId}` : ''}`;
  const rolesOf = (actor: Actor): Promise<RolesByBody> =>
    actor.kind === 'user' ? opts.scopes.rolesOf(actor.userId) : Promise.resolve([]);

  /** A context for the scope: the actor's roles per body fixed to the group's. */
  const scopedContext = (base: GraphQLContext, actor: Actor, roles: () => RolesByBody | Promise<RolesByBody>): GraphQLContext => {
    // Not a spread: that would make the base's lazy loaders and logger now.
    const context = opts.withFreshLoaders(base);
    context.actor = actor.kind === 'user' ? withScopedRoles(actor, roles) : actor;
    return context;
  };

  /** Starts the subscription for a scope (the subscription's own start rule runs here). */
  async function startSource(
    args: ExecutionArgs,
    context: GraphQLContext,
  ): Promise<{ refused: ExecutionResult } | { source: AsyncIterableIterator<unknown>; parts: EventSourceParts | undefined }> {
    const source: unknown = await createSourceEventStream({ ...args, contextValue: context });
    if (!(typeof source === 'object' && source !== null && Symbol.asyncIterator in source))
      return { refused: source as ExecutionResult };
    return { source: source as AsyncIterableIterator<unknown>, parts: eventSourcePartsOf(source) };
  }

  function groupFor(key: string, init: () => Omit<Group, 'key' | 'members' | 'pending'>): Group {
    let group = groups.get(key);
    if (!group) {
      group = { key, members: new Set(), pending: 0, ...init() };
      groups.set(key, group);
    }
    return group;
  }

  function leave(member: Member): void {
    if (!member.group.members.delete(member)) return;
    members--;
    if (member.group.members.size === 0) groups.delete(member.group.key);
  }

  /**
   * The member and the iterator graphql-ws holds while it runs. Made apart from `join` on purpose: a
   * closure keeps its whole scope alive, and join's holds the contexts and loaders of the start.
   */
  function enlist(group: Group, socket: WebSocket, id: string, actor: Actor): AsyncIterableIterator<never> {
    let finish: (result: IteratorResult<never>) => void = () => {};
    let fail: (error: Error) => void = () => {};
    const ended = new Promise<IteratorResult<never>>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const member: Member = {
      socket,
      prefix: nextFramePrefix(id),
      actor,
      from: seq,
      group,
      end(error) {
        leave(member);
        if (error) fail(error);
        else finish({ value: undefined, done: true });
      },
    };
    group.members.add(member);
    members++;
    const handle: AsyncIterableIterator<never> = {
      next: () => ended,
      return: () => {
        member.end();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (error: unknown) => {
        member.end();
        return Promise.reject(error);
      },
      [Symbol.asyncIterator]: () => handle,
    };
    return handle;
  }

  /** The roles a subscription's actor has: fixed to its group's scope, or (`live()`) the cache's. */
  function rolesSource(actor: Actor, roles: RolesByBody) {
    let live = false;
    return { get: () => (live ? rolesOf(actor) : roles), live: () => void (live = true) };
  }

  /** Takes a subscription from graphql-ws: groups it, or says how else to answer it. */
  async function join(args: ExecutionArgs, socket: WebSocket, id: string, actor: Actor): Promise<Joined> {
    const ctx = args.contextValue as GraphQLContext;
    const generation = opts.scopes.generation();
    const roles = await rolesOf(actor);
    // Fixed to the scope it is grouped by; a subscription that cannot be grouped follows the cache instead.
    const source = rolesSource(actor, roles);
    const context = scopedContext(ctx, actor, source.get);
    const started = await startSource(args, context);
    if ('refused' in started) return { kind: 'refused', result: started.refused };
    if (!started.parts) {
      source.live();
      return { kind: 'single', stream: started.source, context };
    }
    // The group's single bus listener delivers; this stream's own is not needed.
    void started.source.return?.();
    const operationKey = operationKeyOf(args);
    const identity = identityOf(args);
    const key = keyOf(operationKey, ctx.locale, actor, roles, identity);
    const parts = started.parts;
    const group = groupFor(key, () => ({ operationKey, identity, args: pick(args), context, roles, parts }));
    // A group whose scope could not start the subscription at the last regrouping: this start succeeded.
    group.parts ??= parts;
    const handle = enlist(group, socket, id, actor);
    // A scope event arrived while this one started: its scope is read again before the next event.
    if (opts.scopes.generation() !== generation) regroupWanted = true;
    // graphql-ws keeps the operation's arguments while it runs: let the context (loaders, logger) go.
    (args as { contextValue?: unknown }).contextValue = undefined;
    return { kind: 'grouped', handle };
  }

  /** Reads every member's scope again (a membership changed, or the cache expired) and moves those whose scope changed. */
  async function regroup(): Promise<void> {
    seenGeneration = opts.scopes.generation();
    regroupedAt = Date.now();
    regroupWanted = false;
    const all = [...groups.values()].flatMap((g) => [...g.members]);
    const scopes = new Map(
      await Promise.all([...new Set(all.map((m) => m.actor))].map(async (a) => [a, await rolesOf(a)] as const)),
    );
    for (const member of all) {
      const old = member.group;
      const roles = scopes.get(member.actor) ?? [];
      const key = keyOf(old.operationKey, old.context.locale, member.actor, roles, old.identity);
      if (key === old.key || !old.members.has(member)) continue;
      let target = groups.get(key);
      if (!target) {
        const context = scopedContext(old.context, member.actor, () => roles);
        context.resumed = true;
        const started = await startSource({ ...old.args, contextValue: context } as ExecutionArgs, context);
        // Not allowed to start it any more (e.g. no longer reads the meeting): it stays, and receives nothing.
        let parts: EventSourceParts | undefined;
        if ('source' in started) {
          void started.source.return?.();
          parts = started.parts;
        }
        target = groupFor(key, () => ({
          operationKey: old.operationKey,
          identity: old.identity,
          args: old.args,
          context,
          roles,
          parts,
        }));
      }
      leave(member);
      member.group = target;
      target.members.add(member);
      members++;
    }
  }

  function send(member: Member, payload: string): void {
    const socket = member.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > opts.maxBufferedBytes) {
      member.end(new SubscriberLaggedError(opts.maxPending));
      return;
    }
    socket.send(member.prefix + payload + '}');
  }

  async function deliver(group: Group, parts: EventSourceParts, event: ChangeEventRow, at: number): Promise<void> {
    let values: readonly unknown[];
    try {
      values = await parts.deliver(event);
    } catch (err) {
      // Could not be delivered (SubscriberOutOfSyncError): every member resynchronises (4013).
      for (const member of [...group.members]) if (member.from < at) member.end(err as Error);
      return;
    }
    // Mostly one value; several when the event is about several records, each its own message, in order.
    for (const value of values) {
      if (group.members.size === 0) return;
      const result = await execute({
        ...group.args,
        rootValue: value,
        contextValue: opts.withFreshLoaders(group.context),
      } as ExecutionArgs);
      const payload = JSON.stringify(opts.payloadOf(result, group.context));
      for (const member of group.members) if (member.from < at) send(member, payload);
    }
  }

  async function process(event: ChangeEventRow, at: number, counted: Group[]): Promise<void> {
    try {
      if (regroupWanted || opts.scopes.generation() !== seenGeneration || Date.now() - regroupedAt > SCOPE_TTL_MS)
        await regroup();
      const work: Promise<void>[] = [];
      for (const group of groups.values()) if (group.parts?.matches(event)) work.push(deliver(group, group.parts, event, at));
      await Promise.all(work);
    } finally {
      for (const group of counted) group.pending--;
    }
  }

  // The bus may call its listeners from inside the writing transaction's async context (PGlite notifies
  // during COMMIT): deliveries run in the context the fan-out was made in, never inside that write.
  const processOutside = AsyncResource.bind(process);
  const unsubscribe = opts.bus.subscribe((event) => {
    const at = ++seq;
    if (members === 0) return;
    const counted: Group[] = [];
    for (const group of groups.values()) {
      if (!group.parts?.matches(event)) continue;
      counted.push(group);
      // This many events wait for the group: its members are too far behind to be told the truth in time.
      if (++group.pending > opts.maxPending)
        for (const member of [...group.members]) member.end(new SubscriberLaggedError(opts.maxPending));
    }
    chain = chain
      .then(() => processOutside(event, at, counted))
      .catch((err) => opts.log.error({ err, eventId: event.id }, 'fan-out failed'));
  });
  const uncount = opts.bus.countAlso(() => members);

  return {
    join,
    /** Groups and subscribers now (for diagnostics and the bench). */
    stats: () => ({ groups: groups.size, subscribers: members }),
    /** Stops listening; graphql-ws ends the members when it closes their sockets. */
    stop(): void {
      unsubscribe();
      uncount();
    },
  };
}

export type FanOut = ReturnType<typeof createFanOut>;

function pick(args: ExecutionArgs): Group['args'] {
  return { schema: args.schema, document: args.document, operationName: args.operationName, variableValues: args.variableValues };
}
