import { addMessages } from '../../i18n/catalogues';
import { meetingsEn } from './meetings.en';
import { meetingsFi } from './meetings.fi';
import { meetingsSv } from './meetings.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const meetingsMessages = addMessages({ fi: meetingsFi, sv: meetingsSv, en: meetingsEn });
