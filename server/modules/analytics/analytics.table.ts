import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The disclosure log: every query made with an API token, as the Act on
 * Information Management in Public Administration (906/2019 § 17) requires:
 * who, with which token, what, when.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').notNull(),
    apiTokenId: uuid('api_token_id').notNull(),
    requestId: text('request_id').notNull(),
    transport: text('transport').notNull(),
    operationType: text('operation_type'),
    operationName: text('operation_name'),
    /** The top-level fields asked for (what was disclosed, in short). */
    rootFields: text('root_fields').array().notNull(),
    query: text('query').notNull(),
    variables: jsonb('variables'),
    /** `ok`, or the error codes of a refused or failed request. */
    outcome: text('outcome').notNull(),
  },
  (t) => [index('disclosures_token_idx').on(t.apiTokenId, t.id), index('disclosures_user_idx').on(t.userId, t.id)],
);

export type DisclosureRow = typeof disclosures.$inferSelect;
