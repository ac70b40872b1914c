import { customType, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, ownerRef, timestampColumns, timestamptzNow } from '../../db/columns.js';

/** bytea as a Uint8Array on both drivers. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value instanceof Uint8Array ? new Uint8Array(value) : new Uint8Array(value as Buffer)),
  toDriver: (value) => (typeof Buffer !== 'undefined' ? Buffer.from(value) : value),
});

/**
 * A co-edited Yjs document owned by a record of another domain (meeting
 * minutes, a decision). `snapshot` holds the compacted state up to
 * `snapshotVersion`; later updates are rows of `document_updates`.
 */
export const documents = pgTable(
  'documents',
  {
    id: idColumn(),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    snapshot: bytea('snapshot'),
    snapshotVersion: integer('snapshot_version').notNull().default(0),
    /** Number of updates accepted; the next update gets `version + 1`. */
    version: integer('version').notNull().default(0),
    /** Plain text of the state at `textVersion`, kept for reads and search. */
    text: text('text').notNull().default(''),
    textVersion: integer('text_version').notNull().default(0),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('documents_owner_key').on(t.ownerType, t.ownerId)],
);

/** One row per accepted update, with who sent it; compaction folds old rows into the snapshot. */
export const documentUpdates = pgTable(
  'document_updates',
  {
    documentId: ownerRef('document_id', () => documents.id),
    seq: integer('seq').notNull(),
    update: bytea('update').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorPartyId: uuid('actor_party_id'),
    createdAt: timestamptzNow('created_at'),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.seq] }), index('document_updates_created_idx').on(t.createdAt)],
);

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentUpdateRow = typeof documentUpdates.$inferSelect;
