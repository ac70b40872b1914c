import { addMessages } from '../../i18n/catalogues';
import { needsEn } from './needs.en';
import { needsFi } from './needs.fi';
import { needsSv } from './needs.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const needsMessages = addMessages({ fi: needsFi, sv: needsSv, en: needsEn });
