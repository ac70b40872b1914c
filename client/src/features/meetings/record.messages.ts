import { addMessages } from '../../i18n/catalogues';
import { recordEn } from './record.en';
import { recordFi } from './record.fi';
import { recordSv } from './record.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const recordMessages = addMessages({ fi: recordFi, sv: recordSv, en: recordEn });
