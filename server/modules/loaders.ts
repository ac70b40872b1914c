import type { Db } from '../db/client.js';
import { createAnalyticsLoaders } from './analytics/analytics.loaders.js';
import { createAttachmentsLoaders } from './attachments/attachments.loaders.js';
import { createUsersLoaders } from './auth/auth.loaders.js';
import { createCooperationLoaders } from './cooperation/cooperation.loaders.js';
import { createGoalsLoaders } from './goals/goals.loaders.js';
import { createMeetingsLoaders } from './meetings/meetings.loaders.js';
import { createNeedsLoaders } from './needs/needs.loaders.js';
import { createNotificationsLoaders } from './notifications/notifications.loaders.js';
import { createPartiesLoaders } from './parties/parties.loaders.js';
import { createPersonsLoaders } from './parties/persons.loaders.js';

const LOADER_FACTORIES = {
  users: createUsersLoaders,
  parties: createPartiesLoaders,
  persons: createPersonsLoaders,
  cooperation: createCooperationLoaders,
  needs: createNeedsLoaders,
  meetings: createMeetingsLoaders,
  analytics: createAnalyticsLoaders,
  goals: createGoalsLoaders,
  attachments: createAttachmentsLoaders,
  notifications: createNotificationsLoaders,
};

/** Every domain's DataLoaders, per request (and per subscription event). */
export type Loaders = { readonly [K in keyof typeof LOADER_FACTORIES]: ReturnType<(typeof LOADER_FACTORIES)[K]> };

/**
 * Every domain's DataLoaders, per request (and per subscription event), each domain's made on first use:
 * most operations touch one or two domains, and building all of them cost every request (issue 10).
 */
export function createLoaders(db: Db): Loaders {
  const made: Partial<Record<keyof Loaders, unknown>> = {};
  const loaders = {} as Loaders;
  for (const key of Object.keys(LOADER_FACTORIES) as (keyof Loaders)[]) {
    Object.defineProperty(loaders, key, {
      enumerable: true,
      get: () => (made[key] ??= LOADER_FACTORIES[key](db)),
    });
  }
  return loaders;
}
