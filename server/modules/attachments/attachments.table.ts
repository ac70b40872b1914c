import { customType, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, ownerRef, setNullRef, timestamptzNow } from '../../db/columns.js';
import { users } from '../auth/auth.table.js';

/** `bytea` as a Buffer on both drivers (pg gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

/**
 * A file attached to an agenda item, a service need or an agreement. The bytes
 * are in `attachment_chunks` (`storage` = `db`) or in a file under
 * ATTACHMENTS_DIR named by the id (`disk`); each row says where its own are,
 * so changing ATTACHMENTS_STORE never strands older files (ADR 0015).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: idColumn(),
    /** AGENDA_ITEM | SERVICE_NEED | AGREEMENT */
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    /** The sanitised file name as shown and offered on download. */
    name: text('name').notNull(),
    /** The sniffed and whitelisted media type (never the one the browser claimed, when they differ). */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Hex SHA-256 of the bytes, for integrity checks and the OParl File `sha512Checksum`'s sibling. */
    sha256: text('sha256').notNull(),
    /** db | disk */
    storage: text('storage').notNull(),
    createdByUserId: setNullRef('created_by_user_id', () => users.id),
    createdAt: timestamptzNow('created_at'),
  },
  (t) => [index('attachments_target_idx').on(t.targetType, t.targetId, t.createdAt)],
);

/** The bytes of a `db`-stored attachment in chunks (plain bytea: PGlite has no large objects). */
export const attachmentChunks = pgTable(
  'attachment_chunks',
  {
    attachmentId: ownerRef('attachment_id', () => attachments.id),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.attachmentId, t.seq] })],
);

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;
