import { addMessages } from '../../i18n/catalogues';
import { partiesEn } from './parties.en';
import { partiesFi } from './parties.fi';
import { partiesSv } from './parties.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const partiesMessages = addMessages({ fi: partiesFi, sv: partiesSv, en: partiesEn });
