import type { Db } from '../../db/client.js';
import { batchLoaders } from '../../lib/batch-loaders.js';
import * as repo from './notifications.repo.js';

/** Batched notification reads for one request (the audit trail names a notification event by its subject). */
export function createNotificationsLoaders(db: Db) {
  const { byId } = batchLoaders(db);
  return {
    notificationById: byId(repo.findByIds),
  };
}
