import { addMessages } from '../../i18n/catalogues';
import { goalsEn } from './goals.en';
import { goalsFi } from './goals.fi';
import { goalsSv } from './goals.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const goalsMessages = addMessages({ fi: goalsFi, sv: goalsSv, en: goalsEn });
