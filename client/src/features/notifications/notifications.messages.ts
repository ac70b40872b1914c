import { addMessages } from '../../i18n/catalogues';
import { notificationsEn } from './notifications.en';
import { notificationsFi } from './notifications.fi';
import { notificationsSv } from './notifications.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const notificationsMessages = addMessages({ fi: notificationsFi, sv: notificationsSv, en: notificationsEn });
