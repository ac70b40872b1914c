import { addMessages } from '../../i18n/catalogues';
import { profileEn } from './profile.en';
import { profileFi } from './profile.fi';
import { profileSv } from './profile.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const profileMessages = addMessages({ fi: profileFi, sv: profileSv, en: profileEn });
