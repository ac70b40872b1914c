/** Every table of every domain, for drizzle's typed client. */
export * from '../modules/parties/parties.table.js';
export * from '../modules/auth/auth.table.js';
export * from '../realtime/changes.table.js';
export * from '../modules/documents/documents.table.js';
export * from '../modules/analytics/analytics.table.js';
export * from '../modules/parties/persons.table.js';
export * from '../modules/cooperation/cooperation.table.js';
export * from '../modules/needs/needs.table.js';
export * from '../modules/meetings/meetings.table.js';
export * from '../modules/notifications/notifications.table.js';
export * from '../modules/goals/goals.table.js';
export * from '../modules/attachments/attachments.table.js';
