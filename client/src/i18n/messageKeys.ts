import type { analyticsFi } from '../features/analytics/analytics.fi';
import type { auditFieldsFi } from '../features/analytics/auditFields.fi';
import type { attachmentsFi } from '../features/attachments/attachments.fi';
import type { cooperationFi } from '../features/cooperation/cooperation.fi';
import type { dashboardFi } from '../features/dashboard/dashboard.fi';
import type { goalsFi } from '../features/goals/goals.fi';
import type { homeFi } from '../features/home/home.fi';
import type { meetingsFi } from '../features/meetings/meetings.fi';
import type { recordFi } from '../features/meetings/record.fi';
import type { needsFi } from '../features/needs/needs.fi';
import type { notificationsFi } from '../features/notifications/notifications.fi';
import type { partiesFi } from '../features/parties/parties.fi';
import type { peopleFi } from '../features/people/people.fi';
import type { profileFi } from '../features/profile/profile.fi';
import type { fi } from './fi';

/**
 * Every message key: the shell's (fi.ts) and each feature's, whose Finnish catalogues define them. A feature's
 * catalogue is listed here once so that `t()` accepts its keys; its words still load only with the feature.
 */
export type MessageKey =
  | keyof typeof fi
  | keyof typeof analyticsFi
  | keyof typeof auditFieldsFi
  | keyof typeof attachmentsFi
  | keyof typeof cooperationFi
  | keyof typeof dashboardFi
  | keyof typeof goalsFi
  | keyof typeof homeFi
  | keyof typeof meetingsFi
  | keyof typeof recordFi
  | keyof typeof needsFi
  | keyof typeof notificationsFi
  | keyof typeof partiesFi
  | keyof typeof peopleFi
  | keyof typeof profileFi;
