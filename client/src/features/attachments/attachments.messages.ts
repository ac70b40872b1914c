import { addMessages } from '../../i18n/catalogues';
import { attachmentsEn } from './attachments.en';
import { attachmentsFi } from './attachments.fi';
import { attachmentsSv } from './attachments.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const attachmentsMessages = addMessages({ fi: attachmentsFi, sv: attachmentsSv, en: attachmentsEn });
