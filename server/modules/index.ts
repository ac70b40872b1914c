import type { Db } from '../db/client.js';
import type { Resolvers } from '../graphql/generated/resolvers.js';
import { createUsersLoaders } from './auth/auth.loaders.js';
import { authResolvers } from './auth/auth.resolvers.js';
import { createAuthService } from './auth/auth.service.js';
import { createAccountsService } from './auth/accounts.service.js';
import { createInvitationsService } from './auth/invitations.service.js';
import { peopleResolvers } from './auth/people.resolvers.js';
import { createPeopleService } from './auth/people.service.js';
import type { ServiceDeps } from './deps.js';
import type { ChangeView } from '../realtime/change-view.js';
import { EVENTS } from '../realtime/topics.js';
import { analyticsResolvers } from './analytics/analytics.resolvers.js';
import { createAnalyticsLoaders } from './analytics/analytics.loaders.js';
import { createAnalyticsService } from './analytics/analytics.service.js';
import { createIndicatorsService } from './analytics/indicators.service.js';
import { createNeedsStatistics } from './needs/needs.statistics.js';
import { documentsResolvers } from './documents/documents.resolvers.js';
import { createDocumentsService } from './documents/documents.service.js';
import { createPartiesLoaders } from './parties/parties.loaders.js';
import { partiesResolvers } from './parties/parties.resolvers.js';
import { createPartiesService } from './parties/parties.service.js';
import { partiesChangeViews } from './parties/parties.policy.js';
import { createPersonsLoaders } from './parties/persons.loaders.js';
import { personsResolvers } from './parties/persons.resolvers.js';
import { createPersonsService } from './parties/persons.service.js';
import { createAgreementsService } from './cooperation/agreements.service.js';
import { createCooperationLoaders } from './cooperation/cooperation.loaders.js';
import { cooperationResolvers } from './cooperation/cooperation.resolvers.js';
import { createCooperationService } from './cooperation/cooperation.service.js';
import { createNeedsLoaders } from './needs/needs.loaders.js';
import { needsResolvers } from './needs/needs.resolvers.js';
import { createNeedsService } from './needs/needs.service.js';
import { cooperationChangeViews } from './cooperation/cooperation.policy.js';
import { createMeetingsLoaders } from './meetings/meetings.loaders.js';
import { meetingsResolvers } from './meetings/meetings.resolvers.js';
import { createMeetingsService } from './meetings/meetings.service.js';
import { createGoalsLoaders } from './goals/goals.loaders.js';
import { goalsResolvers } from './goals/goals.resolvers.js';
import { createGoalsService } from './goals/goals.service.js';
import { notificationsResolvers } from './notifications/notifications.resolvers.js';
import { createNotificationsService } from './notifications/notifications.service.js';
import { createAttachmentsLoaders } from './attachments/attachments.loaders.js';
import { attachmentsResolvers } from './attachments/attachments.resolvers.js';
import { createAttachmentsService } from './attachments/attachments.service.js';
import { createAttachmentStore } from './attachments/attachments.store.js';
import { createTargets } from './attachments/attachments.targets.js';
import { createOparlService } from './oparl/oparl.service.js';

/** Every domain's service, built once per server. */
export function createServices(deps: ServiceDeps) {
  const notifications = createNotificationsService(deps, deps.writeAsSystem);
  const persons = createPersonsService(deps);
  const cooperation = createCooperationService(deps, persons);
  const auth = createAuthService(deps);
  const services = {
    auth,
    people: createPeopleService(deps, { auth }),
    invitations: createInvitationsService(deps, { auth, persons, cooperation }),
    accounts: createAccountsService(deps),
    parties: createPartiesService(deps),
    persons,
    cooperation,
    agreements: createAgreementsService(deps, notifications.inTx),
    documents: createDocumentsService(deps),
    needs: createNeedsService(deps, cooperation, notifications.inTx),
    notifications,
    goals: createGoalsService(deps),
  };
  const meetings = createMeetingsService(deps, { cooperation, persons, documents: services.documents, needs: services.needs, notify: notifications.inTx });
  const needStatistics = createNeedsStatistics(deps, services.needs);
  const indicators = createIndicatorsService(deps, { needs: services.needs, parties: services.parties });
  const attachments = createAttachmentsService(deps, {
    store: createAttachmentStore(deps.config.attachments),
    targets: createTargets({ meetings, needs: services.needs, agreements: services.agreements }),
    meetings,
  });
  const oparl = createOparlService(deps, { meetings, cooperation, agreements: services.agreements, parties: services.parties, persons, attachments });
  // Each domain says who may read its change events in the audit stream; unlisted types are the secretariat's.
  const changeViews: Record<string, ChangeView> = {
    ...partiesChangeViews,
    ...cooperationChangeViews,
    ...services.documents.changeViews,
    ...services.needs.changeViews,
    ...meetings.changeViews,
    ...indicators.changeViews,
    ...services.goals.changeViews,
    ...attachments.changeViews,
    // A need's indicator targets are read by those who read the need.
    [EVENTS.needIndicatorTargetSet.entityType]: services.needs.changeViews[EVENTS.needCreated.entityType]!,
  };
  return { ...services, meetings, needStatistics, indicators, attachments, oparl, analytics: createAnalyticsService(deps, () => changeViews) };
}
export type Services = ReturnType<typeof createServices>;

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

/** Every domain's resolvers; makeExecutableSchema merges them. */
export const moduleResolvers: Resolvers[] = [authResolvers, peopleResolvers, partiesResolvers, documentsResolvers, analyticsResolvers, personsResolvers, cooperationResolvers, needsResolvers, meetingsResolvers, notificationsResolvers, goalsResolvers, attachmentsResolvers];
