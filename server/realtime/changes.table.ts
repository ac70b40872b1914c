import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { serialIdColumn, timestamptzNow } from '../db/columns.js';

/** PostgreSQL's 64-bit transaction id, as text. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * One table, three uses: the audit log, the source of subscriptions and the
 * analytics history ("as of"). Rows are only ever inserted.
 */
export const changeEvents = pgTable(
  'change_events',
  {
    id: serialIdColumn(),
    /**
     * The writing transaction. Ids are handed out at insert, but transactions commit in another
     * order; the `changes` feed orders by (txId, id) and serves only transactions older than every
     * one still running, so a resumed sync can never skip an event that committed late.
     */
    txId: xid8('tx_id')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    at: timestamptzNow('at'),
    actorUserId: uuid('actor_user_id'),
    actorPartyId: uuid('actor_party_id'),
    /** `<domain>.<verb>`, e.g. `party.updated`. */
    name: text('name').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    kind: text('kind').notNull(),
    entityVersion: integer('entity_version'),
    before: jsonb('before'),
    after: jsonb('after'),
    /** Ids a subscription filters on besides the entity (e.g. owner body, parent need). */
    scope: jsonb('scope').$type<Record<string, string | string[] | null>>(),
  },
  (t) => [
    index('change_events_entity_idx').on(t.entityType, t.entityId, t.id),
    index('change_events_feed_idx').on(t.txId, t.id),
    // A need's or meeting's tree of events (history, `asOf`) is found through its scope.
    index('change_events_scope_need_idx').on(sql`(${t.scope}->>'needId')`, t.id),
    index('change_events_scope_meeting_idx').on(sql`(${t.scope}->>'meetingId')`, t.id),
    // Resolution times read only the moves to RESOLVED.
    index('change_events_resolved_idx')
      .on(t.entityId, t.at)
      .where(sql`${t.name} = 'need.transitioned' and (${t.after}->>'status') = 'RESOLVED'`),
  ],
);

export type ChangeEventRow = typeof changeEvents.$inferSelect;
