import { addMessages } from '../../i18n/catalogues';
import { dashboardEn } from './dashboard.en';
import { dashboardFi } from './dashboard.fi';
import { dashboardSv } from './dashboard.sv';

/** This catalogue's words in the three languages, added when a component that uses them loads (import this where you use its keys). */
export const dashboardMessages = addMessages({ fi: dashboardFi, sv: dashboardSv, en: dashboardEn });
