import type { UserActor } from '../auth/actor.js';
import { followTransactions, type Database, type Db } from '../db/client.js';
import { forbidden } from '../errors.js';
import type { EventBus } from './bus.js';
import type { ChangeEventRow } from './changes.table.js';
import { insertChangeEvent } from './changes.repo.js';
import type { EventName } from './topics.js';

/** One change to record: what happened to which entity, with its state before and after. */
export interface ChangeInput {
  name: EventName;
  entityType: string;
  entityId: string;
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  entityVersion?: number | null;
  before?: unknown;
  after?: unknown;
  scope?: Record<string, string | string[] | null>;
}

/** What a change is, as a recorded change and a change event row both carry it. */
interface ChangeFacts {
  name: string;
  entityType: string;
  entityId: string;
  kind: string;
  entityVersion?: number | null;
  before?: unknown;
  after?: unknown;
}

/** What happened to which entity, its version and its states, with null for what is absent (as stored and sent). */
export const changeFacts = <C extends ChangeFacts>(c: C) => ({
  name: c.name,
  entityType: c.entityType,
  entityId: c.entityId,
  kind: c.kind,
  entityVersion: c.entityVersion ?? null,
  before: c.before ?? null,
  after: c.after ?? null,
});

/** An event as EVENTS lists it: its name and the type of entity it is about. */
export type EventRef = Pick<ChangeInput, 'name' | 'entityType'>;
/** A row that carries its id and optimistic-locking version. */
type VersionedRow = { id: string; version: number };

type Scope = ChangeInput['scope'];

/** The change event of a versioned row: its id and version (`row` as it is now, or as it was when deleted) and its states. */
export const rowChange = (
  kind: ChangeInput['kind'],
  event: EventRef,
  row: VersionedRow,
  states: Pick<ChangeInput, 'before' | 'after'>,
  scope?: Scope,
): ChangeInput => ({ ...event, entityId: row.id, kind, entityVersion: row.version, ...states, scope });

/** A row just created: its first version and what it is now. */
export const rowCreated = (event: EventRef, row: VersionedRow, after: unknown, scope?: Scope) =>
  rowChange('CREATED', event, row, { after }, scope);

/** A row just updated (`row` as it is now): its new version, what it was and what it is. */
export const rowUpdated = (event: EventRef, row: VersionedRow, before: unknown, after: unknown, scope?: Scope) =>
  rowChange('UPDATED', event, row, { before, after }, scope);

/** A row just deleted (`row` as it was): its last version and what it was. */
export const rowDeleted = (event: EventRef, row: VersionedRow, before: unknown, scope?: Scope) =>
  rowChange('DELETED', event, row, { before }, scope);

/** A row's state as change events keep it: all its columns but the timestamps (the event carries its own time). */
export function withoutTimestamps<T extends { createdAt: Date; updatedAt: Date }>(row: T): Omit<T, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/**
 * A record written by an upsert: CREATED when there was none `before`, UPDATED otherwise (with what it
 * was, else null). `entityId` is its id, or its key's parts joined with ':'; `entityVersion` its version now.
 */
export const rowUpserted = (
  event: EventRef,
  entityId: string,
  entityVersion: number,
  states: Pick<ChangeInput, 'before' | 'after'>,
  scope?: Scope,
): ChangeInput => ({
  ...event,
  entityId,
  kind: states.before ? 'UPDATED' : 'CREATED',
  entityVersion,
  before: states.before ?? null,
  after: states.after,
  scope,
});

/** What a service gets inside the transaction: the transaction and a way to record changes. */
export interface WriteScope {
  tx: Db;
  actor: UserActor;
  /** Inserts the change event and announces it; both only take effect on COMMIT. */
  record(change: ChangeInput): Promise<ChangeEventRow>;
}

/** What records a change: a write's `record`, or a seed's that keeps back-dated events to write in the order of time. */
export type Recorder = (change: ChangeInput) => Promise<unknown>;

/** Runs `fn` as the one transaction of a write. */
export type Writer = <T>(actor: UserActor, fn: (scope: WriteScope) => Promise<T>) => Promise<T>;

/** What a write of the server itself gets (a periodic sweep; no user acts): events carry no actor. */
export type SystemWriteScope = Omit<WriteScope, 'actor'>;

/** Runs `fn` as the one transaction of a write the server makes on its own (e.g. the overdue sweep). */
export type SystemWriter = <T>(fn: (scope: SystemWriteScope) => Promise<T>) => Promise<T>;

/**
 * The one write path's transaction: BEGIN, the service's writes, change
 * events with NOTIFY, COMMIT. Tracks writes in flight so that shutdown can
 * wait for them, and refuses writes by API tokens (they are read-only).
 * `db` is the database as services see it: inside a write it is the write's
 * transaction (followTransactions), so their reads and policy checks run in it.
 */
export function createWriter(database: Database, bus: EventBus) {
  let inFlight = 0;
  const following = followTransactions(database.db);
  let idle: (() => void) | undefined;

  const run = async <T>(actor: UserActor | null, fn: (scope: SystemWriteScope) => Promise<T>): Promise<T> => {
    inFlight++;
    try {
      return await database.db.transaction(async (tx) => {
        const scope: SystemWriteScope = {
          tx: tx as unknown as Db,
          async record(change) {
            const row = await insertChangeEvent(scope.tx, {
              actorUserId: actor?.userId ?? null,
              actorPartyId: actor?.partyId ?? null,
              ...changeFacts(change),
              scope: change.scope ?? null,
            });
            await bus.publish(scope.tx, row.id);
            return row;
          },
        };
        return following.within(scope.tx, () => fn(scope));
      });
    } finally {
      if (--inFlight === 0) idle?.();
    }
  };

  const write: Writer = async (actor, fn) => {
    if (actor.via === 'api_token') throw forbidden('API tokens are read-only');
    return run(actor, (scope) => fn({ ...scope, actor }));
  };

  /** A write of the server's own (no actor in its events): the same transaction, events and shutdown drain. */
  const writeAsSystem: SystemWriter = (fn) => run(null, fn);

  /** Resolves once no write is in flight. */
  const drain = (): Promise<void> => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve)));

  return { write, writeAsSystem, drain, db: following.db };
}
