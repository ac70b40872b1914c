import { addMessages } from '../../i18n/catalogues';
import { homeEn } from './home.en';
import { homeFi } from './home.fi';
import { homeSv } from './home.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const homeMessages = addMessages({ fi: homeFi, sv: homeSv, en: homeEn });
