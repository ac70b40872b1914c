import { createAuthService } from './auth/auth.service.js';
import { createAccountsService } from './auth/accounts.service.js';
import { createInvitationsService } from './auth/invitations.service.js';
import { createPeopleService } from './auth/people.service.js';
import type { ServiceDeps } from './deps.js';
import type { Loaders } from './loaders.js';
import type { ChangeView } from '../realtime/change-view.js';
import { EVENTS } from '../realtime/topics.js';
import { createAnalyticsService } from './analytics/analytics.service.js';
import { createIndicatorsService } from './analytics/indicators.service.js';
import { createNeedsStatistics } from './needs/needs.statistics.js';
import { createDocumentsService } from './documents/documents.service.js';
import { createPartiesService } from './parties/parties.service.js';
import { partiesChangeViews } from './parties/parties.policy.js';
import { createPersonsService } from './parties/persons.service.js';
import { createAgreementsService } from './cooperation/agreements.service.js';
import { createCooperationService } from './cooperation/cooperation.service.js';
import { createNeedsService } from './needs/needs.service.js';
import { needsSeenThroughSeat } from './needs/needs.sight.js';
import { cooperationChangeViews } from './cooperation/cooperation.policy.js';
import { createMeetingsService } from './meetings/meetings.service.js';
import { createGoalsService } from './goals/goals.service.js';
import { createNotificationsService } from './notifications/notifications.service.js';
import { createAttachmentsService } from './attachments/attachments.service.js';
import { createAttachmentStore } from './attachments/attachments.store.js';
import { createTargets } from './attachments/attachments.targets.js';
import { createOparlService } from './oparl/oparl.service.js';

/** Every domain's service, built once per server. */
export function createServices(deps: ServiceDeps) {
  const notifications = createNotificationsService(deps, deps.writeAsSystem);
  const persons = createPersonsService(deps);
  // An ended seat in a body records the needs it let its holder read (serviceNeedWithdrawn tells them).
  const cooperation = createCooperationService(deps, persons, needsSeenThroughSeat);
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
  const meetings = createMeetingsService(deps, {
    auth,
    cooperation,
    persons,
    documents: services.documents,
    needs: services.needs,
    notify: notifications.inTx,
  });
  const needStatistics = createNeedsStatistics(deps, services.needs);
  const indicators = createIndicatorsService(deps, { needs: services.needs, parties: services.parties });
  const attachments = createAttachmentsService(deps, {
    store: createAttachmentStore(deps.config.attachments),
    targets: createTargets({ meetings, needs: services.needs, agreements: services.agreements }),
    meetings,
  });
  const oparl = createOparlService(deps, {
    meetings,
    cooperation,
    agreements: services.agreements,
    parties: services.parties,
    persons,
    attachments,
  });
  // Each domain says who may read its change events in the audit stream; unlisted types are the secretariat's.
  const changeViews: Record<string, ChangeView<Loaders>> = {
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
  return {
    ...services,
    meetings,
    needStatistics,
    indicators,
    attachments,
    oparl,
    analytics: createAnalyticsService(deps, () => changeViews, { needs: services.needs }),
  };
}
export type Services = ReturnType<typeof createServices>;
