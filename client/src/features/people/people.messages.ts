import { addMessages } from '../../i18n/catalogues';
import { peopleEn } from './people.en';
import { peopleFi } from './people.fi';
import { peopleSv } from './people.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const peopleMessages = addMessages({ fi: peopleFi, sv: peopleSv, en: peopleEn });
