import { addMessages } from '../../i18n/catalogues';
import { cooperationEn } from './cooperation.en';
import { cooperationFi } from './cooperation.fi';
import { cooperationSv } from './cooperation.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const cooperationMessages = addMessages({ fi: cooperationFi, sv: cooperationSv, en: cooperationEn });
